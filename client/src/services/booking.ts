/** The `booking` cloud function: stores, projects, slots and the caller's appointments. */
import { bookingContract, type ActionInput, type ActionOutput, type Result } from '@clinic/shared';
import { callFunction } from './cloud';

type C = typeof bookingContract;
export type StoreList = ActionOutput<C, 'listStores'>['stores'];
export type StoreInfo = StoreList[number];
export type ProductInfo = ActionOutput<C, 'listProducts'>['products'][number];
export type DaySlots = ActionOutput<C, 'listSlots'>;
export type Appointment = ActionOutput<C, 'create'>;
export type CreateBookingInput = ActionInput<C, 'create'>;

export function listStores(): Promise<Result<ActionOutput<C, 'listStores'>>> {
  return callFunction('booking', bookingContract, 'listStores', {});
}

export function listProducts(storeId: string): Promise<Result<ActionOutput<C, 'listProducts'>>> {
  return callFunction('booking', bookingContract, 'listProducts', { storeId });
}

export function listSlots(storeId: string, date: string): Promise<Result<DaySlots>> {
  return callFunction('booking', bookingContract, 'listSlots', { storeId, date });
}

/** Files and books; when the phone already has an upcoming booking, that one comes back (`existing`). */
export function createBooking(input: CreateBookingInput): Promise<Result<Appointment>> {
  return callFunction('booking', bookingContract, 'create', input);
}

export function cancelBooking(bookingId: string): Promise<Result<Appointment>> {
  return callFunction('booking', bookingContract, 'cancel', { bookingId });
}

export function rescheduleBooking(bookingId: string, date: string, slot: string): Promise<Result<Appointment>> {
  return callFunction('booking', bookingContract, 'reschedule', { bookingId, date, slot });
}

/** A page of the caller's bookings, latest visit first; pass the previous page's `nextCursor` for more. */
export function listMyBookings(cursor?: string): Promise<Result<ActionOutput<C, 'listMine'>>> {
  return callFunction('booking', bookingContract, 'listMine', { limit: 20, ...(cursor ? { cursor } : {}) });
}
