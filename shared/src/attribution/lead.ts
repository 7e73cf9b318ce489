import type { ClinicSettings } from '../settings/clinic-settings';
import { daysBetween, type LocalDate } from '../time/shanghai';

/**
 * What a customer is told about a card booking's lead time, from the clinic's settings: R2's
 * `minLeadDays` when card bookings are 老带新 filings, `null` when the clinic files them under
 * 小程序 (level 2), which R2 does not guard. The rewards never depend on it (R9).
 */
export interface ReferralTerms {
  minLeadDays: number | null;
}

/** R2's default lead time (the `minLeadDays` setting's default): a card booking must come a day ahead. */
export const DEFAULT_MIN_LEAD_DAYS = 1;

/**
 * The terms of a clinic on the default settings (card bookings are 老带新 filings). The client falls
 * back to them for a code kept before the function said, without bundling the whole settings schema.
 */
export const DEFAULT_REFERRAL_TERMS: ReferralTerms = { minLeadDays: DEFAULT_MIN_LEAD_DAYS };

export function referralTermsOf(settings: Pick<ClinicSettings, 'minLeadDays' | 'cardReferralChannel'>): ReferralTerms {
  return { minLeadDays: settings.cardReferralChannel === 'referral' ? settings.minLeadDays : null };
}

/** R2: a referral filing `leadDays` calendar days before the first visit counts for 老带新. */
export function leadTimeMet(leadDays: number, minLeadDays: number): boolean {
  return leadDays >= minLeadDays;
}

/**
 * R2 ahead of the visit: whether a first filing by a card booking made on `bookedOn` for a visit
 * on `visitOn` (Shanghai dates) would fall short of the lead time, were that day its first visit —
 * the person is then 直接来院 for the clinic, while the referral relationship and both sides'
 * rewards stay (R9).
 */
export function cardBookingTooLate(terms: ReferralTerms, bookedOn: LocalDate, visitOn: LocalDate): boolean {
  return terms.minLeadDays !== null && !leadTimeMet(daysBetween(bookedOn, visitOn), terms.minLeadDays);
}
