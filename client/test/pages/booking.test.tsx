import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Booking from '../../src/pages/booking/index';
import { getKeptReferral, keepReferral } from '../../src/services/kept-referral';
import { showPagesAgain } from '../mocks/taro';
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

function fillContact(phone: string, consent = true) {
  fireEvent.change(screen.getByTestId('booking-name'), { target: { value: '林小雨' } });
  fireEvent.change(screen.getByTestId('booking-phone'), { target: { value: phone } });
  if (consent) fireEvent.click(screen.getByTestId('booking-consent'));
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

    fireEvent.click(tuesday);
    fireEvent.click(yesterday);
    expect(screen.queryByTestId('chosen-date')).toBeNull();
    expect(cloudCalls().some((c) => c.call === 'booking.listSlots')).toBe(false);
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

  it('explains a bad phone and requires the privacy consent, without calling the function', async () => {
    gateway();
    render(<Booking />);
    await pickStoreProductDay();
    fireEvent.click(screen.getByTestId('slot-1400'));
    fillContact('1390013800', false);
    fireEvent.click(screen.getByTestId('booking-submit'));

    expect(screen.getByTestId('error-phone').textContent).toBe('手机号码位数不足，应为 11 位');
    expect(screen.getByTestId('error-consent').textContent).toContain('请先阅读并同意《隐私保护说明》');
    expect(screen.getByTestId('booking-submit-error').textContent).toContain('请完善');
    expect(cloudCalls().some((c) => c.call === 'booking.create')).toBe(false);

    // Fixing a field clears its message.
    fireEvent.change(screen.getByTestId('booking-phone'), { target: { value: '13900138000' } });
    expect(screen.queryByTestId('error-phone')).toBeNull();
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
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/privacy/index' });
    expect(screen.getByTestId('booking-consent').getAttribute('data-checked')).toBe('false');
  });

  it('sends the kept referral code, shows who referred, and forgets the code once booked', async () => {
    keepReferral('34MJW8AR', '王*', NOW);
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
      consentVersion: '2026-11',
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

    keepReferral('34MJW8AR', '王*', NOW);
    act(() => showPagesAgain());
    expect(screen.queryByTestId('booking-result')).toBeNull();
    expect(screen.getByTestId('booking-referrer').textContent).toContain('由 王* 推荐');
    expect(screen.getByTestId('store-store-1').className).toContain('booking__store--active');
    expect((screen.getByTestId('booking-name') as HTMLInputElement).value).toBe('');
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
    await waitFor(() => expect(cloudCalls().filter((c) => c.call === 'booking.listSlots')).toHaveLength(2));
  });

  it('a code revoked since the landing page: dropped, and the booking can go on without it', async () => {
    keepReferral('34MJW8AR', '王*', NOW);
    gateway({ 'booking.create': () => fail('INVALID_CODE', '推荐码无效，请向推荐人确认或重新索取') });
    render(<Booking />);
    await pickStoreProductDay();
    fireEvent.click(screen.getByTestId('slot-1400'));
    fillContact('13900138000');
    await act(async () => fireEvent.click(screen.getByTestId('booking-submit')));
    expect((await screen.findByTestId('booking-submit-error')).textContent).toContain('推荐码无效');
    expect(screen.queryByTestId('booking-referrer')).toBeNull();
    expect(getKeptReferral(NOW)).toBeNull();
  });
});
