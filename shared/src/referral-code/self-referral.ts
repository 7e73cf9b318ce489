/**
 * Self-referral: an old customer cannot refer themselves, whether by the same customer record,
 * the same phone or the same WeChat OPENID.
 */
export interface ReferralParty {
  customerId?: string;
  phone?: string;
  openids?: readonly string[];
}

export type SelfReferral = 'same_person' | 'same_phone' | 'same_openid';

export const SELF_REFERRAL_MESSAGE = '不能使用自己的推荐码';

export function detectSelfReferral(referrer: ReferralParty, referee: ReferralParty): SelfReferral | null {
  if (referrer.customerId !== undefined && referrer.customerId === referee.customerId) return 'same_person';
  if (referrer.phone !== undefined && referrer.phone === referee.phone) return 'same_phone';
  const mine = new Set(referrer.openids ?? []);
  if ((referee.openids ?? []).some((o) => mine.has(o))) return 'same_openid';
  return null;
}
