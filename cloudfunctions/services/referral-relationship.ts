import { localDate, maskName, maskPhone } from '@clinic/shared';
import type { ReferralDoc } from '../data/referrals';

/** The referrer–referee relationship (R9) as the referrer's "my referrals" shows it. */
export function referralRelationship(
  referee: { customerId: string; chainId: string; name: string; phone: string },
  referrerCustomerId: string,
  now: Date,
): Omit<ReferralDoc, '_id'> {
  const nowIso = now.toISOString();
  return {
    chainId: referee.chainId,
    referrerCustomerId,
    refereeCustomerId: referee.customerId,
    maskedName: maskName(referee.name),
    maskedPhone: maskPhone(referee.phone),
    filedOn: localDate(now),
    status: 'booked',
    rewardCredited: false,
    createdAtMs: now.getTime(),
    createdAt: nowIso,
    updatedAt: nowIso,
  };
}
