import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ReachBanner } from '../../src/packages/staff/components/ReachBanner';
import * as staff from '../../src/services/staff';
import { resetTaroMocks, setPlatform } from '../helpers';
import { failResult, okResult, resetServiceMocks } from '../staff-fixtures';

jest.mock('../../src/services/staff');
const svc = jest.mocked(staff);
const ask = Taro.requestSubscribeMessage as unknown as jest.Mock;

const UNREACHABLE = { digestGrants: 0, longTerm: false, reachable: false };
const REACHABLE = { digestGrants: 2, longTerm: false, reachable: true };

beforeEach(() => {
  resetTaroMocks();
  setPlatform('weapp');
  resetServiceMocks(staff);
});

describe('reach banner (staff digest)', () => {
  it('shows nothing while a channel reaches the person and nothing new arrived in-app', () => {
    render(<ReachBanner reach={REACHABLE} inAppUnread={0} templateId="tpl-digest" onChanged={jest.fn()} />);
    expect(screen.queryByTestId('reach-banner')).toBeNull();
  });

  it('counts the in-app digests without offering a subscription when one is banked', () => {
    render(<ReachBanner reach={REACHABLE} inAppUnread={2} templateId="tpl-digest" onChanged={jest.fn()} />);
    expect(screen.getByTestId('reach-unread').textContent).toContain('2 条');
    expect(screen.queryByTestId('reach-resubscribe')).toBeNull();
  });

  it('re-subscribes with one tap: asks WeChat for the digest template, banks the answer, reloads', async () => {
    ask.mockResolvedValue({ 'tpl-digest': 'accept', errMsg: 'requestSubscribeMessage:ok' });
    svc.recordSubscription.mockResolvedValue(okResult({ digestGrants: 1, reachable: true }));
    const onChanged = jest.fn();
    render(<ReachBanner reach={UNREACHABLE} inAppUnread={1} templateId="tpl-digest" onChanged={onChanged} />);
    fireEvent.click(screen.getByTestId('reach-resubscribe'));
    expect((await screen.findByTestId('reach-result')).textContent).toContain('已订阅');
    expect(ask).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['tpl-digest'] }));
    expect(svc.recordSubscription).toHaveBeenCalledWith({ 'tpl-digest': 'accept' });
    expect(onChanged).toHaveBeenCalledTimes(1);
  });

  it('a refusal records nothing; a failed record says so', async () => {
    ask.mockResolvedValue({ 'tpl-digest': 'reject' });
    const onChanged = jest.fn();
    render(<ReachBanner reach={UNREACHABLE} inAppUnread={0} templateId="tpl-digest" onChanged={onChanged} />);
    fireEvent.click(screen.getByTestId('reach-resubscribe'));
    expect((await screen.findByTestId('reach-result')).textContent).toContain('未订阅');
    expect(svc.recordSubscription).not.toHaveBeenCalled();

    ask.mockResolvedValue({ 'tpl-digest': 'accept' });
    svc.recordSubscription.mockResolvedValue(failResult('INTERNAL', '系统繁忙'));
    fireEvent.click(screen.getByTestId('reach-resubscribe'));
    await waitFor(() => expect(screen.getByTestId('reach-result').textContent).toContain('订阅未成功'));
    expect(onChanged).not.toHaveBeenCalled();
  });
});
