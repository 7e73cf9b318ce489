import { checkSlot, isPastSlot, type Booking, type Store } from '@clinic/shared';
import { getBooking, bookingsInTx } from '../../data/bookings';
import { currentStoreAndProduct } from '../../data/clinic';
import type { Stored } from '../../data/documents';
import type { Database, Transaction } from '../../platform/db-types';
import { AppError, refuse } from '../../platform/errors';
import { strip } from './booking-view';

/** Someone else's booking looks exactly like a missing one. */
const bookingNotFound = () => new AppError('NOT_FOUND', '预约不存在');

/**
 * Store, product (as they are now: a manager's change is seen at once) and whether the store
 * offers the product (create and reschedule); the settings when they were read to check that.
 */
export async function loadStoreAndProduct(db: Database, storeId: string, productId: string) {
  const { store, product, clinic } = await currentStoreAndProduct(db, storeId, productId);
  if (!store || store.active === false) throw refuse('STORE_NOT_FOUND');
  if (!product || product.active === false || product.chainId !== store.chainId) throw refuse('PRODUCT_NOT_FOUND');
  if (product.storeIds.length > 0 && !product.storeIds.includes(store.id)) throw refuse('PRODUCT_NOT_AT_STORE');
  return { store, product, ...(clinic ? { clinic } : {}) };
}

/** Shared `checkSlot`; without `booked` everything but capacity (before the transaction reads the counter). */
export function assertSlot(store: Store, date: string, slot: string, now: Date, booked?: number): void {
  const check = checkSlot(store, date, slot, now, booked);
  if (!check.ok) throw new AppError(check.code, check.message);
}

export async function ownBooking(db: Database, bookingId: string, openid: string): Promise<Stored<Booking>> {
  const booking = await getBooking(db, bookingId);
  if (!booking || booking.openid !== openid) throw bookingNotFound();
  return booking;
}

/** Only an upcoming booking that is still booked can be cancelled or moved. */
export function assertChangeable(b: Booking, now: Date): void {
  if (b.status !== 'booked' || isPastSlot(b.date, b.slot, now)) throw refuse('BOOKING_NOT_CHANGEABLE');
}

/** Re-reads the booking inside the transaction: it must still be the caller's and changeable. */
export async function changeableInTx(tx: Transaction, bookingId: string, openid: string, now: Date): Promise<Booking> {
  const b = await bookingsInTx(tx).get(bookingId);
  if (!b || b.openid !== openid) throw bookingNotFound();
  assertChangeable(b, now);
  return strip(b) as Booking;
}
