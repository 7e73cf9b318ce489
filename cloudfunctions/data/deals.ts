import type { ActionOutput, Deal, DealsContract } from '@clinic/shared';
import type { Database, Transaction } from '../platform/db-types';
import { COLLECTIONS } from './collections';
import type { Stored } from './documents';
import { getById } from './read';

/** The server's largest page (wx-server-sdk clamps `limit` at 1000). */
const MAX_PAGE = 1000;

export type DealAnswer = ActionOutput<DealsContract, 'record'>;

/**
 * `_id` = the client's idempotency key: one per recorded checkout. Written in the deal's
 * transaction, so a retried or concurrent request with the same key finds it and gets `result`.
 */
export type DealRequestDoc = {
  _id?: string;
  chainId: string;
  storeId: string;
  customerId: string;
  staffId?: string;
  /** What was asked (customer, items, uses): the same key with another content is refused. */
  fingerprint: string;
  at: string;
  result: DealAnswer;
};

export const getDealRequest = (db: Database, key: string) => getById<DealRequestDoc>(db, COLLECTIONS.dealRequests, key);

/** Every deal of a customer (a customer has a few a year), in `_id` pages of 1000. */
export async function dealsOf(db: Database, customerId: string): Promise<Stored<Deal>[]> {
  const _ = db.command;
  const all: Stored<Deal>[] = [];
  for (;;) {
    const last = all[all.length - 1]?._id;
    const { data } = await db
      .collection<Stored<Deal> & Record<string, unknown>>(COLLECTIONS.deals)
      .where({ customerId, ...(last !== undefined ? { _id: _.gt!(last) } : {}) })
      .orderBy('_id', 'asc')
      .limit(MAX_PAGE)
      .get();
    all.push(...(data as Stored<Deal>[]));
    if (data.length < MAX_PAGE) return all;
  }
}

export function dealsInTx(tx: Transaction) {
  const deals = tx.collection<Deal & { _id?: string }>(COLLECTIONS.deals);
  const requests = tx.collection<DealRequestDoc>(COLLECTIONS.dealRequests);
  return {
    getRequest: (key: string) => requests.doc(key).get(),
    putRequest: (key: string, doc: Omit<DealRequestDoc, '_id'>) => requests.doc(key).set(doc),
    put: (deal: Deal) => deals.doc(deal.id).set(deal),
  };
}
