import type { Booking } from '@clinic/shared';
import type { Database, Transaction } from '../platform/db-types';
import { COLLECTIONS } from './collections';
import type { Stored } from './documents';
import { getById } from './read';

export type BookingDoc = Booking & { _id?: string };

/** Places taken in one slot of one store (`_id` = slotKey). */
export type SlotCounterDoc = {
  _id?: string;
  storeId: string;
  date: string;
  slot: string;
  booked: number;
  updatedAt: string;
};

export const getBooking = (db: Database, id: string) => getById<Booking>(db, COLLECTIONS.bookings, id);

/** A page of the caller's bookings, latest visit first (ties by id), after the cursor's position. */
export async function bookingsOfUser(
  db: Database,
  openid: string,
  page: { skip: number; limit: number },
): Promise<Stored<Booking>[]> {
  const { data } = await db
    .collection<Stored<Booking> & Record<string, unknown>>(COLLECTIONS.bookings)
    .where({ openid })
    .orderBy('date', 'desc')
    .orderBy('slot', 'desc')
    .orderBy('_id', 'desc')
    .skip(page.skip)
    .limit(page.limit)
    .get();
  return data as Stored<Booking>[];
}

/** The day's counters of a store (a day has at most a few dozen slots). */
export async function slotCountersOfDay(db: Database, storeId: string, date: string): Promise<SlotCounterDoc[]> {
  const { data } = await db
    .collection<SlotCounterDoc>(COLLECTIONS.slotCounters)
    .where({ storeId, date })
    .limit(100)
    .get();
  return data;
}

export function bookingsInTx(tx: Transaction) {
  const bookings = tx.collection<BookingDoc>(COLLECTIONS.bookings);
  const counters = tx.collection<SlotCounterDoc>(COLLECTIONS.slotCounters);
  return {
    get: (id: string) => bookings.doc(id).get(),
    put: (booking: Booking) => bookings.doc(booking.id).set(booking),
    update: (id: string, patch: Partial<Booking>) => bookings.doc(id).update(patch),
    getCounter: (id: string) => counters.doc(id).get(),
    putCounter: (id: string, counter: Omit<SlotCounterDoc, '_id'>) => counters.doc(id).set(counter),
  };
}

/** A customer's bookings (for staff views), latest first. */
export async function bookingsOfCustomer(db: Database, customerId: string): Promise<Stored<Booking>[]> {
  const { data } = await db
    .collection<Stored<Booking> & Record<string, unknown>>(COLLECTIONS.bookings)
    .where({ customerId })
    .orderBy('date', 'desc')
    .limit(20)
    .get();
  return data as Stored<Booking>[];
}
