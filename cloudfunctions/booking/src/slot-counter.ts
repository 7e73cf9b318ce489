import { slotKey } from '@clinic/shared';
import { AppError } from '../../common/errors';
import { COLLECTIONS } from '../../common/collections';
import type { Transaction } from '../../common/db-types';
import type { SlotCounterDoc } from '../../common/booking-docs';

export interface SlotAt {
  storeId: string;
  date: string;
  slot: string;
}

/**
 * Adds `delta` places to the slot's counter inside the transaction. With `capacity`, a move into
 * the slot that would overfill it is refused; a release never drops below zero.
 */
export async function moveCounter(tx: Transaction, at: SlotAt, delta: number, nowIso: string, capacity?: number) {
  const counters = tx.collection<SlotCounterDoc>(COLLECTIONS.slotCounters);
  const id = slotKey(at.storeId, at.date, at.slot);
  const counter = await counters.doc(id).get();
  const booked = counter?.booked ?? 0;
  if (capacity !== undefined && delta > 0 && booked + delta > capacity) {
    throw new AppError('SLOT_FULL', '该时段已约满，请选择其他时段');
  }
  await counters.doc(id).set({ ...at, booked: Math.max(0, booked + delta), updatedAt: nowIso });
}
