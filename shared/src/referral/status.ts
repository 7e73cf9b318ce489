/**
 * A referral's progress as the referrer's 我的推荐 shows it (the relationship document, `_id` = the
 * friend's customer id). `filed`: filed at the desk with a referrer, no booking yet; `cancelled`:
 * the friend cancelled and has no booking to come.
 */
export const REFERRAL_STATUSES = ['filed', 'booked', 'cancelled', 'visited', 'dealt'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
