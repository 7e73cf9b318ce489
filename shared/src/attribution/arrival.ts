import type { AttributionRecord, Filing, Visit } from '../model/entities';
import type { ClinicSettings } from '../settings/clinic-settings';
import { attribute } from './attribute';
import { referralBenefit } from './benefit';
import type { FilingFact, PersonHistory, VisitFact } from './history';

/** What attribution needs of a stored filing (first filing or touch). */
export function filingFact(f: Filing): FilingFact {
  return {
    id: f.id,
    at: f.at,
    channel: f.channel,
    level: f.level,
    source: f.source,
    ...(f.referrerCustomerId ? { referrerCustomerId: f.referrerCustomerId } : {}),
    ...(f.filedByStaffId ? { filedByStaffId: f.filedByStaffId } : {}),
    ...(f.ownerStaffId ? { ownerStaffId: f.ownerStaffId } : {}),
    ...(f.ownerDepartment ? { ownerDepartment: f.ownerDepartment } : {}),
  };
}

/** What attribution needs of a stored visit. */
export function visitFact(v: Visit): VisitFact {
  return {
    id: v.id,
    at: v.at,
    ...(v.companionCustomerIds.length > 0 ? { companionCustomerIds: v.companionCustomerIds } : {}),
    ...(v.claimedReferrerCustomerId ? { claimedReferrerCustomerId: v.claimedReferrerCustomerId } : {}),
    ...(v.namedConsultantStaffId ? { namedConsultantStaffId: v.namedConsultantStaffId } : {}),
    ...(v.receivedByStaffId ? { receivedByStaffId: v.receivedByStaffId } : {}),
    ...(v.receivedByDepartment ? { receivedByDepartment: v.receivedByDepartment } : {}),
  };
}

export interface ArrivalFacts {
  customerId: string;
  /** The person's filings (first and touches), as stored. */
  filings: readonly Filing[];
  /** The person's visits before this arrival. */
  visits: readonly Visit[];
  /** The stored attribution (provisional until the first visit), if the person was filed. */
  attribution: AttributionRecord | null;
  /** Whether the person already has a referral relationship (R9). */
  hasReferralRelationship: boolean;
  /** The visit this arrival would be; its id is one per person and day. */
  arrival: Visit;
}

export type ArrivalDecision =
  /** Checked in earlier today: the same visit; nothing changes. */
  | { kind: 'same_visit'; visit: Visit; attribution: AttributionRecord }
  /** The person's first visit: attribution is decided now, for good (R2–R7). */
  | { kind: 'first_visit'; visit: Visit; attribution: AttributionRecord; newReferrerCustomerId?: string }
  /** A later visit: recorded; attribution never changes again (only the first visit decides). */
  | { kind: 'later_visit'; visit: Visit; attribution: AttributionRecord; newReferrerCustomerId?: string };

/**
 * A person arrives at the store. The first visit ever makes the attribution final — lead time (R2),
 * walk-in claims (R3–R5), other channels' filings (R6, R7) — and a later visit or a second check-in
 * the same day never changes it. R9 rides along: a recommendation made at the desk (a claim, a
 * companion) gives a person with no referral relationship their referrer's benefits.
 */
export function decideArrival(f: ArrivalFacts, settings: ClinicSettings): ArrivalDecision {
  const same = f.visits.find((v) => v.id === f.arrival.id);
  if (same && f.attribution) return { kind: 'same_visit', visit: same, attribution: f.attribution };
  const history: PersonHistory = {
    customerId: f.customerId,
    filings: f.filings.map(filingFact),
    visits: [...f.visits, f.arrival].map(visitFact),
  };
  const benefit = referralBenefit(history);
  const newReferrer =
    !f.hasReferralRelationship && benefit.eligible && benefit.referrerCustomerId
      ? { newReferrerCustomerId: benefit.referrerCustomerId }
      : {};
  const decided = attribute(history, settings) as AttributionRecord; // a visit always gives one
  const final = f.attribution === null || f.attribution.provisional;
  if (final && f.visits.length === 0) {
    return { kind: 'first_visit', visit: f.arrival, attribution: decided, ...newReferrer };
  }
  return {
    kind: 'later_visit',
    visit: f.arrival,
    attribution: f.attribution ?? decided,
    ...newReferrer,
  };
}
