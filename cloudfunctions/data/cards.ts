import type { CardHolder, ReferralCard } from '@clinic/shared';
import type { Database, Transaction } from '../platform/db-types';
import { COLLECTIONS } from './collections';
import { getById } from './read';

/** Referral cards (`_id` = the code, active or revoked) and their holders (`_id` = customer id). */
export type CardHolderDoc = CardHolder & { _id?: string };
type CardDoc = ReferralCard & { _id?: string };

export const getCard = (db: Database, code: string) => getById<ReferralCard>(db, COLLECTIONS.referralCards, code);
export const getCardHolder = (db: Database, customerId: string) =>
  getById<CardHolder>(db, COLLECTIONS.referralCardHolders, customerId);

/** Records the stored QR image on the holder, only while that code is still the active one. */
export async function setHolderQr(db: Database, customerId: string, code: string, fileId: string): Promise<void> {
  await db
    .collection(COLLECTIONS.referralCardHolders)
    .where({ _id: customerId, activeCode: code })
    .update({ data: { qrFileId: fileId } });
}

export function cardsInTx(tx: Transaction) {
  const cards = tx.collection<CardDoc>(COLLECTIONS.referralCards);
  const holders = tx.collection<CardHolderDoc>(COLLECTIONS.referralCardHolders);
  return {
    getHolder: (customerId: string) => holders.doc(customerId).get(),
    putHolder: (holder: CardHolder) => holders.doc(holder.customerId).set(holder),
    /** Whether a code was ever issued (by anyone): codes are never reused. */
    codeTaken: async (code: string) => (await cards.doc(code).get()) !== null,
    putCard: (card: ReferralCard) => cards.doc(card.code).set(card),
    updateCard: (code: string, patch: Partial<ReferralCard>) => cards.doc(code).update(patch),
  };
}
