import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import VerificationPage from '../../src/packages/staff/pages/verification/index';
import * as staff from '../../src/services/staff';
import { resetTaroMocks, setPlatform } from '../helpers';
import { failResult, okResult, resetServiceMocks, verificationItem, verificationPage } from '../staff-fixtures';

jest.mock('../../src/services/staff');
const svc = jest.mocked(staff);

const ITEMS = [
  verificationItem('v-1'),
  verificationItem('v-2', { displayName: '钱*', result: 'N2', reason: undefined, note: undefined }),
];

beforeEach(() => {
  resetTaroMocks();
  setPlatform('weapp');
  resetServiceMocks(staff);
  svc.listVerification.mockImplementation(async (cursor) =>
    okResult(
      cursor === 'p2'
        ? verificationPage([verificationItem('v-3', { displayName: '孙*' })])
        : verificationPage(ITEMS, 'p2'),
    ),
  );
  svc.verify.mockImplementation(
    async (itemId, decision) =>
      okResult({
        itemId,
        status: decision === 'confirm' ? 'confirmed_removed' : 'restored',
        taskId: 'task-9',
      }) as never,
  );
});

describe('verification queue', () => {
  it('lists the records with result, reason and who submitted them', async () => {
    render(<VerificationPage />);
    expect(screen.getByTestId('verification-loading')).toBeTruthy();
    const first = await screen.findByTestId('verification-v-1');
    expect(first.textContent).toContain('V4 有效四级：已在竞品消费（竞品因素）');
    expect(first.textContent).toContain('李顾问 提交于 2026-11-23 09:30');
    expect(screen.getByTestId('verification-v-2').textContent).toContain('N2 无效二级：号码已失效');
  });

  it('确认移出 asks first, then removes the item', async () => {
    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true });
    render(<VerificationPage />);
    fireEvent.click(await screen.findByTestId('confirm-v-1'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(svc.verify).not.toHaveBeenCalled();
    expect(screen.getByTestId('verification-v-1')).toBeTruthy();

    fireEvent.click(screen.getByTestId('confirm-v-1'));
    await waitFor(() => expect(screen.queryByTestId('verification-v-1')).toBeNull());
    expect(svc.verify).toHaveBeenCalledWith('v-1', 'confirm');
    expect(screen.getByTestId('verification-v-2')).toBeTruthy();
  });

  it('退回 needs a note, then sends it back and removes the item', async () => {
    render(<VerificationPage />);
    fireEvent.click(await screen.findByTestId('send-back-v-2'));
    const item = screen.getByTestId('verification-v-2');
    fireEvent.click(within(item).getByTestId('send-back-save-v-2'));
    expect(within(item).getByTestId('verification-item-error').textContent).toContain('请填写退回原因');
    expect(svc.verify).not.toHaveBeenCalled();

    fireEvent.change(within(item).getByTestId('send-back-note'), { target: { value: '号码能打通，请再联系' } });
    fireEvent.click(within(item).getByTestId('send-back-save-v-2'));
    await waitFor(() => expect(screen.queryByTestId('verification-v-2')).toBeNull());
    expect(svc.verify).toHaveBeenCalledWith('v-2', 'send_back', '号码能打通，请再联系');
  });

  it('a failed verify keeps the item with the message', async () => {
    svc.verify.mockResolvedValue(failResult('FORBIDDEN', '您没有权限进行此操作') as never);
    render(<VerificationPage />);
    fireEvent.click(await screen.findByTestId('confirm-v-1'));
    expect((await screen.findByTestId('verification-item-error')).textContent).toBe('您没有权限进行此操作');
    expect(screen.getByTestId('verification-v-1')).toBeTruthy();
  });

  it('loads more by cursor, and is empty once everything is verified', async () => {
    render(<VerificationPage />);
    fireEvent.click(await screen.findByTestId('verification-more'));
    expect(await screen.findByTestId('verification-v-3')).toBeTruthy();
    expect(svc.listVerification).toHaveBeenLastCalledWith('p2');
    for (const id of ['v-1', 'v-2', 'v-3']) {
      fireEvent.click(screen.getByTestId(`confirm-${id}`));
      await waitFor(() => expect(screen.queryByTestId(`verification-${id}`)).toBeNull());
    }
    expect(screen.getByTestId('verification-empty').textContent).toContain('暂无待核实的记录');
  });

  it('a load error has a retry', async () => {
    svc.listVerification.mockResolvedValueOnce(failResult('FORBIDDEN', '您没有权限进行此操作'));
    render(<VerificationPage />);
    const error = await screen.findByTestId('verification-error');
    fireEvent.click(within(error).getByTestId('retry-button'));
    expect(await screen.findByTestId('verification-v-1')).toBeTruthy();
  });
});
