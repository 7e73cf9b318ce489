import { checkSlot, isPastSlot, type Booking, type Store } from '@clinic/shared';
import { AppError } from '../../common/errors';
import { COLLECTIONS } from '../../common/collections';
import { MESSAGES } from '../../common/codes';
import { getById, getProduct, getStore, type Stored } from '../../common/clinic';
import type { Database, Transaction } from '../../common/db-types';
import { strip } from './booking-view';

/** A refusal with the standard message of its code. */
export const refuse = (code: keyof typeof MESSAGES) => new AppError(code, MESSAGES[code]);

/** Store, product and the open/closed/past checks shared by create and reschedule. */
export async function loadStoreAndProduct(db: Database, storeId: string, productId: string) {
  const [store, product] = await Promise.all([getStore(db, storeId), getProduct(db, productId)]);
  if (!store || store.active === false) throw refuse('STORE_NOT_FOUND');
  if (!product || product.active === false || product.chainId !== store.chainId) throw refuse('PRODUCT_NOT_FOUND');
  if (product.storeIds.length > 0 && !product.storeIds.includes(store.id)) throw refuse('PRODUCT_NOT_AT_STORE');
  return { store, product };
}

/** Without `booked` only hours, closed dates and the past are checked (before the transaction reads the counter). */
export function assertSlot(store: Store, date: string, slot: string, now: Date, booked?: number): void {
  const check = checkSlot(store, date, slot, now, booked);
  if (!check.ok) throw new AppError(check.code, check.message);
}

export async function ownBooking(db: Database, bookingId: string, openid: string): Promise<Stored<Booking>> {
  const booking = await getById<Booking>(db, COLLECTIONS.bookings, bookingId);
  // Someone else's booking looks exactly like a missing one.
  if (!booking || booking.openid !== openid) throw new AppError('NOT_FOUND', MESSAGES.NOT_FOUND_BOOKING);
  return booking;
}

/** Only an upcoming booking that is still booked can be cancelled or moved. */
export function assertChangeable(b: Booking, now: Date): void {
  if (b.status !== 'booked' || isPastSlot(b.date, b.slot, now)) throw refuse('BOOKING_NOT_CHANGEABLE');
}

/** Re-reads the booking inside the transaction: it must still be the caller's and changeable. */
export async function changeableInTx(tx: Transaction, bookingId: string, openid: string, now: Date): Promise<Booking> {
  const b = await tx.collection<Booking & { _id?: string }>(COLLECTIONS.bookings).doc(bookingId).get();
  if (!b || b.openid !== openid) throw new AppError('NOT_FOUND', MESSAGES.NOT_FOUND_BOOKING);
  assertChangeable(b, now);
  return strip(b) as Booking;
}
