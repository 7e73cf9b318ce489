import { referralStatusAfter, type ReferralEvent, type ReferralStatus } from '@clinic/shared';
import { referralsInTx, type ReferralDoc } from '../data/referrals';
import type { Transaction } from '../platform/db-types';

/**
 * The friend's referral after an event (shared `referralStatusAfter`), written in the caller's
 * transaction — the one that changes the booking or records the visit — so 我的推荐 never shows a
 * state the bookings contradict. `relationship` is the document as this transaction read it;
 * null (no referrer) changes nothing.
 */
export async function progressReferral(
  tx: Transaction,
  relationship: ReferralDoc | null,
  event: ReferralEvent,
  nowIso: string,
): Promise<{ from: ReferralStatus; to: ReferralStatus } | null> {
  if (!relationship) return null;
  const from = relationship.status;
  const to = referralStatusAfter(from, event);
  if (to !== from) await referralsInTx(tx).update(relationship.refereeCustomerId, { status: to, updatedAt: nowIso });
  return { from, to };
}
