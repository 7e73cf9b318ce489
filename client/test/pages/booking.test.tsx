import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Booking from '../../src/pages/booking/index';
import { getKeptReferral, keepReferral } from '../../src/services/kept-referral';
import { showPagesAgain } from '../mocks/taro';
import { phoneNumberAllowed } from '../mocks/taro-components';
import { cloudCalls, fail, ok, resetTaroMocks, routeCloud, setPlatform } from '../helpers';
import { BOOKING, NOW, PRODUCTS, STORES, TODAY, freezeClock, slotsOf } from '../fixtures';

beforeEach(() => {
  resetTaroMocks();
  setPlatform('weapp');
  freezeClock(NOW);
});
afterEach(() => jest.useRealTimers());

function gateway(overrides: Record<string, (data: any) => unknown> = {}) {
  routeCloud({
    'booking.listStores': () => ok({ stores: STORES }),
    'booking.listProducts': () => ok({ products: PRODUCTS }),
    'booking.listSlots': ({ date }) => ok(slotsOf(date, ['10:30'])),
    'booking.create': () => ok(BOOKING),
    ...overrides,
  });
}

async function pickStoreProductDay(date = '2026-11-25') {
  fireEvent.click(await screen.findByTestId('store-store-1'));
  fireEvent.click(await screen.findByTestId('product-product-eyes'));
  fireEvent.click(screen.getByTestId(`calendar-day-${date}`));
  await screen.findByTestId('slots');
}

function fillContact(phone: string) {
  fireEvent.change(screen.getByTestId('booking-name'), { target: { value: '林小雨' } });
  fireEvent.change(screen.getByTestId('booking-phone'), { target: { value: phone } });
}

