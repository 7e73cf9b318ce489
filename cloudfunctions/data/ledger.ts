import type { RewardLedgerEntry } from '@clinic/shared';
import type { Database } from '../platform/db-types';
import { COLLECTIONS } from './collections';
import type { Stored } from './documents';

/** The server's largest page (wx-server-sdk clamps `limit` at 1000). */
const MAX_PAGE = 1000;

/**
 * Every ledger entry of a customer, page by page in `_id` order, however long the ledger is: a
 * balance needs all of them. A function has ~60 s at most; a customer has a few entries a year.
 */
export async function ledgerOf(db: Database, customerId: string): Promise<Stored<RewardLedgerEntry>[]> {
  const _ = db.command;
  const all: Stored<RewardLedgerEntry>[] = [];
  for (;;) {
    // Keyset paging (after the last `_id` seen), so a long ledger never needs a large skip.
    const last = all[all.length - 1]?._id;
    const { data } = await db
      .collection<Stored<RewardLedgerEntry> & Record<string, unknown>>(COLLECTIONS.rewardLedger)
      .where({ customerId, ...(last !== undefined ? { _id: _.gt!(last) } : {}) })
      .orderBy('_id', 'asc')
      .limit(MAX_PAGE)
      .get();
    all.push(...(data as Stored<RewardLedgerEntry>[]));
    if (data.length < MAX_PAGE) return all;
  }
}
