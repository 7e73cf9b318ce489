import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro, { useShareAppMessage } from '@tarojs/taro';
import Landing from '../../src/pages/landing/index';
import Index from '../../src/pages/index/index';
import { takeFlash } from '../../src/services/flash';
import { getKeptReferral, keepReferral } from '../../src/services/kept-referral';
import { setRouterParams } from '../mocks/taro';
import { setCurrentIdentity } from '../../src/services/demo-identity';
import {
  USER,
  cloudCalls,
  fail,
  jsonResponse,
  mockFetch,
  ok,
  resetTaroMocks,
  routeCloud,
  setPlatform,
} from '../helpers';
import { CARD, STORES, PRODUCTS } from '../fixtures';

const LANDING = {
  code: CARD.code,
  referrerDisplayName: '王*',
  benefits: CARD.refereeBenefits,
};

const GIFT_BENEFITS = [
  ...CARD.refereeBenefits,
  { kind: 'physical_gift', title: '礼品：修护面膜', description: '您首次消费后，赠送修护面膜', valueFen: 19_900 },
];
const CLINIC = {
  institutionName: '昆明悦美医疗美容门诊部',
  licenceNumber: 'PDY80317253010217D1492',
  doctors: [
    {
      name: '李静怡',
      title: '主任医师',
      licenceNumber: '110530100031288',
      specialties: '眼鼻整形、面部轮廓',
      photoUrl: 'http://127.0.0.1:10086/local-files/clinic/doctors/doctor-1.png',
    },
    { name: '周明哲', title: '副主任医师', licenceNumber: '', specialties: '' },
  ],
  stores: [
    {
      id: 'store-1',
      name: '悦美医疗美容 · 一店',
      address: '云南省昆明市五华区东风西路 168 号',
      photoUrls: ['http://127.0.0.1:10086/a.png', 'http://127.0.0.1:10086/b.png'],
    },
    { id: 'store-2', name: '悦美医疗美容 · 二店', address: '云南省昆明市西山区滇池路 569 号', photoUrls: [] },
  ],
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
    expect(within(invite).getByTestId('landing-title').textContent).toBe('您的好友 王* 邀请您到悦美医疗美容，一起变美');
    expect(within(invite).queryByTestId('landing-avatar')).toBeNull();
    expect(within(invite).getByTestId('landing-benefits').textContent).toContain('返利金 5%');
    expect(getKeptReferral()).toMatchObject({ code: CARD.code, referrerDisplayName: '王*' });

    fireEvent.click(within(invite).getByTestId('landing-book'));
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/booking/index' });
  });

  it('the referrer who agreed to be shown: their nickname and avatar, kept with the code', async () => {
    setRouterParams({ code: CARD.code });
    const avatar = 'https://tmp.example.invalid/avatars/o-wangli/a.jpg';
    routeCloud({
      'referral.resolveLanding': () => ok({ ...LANDING, referrerDisplayName: '丽丽 🌸', referrerAvatarUrl: avatar }),
    });
    render(<Landing />);
    const invite = await screen.findByTestId('landing-invitation');
    expect(within(invite).getByTestId('landing-title').textContent).toContain('您的好友 丽丽 🌸 邀请您');
    expect(within(invite).getByTestId('landing-avatar').getAttribute('src')).toBe(avatar);
    expect(getKeptReferral()?.referrerDisplayName).toBe('丽丽 🌸');
  });

  it('the gift with its value first, then the doctors, the stores and the licence', async () => {
    setRouterParams({ code: CARD.code });
    routeCloud({ 'referral.resolveLanding': () => ok({ ...LANDING, benefits: GIFT_BENEFITS, clinic: CLINIC }) });
    render(<Landing />);
    const invite = await screen.findByTestId('landing-invitation');
    const benefits = within(invite).getByTestId('landing-benefits').textContent;
    expect(benefits).toContain('礼品：修护面膜 价值 ¥199');
    expect(benefits).not.toContain('返利金 5% 价值');
    const doctors = within(invite).getAllByTestId('landing-doctor');
    expect(doctors.map((d) => d.textContent)).toEqual([
      '李静怡 主任医师眼鼻整形、面部轮廓医师执业证 110530100031288',
      '周明哲 副主任医师',
    ]);
    expect(doctors[0]?.querySelector('img')?.getAttribute('src')).toBe(CLINIC.doctors[0]?.photoUrl);
    expect(doctors[1]?.querySelector('img')).toBeNull();
    const stores = within(invite).getAllByTestId('landing-store');
    expect(stores[0]?.textContent).toBe('悦美医疗美容 · 一店云南省昆明市五华区东风西路 168 号');
    expect(stores[0]?.querySelectorAll('img')).toHaveLength(2);
    expect(stores[1]?.querySelectorAll('img')).toHaveLength(0);
    expect(within(invite).getByTestId('landing-licence').textContent).toBe(
      '资质医疗机构执业许可证 PDY80317253010217D1492昆明悦美医疗美容门诊部',
    );
    // The order a friend reads: gift, doctors, stores, licence, then the booking button.
    const order = ['landing-benefits', 'landing-doctors', 'landing-stores', 'landing-licence', 'landing-book'].map(
      (id) => within(invite).getByTestId(id),
    );
    for (let i = 1; i < order.length; i++) {
      expect(order[i - 1]!.compareDocumentPosition(order[i]!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    }
  });

  it('a clinic that filled in nothing: no empty headings, the button and the kept code still there', async () => {
    setRouterParams({ code: CARD.code });
    routeCloud({ 'referral.resolveLanding': () => ok({ ...LANDING, clinic: { doctors: [], stores: [] } }) });
    render(<Landing />);
    const invite = await screen.findByTestId('landing-invitation');
    for (const id of ['landing-doctors', 'landing-stores', 'landing-licence']) {
      expect(within(invite).queryByTestId(id)).toBeNull();
    }
    expect(invite.textContent).not.toContain('医生团队');
    expect(within(invite).getByTestId('landing-book')).toBeTruthy();
    expect(within(invite).getByTestId('landing-kept').textContent).toContain(`推荐码 ${CARD.code} 已为您保留 30 天`);
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
    expect(notice.textContent).toBe(
      '这份邀请无法使用邀请中的推荐码无法识别或已停用，可请推荐人重新分享。您仍可以直接预约，预约时也可以填写推荐码。',
    );
    // Said once, and without asking to check a code nobody typed.
    expect(notice.textContent).not.toContain('请核对');
    await screen.findByTestId('home-member');
  });

  it('an old link whose code was revoked: the kept code is cleared before home, which gets only the notice', async () => {
    keepReferral({ code: CARD.code, referrerDisplayName: '王*' });
    setRouterParams({ code: CARD.code.toLowerCase() });
    routeCloud({ 'referral.resolveLanding': () => fail('INVALID_CODE', '推荐码无效，请向推荐人确认或重新索取') });
    render(<Landing />);
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }));
    // Cleared before the redirect: the home page reads nothing kept beside the notice.
    expect(getKeptReferral()).toBeNull();
    expect(takeFlash()?.title).toBe('这份邀请无法使用');
  });

  it('a revoked scanned code clears the same kept code; another friend’s kept invitation stays', async () => {
    keepReferral({ code: CARD.code, referrerDisplayName: '王*' });
    setRouterParams({ scene: `r%3D${CARD.code}` });
    routeCloud({ 'referral.resolveLanding': () => fail('INVALID_CODE', '推荐码无效，请向推荐人确认或重新索取') });
    const { unmount } = render(<Landing />);
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalled());
    expect(getKeptReferral()).toBeNull();
    unmount();

    keepReferral({ code: 'ABCD2345', referrerDisplayName: '刘*' });
    setRouterParams({ code: CARD.code });
    render(<Landing />);
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledTimes(2));
    expect(getKeptReferral()?.code).toBe('ABCD2345');
  });

  it('the holder opening their own card: 这是您的推荐卡, a way to the card and to share it, nothing kept', async () => {
    keepReferral({ code: CARD.code, referrerDisplayName: '王*' });
    setRouterParams({ code: CARD.code });
    routeCloud({ 'referral.resolveLanding': () => ok({ ...LANDING, ownCard: true }) });
    render(<Landing />);
    const own = await screen.findByTestId('landing-own-card');
    expect(within(own).getByTestId('landing-own-card-title').textContent).toBe('这是您的推荐卡');
    expect(own.textContent).toContain(CARD.code);
    expect(screen.queryByTestId('landing-invitation')).toBeNull();
    expect(getKeptReferral()).toBeNull();
    fireEvent.click(within(own).getByTestId('landing-own-card-open'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/customer/pages/card/index' });
    // weapp: WeChat's share sheet, with the card's own path.
    expect(within(own).getByTestId('landing-own-card-share').tagName).toBe('BUTTON');
    const share = (useShareAppMessage as jest.Mock).mock.calls.at(-1)?.[0] as () => { path: string };
    expect(share().path).toBe(`/pages/landing/index?code=${CARD.code}`);
  });

  it('in the browser the holder shares the link that opens the invitation (copied where there is no share sheet)', async () => {
    setPlatform('h5');
    setCurrentIdentity({ openid: 'demo-customer-wangli', name: '王丽', kind: 'customer', label: '老客 · 王丽' });
    setRouterParams({ code: CARD.code });
    mockFetch().mockResolvedValue(jsonResponse({ ok: true, data: { ...LANDING, ownCard: true } }));
    render(<Landing />);
    fireEvent.click(await screen.findByTestId('landing-own-card-share'));
    expect(Taro.setClipboardData).toHaveBeenCalledWith({
      data: `${window.location.origin}/#/pages/landing/index?code=${CARD.code}`,
    });
  });

  it('a friend’s invitation keeps the code with the clinic’s lead time for the booking page', async () => {
    setRouterParams({ code: CARD.code });
    routeCloud({ 'referral.resolveLanding': () => ok({ ...LANDING, referralTerms: { minLeadDays: 2 } }) });
    render(<Landing />);
    await screen.findByTestId('landing-invitation');
    expect(getKeptReferral()).toMatchObject({ code: CARD.code, terms: { minLeadDays: 2 } });
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