describe('booking page', () => {
  it('shows loading, then the stores; an error has a retry', async () => {
    let first = true;
    gateway({
      'booking.listStores': () => {
        if (first) {
          first = false;
          return fail('INTERNAL', '系统繁忙，请稍后再试');
        }
        return ok({ stores: STORES });
      },
    });
    render(<Booking />);
    expect(screen.getByTestId('stores-loading')).toBeTruthy();
    const error = await screen.findByTestId('stores-error');
    expect(error.textContent).toContain('系统繁忙');
    fireEvent.click(within(error).getByTestId('retry-button'));
    expect(await screen.findByTestId('store-store-2')).toBeTruthy();
  });

  it('shows an empty state when no store takes bookings', async () => {
    gateway({ 'booking.listStores': () => ok({ stores: [] }) });
    render(<Booking />);
    expect((await screen.findByTestId('stores-empty')).textContent).toContain('暂无可预约的门店');
  });

  it('disables past days and the store’s closed days in the calendar', async () => {
    gateway();
    render(<Booking />);
    fireEvent.click(await screen.findByTestId('store-store-2'));
    await screen.findByTestId('product-product-eyes');
    const yesterday = screen.getByTestId('calendar-day-2026-11-22');
    expect(yesterday.getAttribute('data-disabled')).toBe('true');
    expect(yesterday.getAttribute('data-reason')).toBe('past');
    // 二店 closes on Tuesdays: 2026-11-24 is one.
    const tuesday = screen.getByTestId('calendar-day-2026-11-24');
    expect(tuesday.getAttribute('data-reason')).toBe('closed');
    expect(screen.getByTestId(`calendar-day-${TODAY}`).getAttribute('data-disabled')).toBe('false');

    // Today starts chosen (the first open day); tapping a disabled day changes nothing.
    await waitFor(() => expect(screen.getByTestId('chosen-date').textContent).toBe('11月23日 周一（今天）'));
    fireEvent.click(tuesday);
    fireEvent.click(yesterday);
    expect(screen.getByTestId('chosen-date').textContent).toBe('11月23日 周一（今天）');
    const asked = cloudCalls()
      .filter((c) => c.call === 'booking.listSlots')
      .map((c) => (c.data as { date: string }).date);
    expect(asked).not.toContain('2026-11-24');
    expect(asked).not.toContain('2026-11-22');
  });

  it('disables full slots and started slots; they cannot be picked', async () => {
    gateway({ 'booking.listSlots': ({ date }) => ok(slotsOf(date, ['10:30'])) });
    render(<Booking />);
    await pickStoreProductDay(TODAY); // now = 10:00: 09:30 and 10:00 have started
    const full = screen.getByTestId('slot-1030');
    expect(full.getAttribute('data-disabled')).toBe('true');
    expect(full.textContent).toContain('已约满');
    expect(screen.getByTestId('slot-0930').textContent).toContain('已过');
    fireEvent.click(full);
    expect(full.className).not.toContain('slot--selected');
    fireEvent.click(screen.getByTestId('slot-1400'));
    expect(screen.getByTestId('slot-1400').className).toContain('slot--selected');
  });

  it('explains a bad phone without calling the function', async () => {
    gateway();
    render(<Booking />);
    await pickStoreProductDay();
    fireEvent.click(screen.getByTestId('slot-1400'));
    fillContact('1390013800');
    fireEvent.click(screen.getByTestId('booking-submit'));

    expect(screen.getByTestId('error-phone').textContent).toBe('手机号码位数不足，应为 11 位');
    expect(screen.getByTestId('booking-submit-error').textContent).toContain('请完善');
    expect(cloudCalls().some((c) => c.call === 'booking.create')).toBe(false);

    // Fixing a field clears its message.
    fireEvent.change(screen.getByTestId('booking-phone'), { target: { value: '13900138000' } });
    expect(screen.queryByTestId('error-phone')).toBeNull();
  });

  it('nothing is sent until the customer agrees to the 隐私保护指引', async () => {
    (Taro.requirePrivacyAuthorize as unknown as jest.Mock).mockImplementationOnce((o: { fail: () => void }) =>
      o.fail(),
    );
    gateway();
    render(<Booking />);
    await pickStoreProductDay();
    fireEvent.click(screen.getByTestId('slot-1400'));
    fillContact('13900138000');
    await act(async () => fireEvent.click(screen.getByTestId('booking-submit')));
    expect(screen.getByTestId('booking-submit-error').textContent).toBe('需要您同意《隐私保护指引》后才能提交预约');
    expect(cloudCalls().some((c) => c.call === 'booking.create')).toBe(false);
    // Agreed on the next try: the booking goes through with what was filled in.
    await act(async () => fireEvent.click(screen.getByTestId('booking-submit')));
    await screen.findByTestId('booking-result');
  });

  it('asks for every missing choice', async () => {
    gateway();
    render(<Booking />);
    await screen.findByTestId('store-store-1');
    fireEvent.click(screen.getByTestId('booking-submit'));
    expect(screen.getByTestId('error-storeId').textContent).toBe('请选择门店');
    expect(screen.getByTestId('error-name').textContent).toBe('请填写姓名');
    expect(screen.getByTestId('error-phone').textContent).toBe('请填写手机号码');
  });

  it('links the privacy notice', async () => {
    gateway();
    render(<Booking />);
    fireEvent.click(await screen.findByTestId('privacy-link'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/customer/pages/privacy/index' });
    // The separate consent for health-related information is what the submit button says it is.
    expect(screen.getByTestId('booking-sensitive-consent').textContent).toContain('医疗健康相关的敏感个人信息');
    expect(screen.getByTestId('booking-sensitive-consent').textContent).toContain('同意并提交预约');
    expect(screen.getByTestId('booking-submit').textContent).toBe('同意并提交预约');
  });

  it('sends the kept referral code, shows who referred, and forgets the code once booked', async () => {
    keepReferral({ code: '34MJW8AR', referrerDisplayName: '王*' }, NOW);
    gateway();
    render(<Booking />);
    expect(screen.getByTestId('booking-referrer').textContent).toContain('由 王* 推荐');
    await pickStoreProductDay();
    fireEvent.click(screen.getByTestId('slot-1400'));
    fillContact('139 0013 8000');
    fireEvent.click(screen.getByTestId('booking-submit'));

    const result = await screen.findByTestId('booking-result');
    expect(within(result).getByTestId('booking-code').textContent).toBe('K7M3Q9A');
    expect(within(result).getByTestId('booking-success')).toBeTruthy();
    const create = cloudCalls().find((c) => c.call === 'booking.create');
    expect(create?.data).toEqual({
      storeId: 'store-1',
      productId: 'product-eyes',
      date: '2026-11-25',
      slot: '14:00',
      name: '林小雨',
      phone: '139 0013 8000',
      consentVersion: '2026-12',
      sensitiveConsent: true,
      referralCode: '34MJW8AR',
    });
    expect(getKeptReferral(NOW)).toBeNull();
  });

  it('预约 is a tab: shown again after a booking, it starts a fresh form with the store kept and picks up a newly kept code', async () => {
    gateway();
    render(<Booking />);
    await pickStoreProductDay();
    fireEvent.click(screen.getByTestId('slot-1400'));
    fillContact('139 0013 8000');
    fireEvent.click(screen.getByTestId('booking-submit'));
    await screen.findByTestId('booking-result');

    keepReferral({ code: '34MJW8AR', referrerDisplayName: '王*' }, NOW);
    act(() => showPagesAgain());
    expect(screen.queryByTestId('booking-result')).toBeNull();
    expect(screen.getByTestId('booking-referrer').textContent).toContain('由 王* 推荐');
    expect(screen.getByTestId('store-store-1').className).toContain('booking__store--active');
    expect((screen.getByTestId('booking-name') as HTMLInputElement).value).toBe('');
  });

  it('the next booking on this device starts with the last booking’s store chosen and its projects shown', async () => {
    gateway();
    const first = render(<Booking />);
    await screen.findByTestId('store-store-2');
    expect(screen.getByTestId('store-store-1').className).not.toContain('booking__store--active');
    expect(screen.queryByTestId('product-product-eyes')).toBeNull();
    await pickStoreProductDay();
    fireEvent.click(screen.getByTestId('slot-1400'));
    fillContact('139 0013 8000');
    fireEvent.click(screen.getByTestId('booking-submit'));
    await screen.findByTestId('booking-result');
    first.unmount();

    render(<Booking />);
    expect(await screen.findByTestId('product-product-eyes')).toBeTruthy();
    expect(screen.getByTestId('store-store-1').className).toContain('booking__store--active');
    expect(screen.getByTestId('store-store-2').className).not.toContain('booking__store--active');
  });

  it('each project says its indicative price (when listed) and how long it takes', async () => {
    gateway();
    render(<Booking />);
    fireEvent.click(await screen.findByTestId('store-store-1'));
    expect((await screen.findByTestId('product-product-eyes')).textContent).toBe('双眼皮参考价 ¥6800约 90 分钟');
    expect(screen.getByTestId('product-product-hyaluronic-acid').textContent).toBe('玻尿酸填充约 30 分钟');
  });

  it('shows the existing appointment when the phone already has one', async () => {
    gateway({ 'booking.create': () => ok({ ...BOOKING, date: '2026-11-27', slot: '10:00', existing: true }) });
    render(<Booking />);
    await pickStoreProductDay();
    fireEvent.click(screen.getByTestId('slot-1400'));
    fillContact('13900138000');
    fireEvent.click(screen.getByTestId('booking-submit'));
    expect((await screen.findByTestId('booking-existing')).textContent).toContain('您已有一个待到院的预约');
    expect(screen.getByTestId('result-when').textContent).toBe('11月27日 周五 10:00');
    expect(screen.queryByTestId('booking-success')).toBeNull();
  });

  it('a slot taken meanwhile: the message, the slot cleared and the slots reloaded', async () => {
    gateway({ 'booking.create': () => fail('SLOT_FULL', '该时段已约满，请选择其他时段') });
    render(<Booking />);
    await pickStoreProductDay();
    fireEvent.click(screen.getByTestId('slot-1400'));
    fillContact('13900138000');
    fireEvent.click(screen.getByTestId('booking-submit'));
    expect((await screen.findByTestId('error-slot')).textContent).toBe('该时段已约满，请选择其他时段');
    const slotsOf25th = () =>
      cloudCalls().filter((c) => c.call === 'booking.listSlots' && (c.data as { date: string }).date === '2026-11-25');
    await waitFor(() => expect(slotsOf25th()).toHaveLength(2));
  });

  it('a kept code revoked since the landing page: dropped, told plainly, and the very next submit books without it', async () => {
    keepReferral({ code: '34MJW8AR', referrerDisplayName: '王*' }, NOW);
    let refuse = true;
    gateway({
      'booking.create': () => {
        if (!refuse) return ok({ ...BOOKING, referred: false });
        refuse = false;
        return fail('INVALID_CODE', '推荐码无效，请向推荐人确认或重新索取');
      },
    });
    render(<Booking />);
    await pickStoreProductDay();
    fireEvent.click(screen.getByTestId('slot-1400'));
    fillContact('13900138000');
    await act(async () => fireEvent.click(screen.getByTestId('booking-submit')));
    expect((await screen.findByTestId('booking-submit-error')).textContent).toBe(
      '好友的推荐码已失效，本次将按普通预约提交。您填写的内容已保留，可直接再次提交预约。',
    );
    expect(screen.getByTestId('booking-referral-notice').textContent).toBe('好友的推荐码已失效，本次将按普通预约提交');
    expect(screen.queryByTestId('booking-referrer')).toBeNull();
    expect(screen.queryByTestId('booking-referral-applied')).toBeNull();
    // Another code can still be typed.
    expect(screen.getByTestId('booking-referral-open').textContent).toBe('有推荐码？');
    expect(getKeptReferral(NOW)).toBeNull();
    // Nothing typed is lost.
    expect((screen.getByTestId('booking-name') as HTMLInputElement).value).toBe('林小雨');

    await act(async () => fireEvent.click(screen.getByTestId('booking-submit')));
    await screen.findByTestId('booking-result');
    const creates = cloudCalls().filter((c) => c.call === 'booking.create');
    expect(creates).toHaveLength(2);
    expect(creates[0]?.data.referralCode).toBe('34MJW8AR');
    expect(creates[1]?.data).not.toHaveProperty('referralCode');
    expect(creates[1]?.data).toMatchObject({ name: '林小雨', phone: '13900138000', slot: '14:00' });
  });

  it('WeChat’s phone authorisation survives a refused code (the function refuses it first), not a self-referral', async () => {
    keepReferral({ code: '34MJW8AR', referrerDisplayName: '王*' }, NOW);
    const answers = [fail('INVALID_CODE', '推荐码无效，请向推荐人确认或重新索取'), ok({ ...BOOKING, referred: false })];
    gateway({ 'booking.create': () => answers.shift() });
    render(<Booking />);
    await pickStoreProductDay();
    fireEvent.click(screen.getByTestId('slot-1400'));
    fireEvent.change(screen.getByTestId('booking-name'), { target: { value: '林小雨' } });
    // The weapp button hands over a one-time code.
    const wechatButton = screen.getByText('使用微信手机号');
    phoneNumberAllowed('code-1');
    fireEvent.click(wechatButton);
    expect(screen.getByTestId('booking-wechat-phone')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByTestId('booking-submit')));
    await screen.findByTestId('booking-referral-notice');
    expect(screen.getByTestId('booking-wechat-phone')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByTestId('booking-submit')));
    await screen.findByTestId('booking-result');
    const creates = cloudCalls().filter((c) => c.call === 'booking.create');
    expect(creates.map((c) => c.data.phoneCode)).toEqual(['code-1', 'code-1']);
  });

  it('a kept code that is the booker’s own (SELF_REFERRAL) is dropped; a spent phone code asks to authorise again', async () => {
    keepReferral({ code: '34MJW8AR', referrerDisplayName: '王*' }, NOW);
    gateway({ 'booking.create': () => fail('SELF_REFERRAL', '不能使用自己的推荐码') });
    render(<Booking />);
    await pickStoreProductDay();
    fireEvent.click(screen.getByTestId('slot-1400'));
    fireEvent.change(screen.getByTestId('booking-name'), { target: { value: '林小雨' } });
    phoneNumberAllowed('code-2');
    fireEvent.click(screen.getByText('使用微信手机号'));
    await act(async () => fireEvent.click(screen.getByTestId('booking-submit')));
    expect((await screen.findByTestId('booking-submit-error')).textContent).toBe(
      '这是您自己的推荐码，本次将按普通预约提交。您填写的内容已保留，请重新获取微信手机号或手动填写后再次提交。',
    );
    expect(screen.queryByTestId('booking-wechat-phone')).toBeNull();
    expect(getKeptReferral(NOW)).toBeNull();
  });

  it('the kept code can be removed: gone from the form and the device, the booking goes without it', async () => {
    keepReferral({ code: '34MJW8AR', referrerDisplayName: '王*' }, NOW);
    gateway({ 'booking.create': () => ok({ ...BOOKING, referred: false }) });
    render(<Booking />);
    const applied = screen.getByTestId('booking-referral-applied');
    expect(applied.textContent).toContain('好友 王* 的邀请');
    expect(applied.textContent).toContain('推荐码 34MJW8AR');
    fireEvent.click(within(applied).getByTestId('booking-referral-remove'));
    expect(getKeptReferral(NOW)).toBeNull();
    expect(screen.queryByTestId('booking-referrer')).toBeNull();
    await pickStoreProductDay();
    fireEvent.click(screen.getByTestId('slot-1400'));
    fillContact('13900138000');
    await act(async () => fireEvent.click(screen.getByTestId('booking-submit')));
    await screen.findByTestId('booking-result');
    expect(cloudCalls().find((c) => c.call === 'booking.create')?.data).not.toHaveProperty('referralCode');
  });

  it('a typed code: normalised as typed, its format checked without a call, then resolved and sent', async () => {
    gateway({
      'referral.resolveLanding': () =>
        ok({ code: '34MJW8AR', referrerDisplayName: '王*', benefits: [], referralTerms: { minLeadDays: 1 } }),
    });
    render(<Booking />);
    expect(screen.queryByTestId('booking-referral-input')).toBeNull();
    fireEvent.click(screen.getByTestId('booking-referral-open'));
    const input = screen.getByTestId('booking-referral-input') as HTMLInputElement;
    fireEvent.change(input, { target: { value: ' 34mj-w ' } });
    expect(input.value).toBe('34MJW');
    await act(async () => fireEvent.click(screen.getByTestId('booking-referral-apply')));
    expect(screen.getByTestId('error-referral').textContent).toBe('推荐码位数不对，请核对后重新输入');
    expect(cloudCalls().some((c) => c.call === 'referral.resolveLanding')).toBe(false);

    fireEvent.change(input, { target: { value: '34mjw8ar' } });
    expect(screen.queryByTestId('error-referral')).toBeNull();
    // The keyboard's 完成 applies it too.
    await act(async () => fireEvent.keyDown(input, { key: 'Enter' }));
    expect((await screen.findByTestId('booking-referral-applied')).textContent).toContain('好友 王* 的邀请');
    expect(cloudCalls().find((c) => c.call === 'referral.resolveLanding')?.data).toEqual({ code: '34MJW8AR' });
    expect(getKeptReferral(NOW)).toMatchObject({ code: '34MJW8AR', terms: { minLeadDays: 1 } });

    await pickStoreProductDay();
    fireEvent.click(screen.getByTestId('slot-1400'));
    fillContact('13900138000');
    await act(async () => fireEvent.click(screen.getByTestId('booking-submit')));
    await screen.findByTestId('booking-result');
    expect(cloudCalls().find((c) => c.call === 'booking.create')?.data.referralCode).toBe('34MJW8AR');
  });

  it('a typed code still open at submit is resolved first; an unknown or own code stops there with the reason', async () => {
    const answers = [
      fail('INVALID_CODE', '推荐码无效，请向推荐人确认或重新索取'),
      ok({ code: '34MJW8AR', referrerDisplayName: '王*', benefits: [], ownCard: true }),
    ];
    gateway({ 'referral.resolveLanding': () => answers.shift() });
    render(<Booking />);
    await pickStoreProductDay();
    fireEvent.click(screen.getByTestId('slot-1400'));
    fillContact('13900138000');
    fireEvent.click(screen.getByTestId('booking-referral-open'));
    fireEvent.change(screen.getByTestId('booking-referral-input'), { target: { value: '34MJW8AR' } });
    await act(async () => fireEvent.click(screen.getByTestId('booking-submit')));
    expect(screen.getByTestId('error-referral').textContent).toBe('推荐码无效，请向推荐人确认或重新索取');
    expect(screen.getByTestId('booking-submit-error').textContent).toBe('请核对推荐码，或清空后直接提交');
    await act(async () => fireEvent.click(screen.getByTestId('booking-submit')));
    expect(screen.getByTestId('error-referral').textContent).toBe('这是您自己的推荐码，不能用于本人预约');
    expect(cloudCalls().some((c) => c.call === 'booking.create')).toBe(false);
    expect(getKeptReferral(NOW)).toBeNull();

    // Emptied, the field sends nothing.
    fireEvent.change(screen.getByTestId('booking-referral-input'), { target: { value: '' } });
    await act(async () => fireEvent.click(screen.getByTestId('booking-submit')));
    await screen.findByTestId('booking-result');
    expect(cloudCalls().find((c) => c.call === 'booking.create')?.data).not.toHaveProperty('referralCode');
  });

  it('R2 before submitting: a kept code and today’s date say what happens to the referral; tomorrow says nothing', async () => {
    keepReferral({ code: '34MJW8AR', referrerDisplayName: '王*', terms: { minLeadDays: 1 } }, NOW, 30);
    gateway({ 'booking.create': () => ok({ ...BOOKING, date: TODAY, slot: '14:00' }) });
    render(<Booking />);
    await pickStoreProductDay('2026-11-25');
    expect(screen.queryByTestId('date-note')).toBeNull();
    fireEvent.click(screen.getByTestId(`calendar-day-${TODAY}`));
    await screen.findByTestId('slots');
    expect(screen.getByTestId('date-note').textContent).toBe(
      '您选择了今天到院：门店不计为老带新推荐，但推荐关系保留，您与推荐人的奖励照常在您首次消费后发放。如希望计入，可改选明天及以后的日期。',
    );
    fireEvent.click(screen.getByTestId('slot-1400'));
    fillContact('13900138000');
    await act(async () => fireEvent.click(screen.getByTestId('booking-submit')));
    const result = await screen.findByTestId('booking-result');
    expect(within(result).getByTestId('result-referral-note').textContent).toBe(
      '当天到院的预约：门店不计为老带新推荐，但推荐关系保留，您与推荐人的奖励照常在您首次消费后发放。',
    );
  });

  it('the first open day starts chosen; an invited friend’s, the first that counts as a referral', async () => {
    keepReferral({ code: '34MJW8AR', referrerDisplayName: '王*', terms: { minLeadDays: 1 }, storeId: 'store-2' }, NOW);
    gateway();
    render(<Booking />);
    // The referrer's store (二店) is chosen; tomorrow is its closed Tuesday, so Wednesday.
    expect((await screen.findByTestId('store-store-2')).className).toContain('booking__store--active');
    await waitFor(() => expect(screen.getByTestId('chosen-date').textContent).toBe('11月25日 周三'));
    expect(screen.queryByTestId('date-note')).toBeNull();
  });

  it('a suggested day without free time moves on to the next open day; a day the customer picked stays', async () => {
    const allFull = ['09:30', '10:00', '10:30', '14:00', '19:00'];
    gateway({ 'booking.listSlots': ({ date }) => ok(slotsOf(date, date <= '2026-11-24' ? allFull : [])) });
    render(<Booking />);
    fireEvent.click(await screen.findByTestId('store-store-1'));
    await waitFor(() => expect(screen.getByTestId('chosen-date').textContent).toBe('11月25日 周三'));
    // The customer goes back to a full day on purpose: it stays chosen, the slots say why.
    fireEvent.click(screen.getByTestId(`calendar-day-${TODAY}`));
    await waitFor(() => expect(screen.getByTestId('chosen-date').textContent).toBe('11月23日 周一（今天）'));
    await screen.findByTestId('slots');
    expect(screen.getByTestId('chosen-date').textContent).toBe('11月23日 周一（今天）');
  });

  it('R2 follows the clinic: no lead time (card bookings under 小程序) means no notice, even for today', async () => {
    keepReferral({ code: '34MJW8AR', referrerDisplayName: '王*', terms: { minLeadDays: null } }, NOW, 30);
    gateway();
    render(<Booking />);
    await pickStoreProductDay(TODAY);
    expect(screen.queryByTestId('date-note')).toBeNull();
  });
});
