import Taro from '@tarojs/taro';
import { fireEvent, render, screen } from '@testing-library/react';
import Mine from '../../src/pages/mine/index';
import { NEW_CUSTOMER, USER, VISITOR, cloudCall, resetTaroMocks, setPlatform } from '../helpers';
import { markMemberStale } from '../../src/services/session';

const answer = (data: unknown) => cloudCall.mockResolvedValueOnce({ errMsg: 'ok', result: { ok: true, data } });

beforeEach(() => {
  resetTaroMocks();
  setPlatform('weapp');
});

describe('我的', () => {
  it('a 老客 opens the referral card and the appointments', async () => {
    answer(USER);
    render(<Mine />);
    expect((await screen.findByTestId('member-standing')).textContent).toBe('老客');
    fireEvent.click(screen.getByTestId('mine-card'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/customer/pages/card/index' });
    fireEvent.click(screen.getByTestId('mine-appointments'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/customer/pages/appointments/index' });
    expect(screen.queryByTestId('mine-bind')).toBeNull();
  });

  it('a 新客 is told the card opens after the first paid treatment: no dead end', async () => {
    answer(NEW_CUSTOMER);
    render(<Mine />);
    expect((await screen.findByTestId('mine-card-locked')).textContent).toContain('首次消费后开通');
    expect(screen.queryByTestId('mine-card')).toBeNull();
  });

  it('someone without a customer record can bind a phone; staff do not see 员工加入', async () => {
    answer(VISITOR);
    const { unmount } = render(<Mine />);
    expect(await screen.findByTestId('mine-bind')).toBeTruthy();
    expect(screen.getByTestId('home-join')).toBeTruthy();
    unmount();

    // Joined the staff (the join page marks the shared record stale): the next show asks again.
    answer({ ...VISITOR, roles: ['staff'] });
    markMemberStale();
    render(<Mine />);
    expect(await screen.findByTestId('home-workbench')).toBeTruthy();
    expect(screen.queryByTestId('home-join')).toBeNull();
  });

  it('in H5 without a demo identity it points to the home page instead of signing in', async () => {
    setPlatform('h5');
    render(<Mine />);
    expect(screen.getByTestId('login-empty')).toBeTruthy();
    expect(cloudCall).not.toHaveBeenCalled();
  });
});
