import type { RewardLedgerEntry } from '@clinic/shared';
import type { Database, Transaction } from '../platform/db-types';
import { COLLECTIONS } from './collections';
import type { Stored } from './documents';
import { findAllByKeyset, MAX_PAGE } from './read';

/** Every ledger entry of a customer, however long the ledger is: a balance needs all of them. */
export const ledgerOf = (db: Database, customerId: string): Promise<Stored<RewardLedgerEntry>[]> =>
  findAllByKeyset<RewardLedgerEntry>(db, COLLECTIONS.rewardLedger, { customerId });

/** Ledger writes inside a transaction: entries are append-only and their ids deterministic. */
export function ledgerInTx(tx: Transaction) {
  const ledger = tx.collection<RewardLedgerEntry & { _id?: string }>(COLLECTIONS.rewardLedger);
  return {
    get: (id: string) => ledger.doc(id).get(),
    put: (entry: RewardLedgerEntry) => ledger.doc(entry.id).set(entry),
  };
}

/**
 * A page of credits that expire within (`after`, `through`] (Shanghai dates; `after` null = from
 * the beginning), in `_id` order after `afterId`: the expiry timer's keyset scan.
 */
export async function expiringCreditsPage(
  db: Database,
  window: { after: string | null; through: string },
  afterId: string | null,
): Promise<Stored<RewardLedgerEntry>[]> {
  const _ = db.command;
  const expiresOn =
    window.after === null ? _.lte!(window.through) : _.and!(_.gt!(window.after), _.lte!(window.through));
  const { data } = await db
    .collection<Stored<RewardLedgerEntry> & Record<string, unknown>>(COLLECTIONS.rewardLedger)
    .where({ type: 'credit', expiresOn, ...(afterId !== null ? { _id: _.gt!(afterId) } : {}) })
    .orderBy('_id', 'asc')
    .limit(MAX_PAGE)
    .get();
  return data as Stored<RewardLedgerEntry>[];
}

/** Every use and expiry drawn on these credits. */
export async function drawsOn(db: Database, creditIds: readonly string[]): Promise<Stored<RewardLedgerEntry>[]> {
  if (creditIds.length === 0) return [];
  return findAllByKeyset<RewardLedgerEntry>(db, COLLECTIONS.rewardLedger, { creditId: db.command.in!([...creditIds]) });
}
