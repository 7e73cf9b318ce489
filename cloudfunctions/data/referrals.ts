import type { ReferralStatus } from '@clinic/shared';
import type { Database, Transaction } from '../platform/db-types';
import { COLLECTIONS } from './collections';
import { getById } from './read';

/** "My referrals" read model: `_id` = the referee's customer id (one referrer per referee, R9). */
export type ReferralDoc = {
  _id?: string;
  chainId: string;
  referrerCustomerId: string;
  refereeCustomerId: string;
  maskedName: string;
  maskedPhone: string;
  filedOn: string;
  /** Moved only by shared `referralStatusAfter`, in the transaction that changes the friend's booking, visit or deal. */
  status: ReferralStatus;
  rewardCredited: boolean;
  createdAtMs: number;
  createdAt: string;
  updatedAt: string;
};

/** R9: the referral relationship of a referee (who gets the referral reward), if any. */
export const getReferral = (db: Database, refereeCustomerId: string) =>
  getById<ReferralDoc>(db, COLLECTIONS.referrals, refereeCustomerId);

export function referralsInTx(tx: Transaction) {
  const referrals = tx.collection<ReferralDoc>(COLLECTIONS.referrals);
  return {
    get: (refereeCustomerId: string) => referrals.doc(refereeCustomerId).get(),
    put: (doc: Omit<ReferralDoc, '_id'>) => referrals.doc(doc.refereeCustomerId).set(doc),
    update: (refereeCustomerId: string, patch: Partial<Omit<ReferralDoc, '_id'>>) =>
      referrals.doc(refereeCustomerId).update(patch),
  };
}

/** A page of the people a customer referred, newest first, from a time cursor. */
export async function referralsOf(
  db: Database,
  referrerCustomerId: string,
  after: { atMs: number; skip: number } | undefined,
  limit: number,
): Promise<ReferralDoc[]> {
  const _ = db.command;
  const { data } = await db
    .collection<ReferralDoc>(COLLECTIONS.referrals)
    .where({ referrerCustomerId, ...(after ? { createdAtMs: _.lte!(after.atMs) } : {}) })
    .orderBy('createdAtMs', 'desc')
    .orderBy('_id', 'desc')
    .skip(after?.skip ?? 0)
    .limit(limit)
    .get();
  return data;
}

/**
 * How many of a customer's referrals have not reached a deal yet (待发放). Cancelled ones count: the
 * relationship stands (R9), so the friend's later visit and first paid deal still credit the referrer.
 */
export async function pendingReferralCount(db: Database, referrerCustomerId: string): Promise<number> {
  const _ = db.command;
  const { total } = await db
    .collection(COLLECTIONS.referrals)
    .where({ referrerCustomerId, status: _.neq!('dealt') })
    .count();
  return total;
}
