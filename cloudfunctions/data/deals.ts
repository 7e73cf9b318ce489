import type { ActionOutput, Deal, DealsContract } from '@clinic/shared';
import type { Database, Transaction } from '../platform/db-types';
import { COLLECTIONS } from './collections';
import type { Stored } from './documents';
import { findAllByKeyset, getById } from './read';

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

/** Every deal of a customer (a customer has a few a year). */
export const dealsOf = (db: Database, customerId: string): Promise<Stored<Deal>[]> =>
  findAllByKeyset<Deal>(db, COLLECTIONS.deals, { customerId });

/** The deals a staff member closed in [from, to) (instants): a month's figures. */
export const dealsByStaffBetween = (db: Database, staffId: string, bounds: { from: string; to: string }) =>
  findAllByKeyset<Deal>(db, COLLECTIONS.deals, {
    staffId,
    at: db.command.and!(db.command.gte!(bounds.from), db.command.lt!(bounds.to)),
  });

export function dealsInTx(tx: Transaction) {
  const deals = tx.collection<Deal & { _id?: string }>(COLLECTIONS.deals);
  const requests = tx.collection<DealRequestDoc>(COLLECTIONS.dealRequests);
  return {
    getRequest: (key: string) => requests.doc(key).get(),
    putRequest: (key: string, doc: Omit<DealRequestDoc, '_id'>) => requests.doc(key).set(doc),
    put: (deal: Deal) => deals.doc(deal.id).set(deal),
  };
}
