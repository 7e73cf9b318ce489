import type { VerificationItem } from '@clinic/shared';
import type { Database, Transaction } from '../platform/db-types';
import { COLLECTIONS } from './collections';
import type { Stored } from './documents';

/** A page of the pending verification items of a store (or chain), oldest first. */
export async function pendingVerification(
  db: Database,
  where: { chainId: string; storeId?: string },
  page: { skip: number; limit: number },
): Promise<Stored<VerificationItem>[]> {
  const { data } = await db
    .collection<Stored<VerificationItem> & Record<string, unknown>>(COLLECTIONS.verificationItems)
    .where({ ...where, status: 'pending' })
    .orderBy('createdAt', 'asc')
    .orderBy('_id', 'asc')
    .skip(page.skip)
    .limit(page.limit)
    .get();
  return data as Stored<VerificationItem>[];
}

export function verificationInTx(tx: Transaction) {
  const items = tx.collection<VerificationItem & { _id?: string }>(COLLECTIONS.verificationItems);
  return {
    get: (id: string) => items.doc(id).get(),
    put: (item: VerificationItem) => items.doc(item.id).set(item),
    update: (id: string, patch: Record<string, unknown>) => items.doc(id).update(patch),
  };
}
