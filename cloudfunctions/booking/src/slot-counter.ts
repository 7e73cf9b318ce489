import { slotKey } from '@clinic/shared';
import { bookingsInTx } from '../../data/bookings';
import type { Transaction } from '../../platform/db-types';
import { refuse } from '../../platform/errors';

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
  const repo = bookingsInTx(tx);
  const id = slotKey(at.storeId, at.date, at.slot);
  const counter = await repo.getCounter(id);
  const booked = counter?.booked ?? 0;
  if (capacity !== undefined && delta > 0 && booked + delta > capacity) throw refuse('SLOT_FULL');
  await repo.putCounter(id, { ...at, booked: Math.max(0, booked + delta), updatedAt: nowIso });
}
