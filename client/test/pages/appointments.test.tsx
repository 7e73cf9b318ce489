import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Appointments from '../../src/pages/appointments/index';
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
