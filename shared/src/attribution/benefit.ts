import { chronological, type PersonHistory } from './history';

export type BenefitSource = 'filing' | 'claim' | 'companion';

export interface ReferralBenefit {
  eligible: boolean;
  referrerCustomerId?: string;
  source?: BenefitSource;
  /** When the referral relationship was first recorded. */
  at?: string;
}

/**
 * R9: customers never lose out. The referral relationship is the earliest recommendation on
 * record — a filing or touch naming a referrer, a claim at a visit, or arriving with an old
 * customer — whatever channel the performance went to. It takes no settings and no attribution,
 * so it cannot depend on them.
 */
export function referralBenefit(history: PersonHistory): ReferralBenefit {
  const candidates: { id: string; at: string; referrer: string; source: BenefitSource }[] = [];
  for (const f of history.filings) {
    if (f.referrerCustomerId) candidates.push({ id: f.id, at: f.at, referrer: f.referrerCustomerId, source: 'filing' });
  }
  for (const v of history.visits) {
    if (v.claimedReferrerCustomerId) {
      candidates.push({ id: v.id, at: v.at, referrer: v.claimedReferrerCustomerId, source: 'claim' });
    } else if (v.companionCustomerIds && v.companionCustomerIds.length > 0) {
      candidates.push({ id: v.id, at: v.at, referrer: v.companionCustomerIds[0] as string, source: 'companion' });
    }
  }
  // Nobody is their own referrer.
  const first = chronological(candidates.filter((c) => c.referrer !== history.customerId))[0];
  if (!first) return { eligible: false };
  return { eligible: true, referrerCustomerId: first.referrer, source: first.source, at: first.at };
}
