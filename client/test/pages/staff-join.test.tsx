import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import JoinPage from '../../src/packages/staff/pages/join/index';
import * as staff from '../../src/services/staff';
import { resetTaroMocks, setPlatform } from '../helpers';
import { setRouterParams } from '../mocks/taro';
import { JOINED, failResult, okResult, resetServiceMocks } from '../staff-fixtures';

jest.mock('../../src/services/staff');
const svc = jest.mocked(staff);

beforeEach(() => {
  resetTaroMocks();
  setPlatform('weapp');
  resetServiceMocks(staff);
  svc.redeemInvite.mockResolvedValue(okResult(JOINED));
});

const codeInput = () => screen.getByTestId('join-code') as HTMLInputElement;

describe('员工加入', () => {
  it('a code typed in lower case with a space joins; the welcome names store and post', async () => {
    render(<JoinPage />);
    fireEvent.change(codeInput(), { target: { value: 'ab2c d3ef' } });
    expect(codeInput().value).toBe('AB2CD3EF');
    fireEvent.click(screen.getByTestId('join-submit'));
    expect((await screen.findByTestId('join-welcome')).textContent).toBe('欢迎加入 悦美一店，岗位：咨询师');
    expect(svc.redeemInvite).toHaveBeenCalledWith('AB2CD3EF');
    fireEvent.click(screen.getByTestId('join-workbench'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/workbench/index' });
  });

  it('a code from the link fills the field; joining still waits for the tap', async () => {
    setRouterParams({ code: 'ab2cd3ef' });
    render(<JoinPage />);
    expect(codeInput().value).toBe('AB2CD3EF');
    expect(svc.redeemInvite).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('join-submit'));
    await screen.findByTestId('join-result');
  });

  it('a short or mistyped code is named before anything is sent', () => {
    render(<JoinPage />);
    fireEvent.click(screen.getByTestId('join-submit'));
    expect(screen.getByTestId('join-error').textContent).toBe('请输入 8 位邀请码');
    fireEvent.change(codeInput(), { target: { value: 'AB2CD3E0' } });
    expect(screen.queryByTestId('join-error')).toBeNull();
    fireEvent.click(screen.getByTestId('join-submit'));
    expect(screen.getByTestId('join-error').textContent).toContain('8 位字母或数字');
    expect(svc.redeemInvite).not.toHaveBeenCalled();
  });

  it('the server’s refusal is shown in its own words', async () => {
    svc.redeemInvite.mockResolvedValueOnce(failResult('CONFLICT', '邀请码已过期，请向管理员重新索取'));
    render(<JoinPage />);
    fireEvent.change(codeInput(), { target: { value: 'AB2CD3EF' } });
    fireEvent.click(screen.getByTestId('join-submit'));
    expect((await screen.findByTestId('join-error')).textContent).toBe('邀请码已过期，请向管理员重新索取');
    expect(screen.queryByTestId('join-result')).toBeNull();
  });
});
