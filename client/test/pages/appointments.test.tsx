import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Appointments from '../../src/packages/customer/pages/appointments/index';
import { cloudCalls, fail, ok, resetTaroMocks, routeCloud, setPlatform } from '../helpers';
import { BOOKING, NOW, STORES, freezeClock, slotsOf } from '../fixtures';

beforeEach(() => {
  resetTaroMocks();
  setPlatform('weapp');
  freezeClock(NOW);
});
afterEach(() => jest.useRealTimers());

const PAST = { ...BOOKING, id: 'P2Q3R4S', bookingCode: 'P2Q3R4S', date: '2026-11-02', status: 'visited' };

function gateway(bookings: unknown[], overrides: Record<string, (data: any) => unknown> = {}) {
  routeCloud({
    'booking.listMine': () => ok({ bookings }),
    'booking.listStores': () => ok({ stores: STORES }),
    'booking.listSlots': ({ date }) => ok(slotsOf(date)),
    'booking.cancel': () => ok({ ...BOOKING, status: 'cancelled' }),
    'booking.reschedule': ({ date, slot }) => ok({ ...BOOKING, date, slot }),
    ...overrides,
  });
}

describe('my appointments', () => {
  it('shows empty states with a way to book', async () => {
    gateway([]);
    render(<Appointments />);
    expect(screen.getByTestId('appointments-loading')).toBeTruthy();
    await screen.findByTestId('appointments-empty');
    expect(screen.getByTestId('appointments-past-empty')).toBeTruthy();
    fireEvent.click(screen.getByTestId('appointments-book'));
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/booking/index' });
  });

  it('at the desk: the next visit’s check-in QR is open, a later one a tap away; 导航 and 拨号 reach the store', async () => {
    const LATER = {
      ...BOOKING,
      id: 'L8N4R2T',
      bookingCode: 'L8N4R2T',
      storeId: 'store-2',
      storeName: '悦美二店',
      date: '2026-11-29',
    };
    gateway([LATER, BOOKING]);
    render(<Appointments />);
    const next = await screen.findByTestId(`visit-desk-${BOOKING.id}`);
    expect(within(next).getByTestId('visit-qr').textContent).toContain('预约码 K7M3Q9A');
    expect(within(next).getByTestId('visit-address').textContent).toBe('昆明市五华区青年路 1 号');
    expect(within(next).getByTestId('visit-notes').textContent).toContain('地下停车场 B2');

    fireEvent.click(within(next).getByTestId('visit-navigate'));
    expect(Taro.openLocation).toHaveBeenCalledWith(
      expect.objectContaining({
        latitude: 25.0406,
        longitude: 102.7046,
        name: '悦美一店',
        address: '昆明市五华区青年路 1 号',
      }),
    );
    fireEvent.click(within(next).getByTestId('visit-call'));
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '0871-65123456' });

    // 二店 has no map point or phone on record: no buttons that would do nothing.
    const later = screen.getByTestId(`visit-desk-${LATER.id}`);
    expect(within(later).queryByTestId('visit-qr')).toBeNull();
    expect(within(later).queryByTestId('visit-navigate')).toBeNull();
    expect(within(later).queryByTestId('visit-call')).toBeNull();
    expect(within(later).queryByTestId('visit-notes')).toBeNull();
    fireEvent.click(within(later).getByTestId('visit-qr-show'));
    expect(within(later).getByTestId('visit-qr').textContent).toContain('预约码 L8N4R2T');
  });

  it('shows an error with a retry', async () => {
    let first = true;
    gateway([BOOKING], {
      'booking.listMine': () => {
        if (!first) return ok({ bookings: [BOOKING] });
        first = false;
        return fail('INTERNAL', '系统繁忙，请稍后再试');
      },
    });
    render(<Appointments />);
    fireEvent.click(within(await screen.findByTestId('appointments-error')).getByTestId('retry-button'));
    expect(await screen.findByTestId(`appointment-${BOOKING.id}`)).toBeTruthy();
  });

  it('splits upcoming and past, cancels only after a confirm', async () => {
    gateway([BOOKING, PAST]);
    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true });
    render(<Appointments />);
    const upcoming = await screen.findByTestId(`appointment-${BOOKING.id}`);
    expect(upcoming.textContent).toContain('11月25日 周三');
    expect(screen.getByTestId(`appointment-${PAST.id}`).textContent).toContain('已到院');

    fireEvent.click(screen.getByTestId(`cancel-${BOOKING.id}`));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    // A destructive confirm is red.
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ confirmText: '取消预约', confirmColor: '#c62828' }),
    );
    expect(cloudCalls().some((c) => c.call === 'booking.cancel')).toBe(false);

    fireEvent.click(screen.getByTestId(`cancel-${BOOKING.id}`));
    await waitFor(() =>
      expect(
        within(screen.getByTestId(`appointment-${BOOKING.id}`)).getByTestId('appointment-status').textContent,
      ).toBe('已取消'),
    );
  });

  it('reschedules with the booking date and slot picker', async () => {
    gateway([BOOKING]);
    render(<Appointments />);
    fireEvent.click(await screen.findByTestId(`reschedule-${BOOKING.id}`));
    const panel = screen.getByTestId('reschedule-panel');
    fireEvent.click(within(panel).getByTestId('calendar-day-2026-11-27'));
    fireEvent.click(await within(panel).findByTestId('slot-1900'));
    fireEvent.click(within(panel).getByTestId('reschedule-save'));
    await waitFor(() => expect(screen.queryByTestId('reschedule-panel')).toBeNull());
    expect(cloudCalls().find((c) => c.call === 'booking.reschedule')?.data).toEqual({
      bookingId: BOOKING.id,
      date: '2026-11-27',
      slot: '19:00',
    });
    expect(screen.getByTestId(`appointment-${BOOKING.id}`).textContent).toContain('11月27日 周五');
  });
});
