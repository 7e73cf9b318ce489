import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Landing from '../../src/pages/landing/index';
import Index from '../../src/pages/index/index';
import { getKeptReferral } from '../../src/services/kept-referral';
import { setRouterParams } from '../mocks/taro';
import { USER, cloudCalls, fail, ok, resetTaroMocks, routeCloud, setPlatform } from '../helpers';
import { CARD, STORES, PRODUCTS } from '../fixtures';

const LANDING = {
  code: CARD.code,
  referrerDisplayName: '王*',
  benefits: CARD.refereeBenefits,
};

beforeEach(() => {
  resetTaroMocks();
  setPlatform('weapp');
});

describe('landing page', () => {
  it('shows the invitation from a shared code and keeps the code on the device', async () => {
    setRouterParams({ code: CARD.code });
    routeCloud({ 'referral.resolveLanding': () => ok(LANDING) });
    render(<Landing />);
    expect(screen.getByTestId('landing-loading')).toBeTruthy();
    const invite = await screen.findByTestId('landing-invitation');
    expect(within(invite).getByTestId('landing-title').textContent).toContain('你的好友 王* 邀请你');
    expect(within(invite).getByTestId('landing-benefits').textContent).toContain('返利金 5%');
    expect(getKeptReferral()).toMatchObject({ code: CARD.code, referrerDisplayName: '王*' });

    fireEvent.click(within(invite).getByTestId('landing-book'));
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/booking/index' });
  });

  it('resolves a scanned code’s scene, URL-decoded', async () => {
    setRouterParams({ scene: 'r%3D34MJW8AR' });
    routeCloud({ 'referral.resolveLanding': () => ok(LANDING) });
    render(<Landing />);
    await screen.findByTestId('landing-invitation');
    expect(cloudCalls()[0]).toEqual({ call: 'referral.resolveLanding', data: { scene: 'r=34MJW8AR' } });
  });

  it('an invalid or revoked code falls back to home with a clear message, and keeps nothing', async () => {
    setRouterParams({ code: '34MJW8AX' });
    routeCloud({ 'referral.resolveLanding': () => fail('INVALID_CODE', '推荐码有误，请核对后重新输入') });
    render(<Landing />);
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }));
    expect(getKeptReferral()).toBeNull();

    // The home page the app lands on shows why.
    routeCloud({
      'user.login': () => ok(USER),
      'booking.listStores': () => ok({ stores: STORES }),
      'booking.listProducts': () => ok({ products: PRODUCTS }),
    });
    render(<Index />);
    const notice = screen.getByTestId('home-notice');
    expect(notice.textContent).toContain('推荐码无效');
    expect(notice.textContent).toContain('推荐码有误，请核对后重新输入');
    await screen.findByTestId('home-member');
  });

  it('a link without a code also falls back to home', async () => {
    routeCloud({});
    render(<Landing />);
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' });
  });

  it('a network failure is an error with retry, not a fallback', async () => {
    setRouterParams({ code: CARD.code });
    routeCloud({ 'referral.resolveLanding': () => ok(LANDING) });
    cloudCallRejectOnce();
    render(<Landing />);
    const error = await screen.findByTestId('landing-error');
    expect(error.textContent).toContain('网络不可用');
    expect(Taro.reLaunch).not.toHaveBeenCalled();
    fireEvent.click(within(error).getByTestId('retry-button'));
    expect(await screen.findByTestId('landing-invitation')).toBeTruthy();
  });
});

/** The first cloud call rejects like WeChat without network (the route then answers normally). */
function cloudCallRejectOnce() {
  const cloudCall = Taro.cloud.callFunction as unknown as jest.Mock;
  const impl = cloudCall.getMockImplementation();
  cloudCall.mockImplementationOnce(async () => {
    throw { errMsg: 'cloud.callFunction:fail request:fail' };
  });
  if (impl) cloudCall.mockImplementation(impl);
}
