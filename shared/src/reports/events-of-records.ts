import type { AttributionRecord, Customer, Deal, RewardLedgerEntry, Visit } from '../model/entities';
import { dateToDayNumber } from '../time/shanghai';
import type { DealEvent, FilingEvent, RewardEvent, ServedEvent, VisitEvent } from './events';

/**
 * The report events of what a write stores — the one mapping from records to §9 events, used by
 * the writers that keep the roll-ups. The customer group of §9 is the customer's segment.
 */
type Referrer = Pick<Customer, 'id' | 'starLevel' | 'lastTreatmentDate'>;

/** A filing, counted under its attribution (provisional until the first visit). */
export function filingEventOf(
  attribution: AttributionRecord,
  filing: { at: string; productIds?: readonly string[] },
  customer: Pick<Customer, 'segment'>,
  referrer?: Referrer,
): FilingEvent {
  const productId = filing.productIds?.[0];
  const referrerId = attribution.referrerCustomerId ?? attribution.benefitReferrerCustomerId;
  const known = referrer && referrer.id === referrerId ? referrer : undefined;
  return {
    type: 'filing',
    at: Date.parse(attribution.filedAt ?? filing.at),
    personId: attribution.customerId,
    channel: attribution.channel,
    level: attribution.level,
    ...(attribution.creditedStaffId ? { staffId: attribution.creditedStaffId } : {}),
    ...(referrerId ? { referrerId } : {}),
    ...(known?.starLevel !== undefined ? { referrerStar: known.starLevel } : {}),
    ...(known?.lastTreatmentDate ? { referrerLastTreatmentDay: dateToDayNumber(known.lastTreatmentDate) } : {}),
    ...(productId ? { productId } : {}),
    group: customer.segment,
  };
}

/** A visit: the first decides the attribution and counts for its channel; a return visit is counted as one. */
export function visitEventOf(
  attribution: AttributionRecord,
  visit: Visit,
  first: boolean,
  customer: Pick<Customer, 'segment'>,
): VisitEvent {
  const productId = visit.productIds[0];
  return {
    type: 'visit',
    at: Date.parse(visit.at),
    personId: visit.customerId,
    channel: attribution.channel,
    level: attribution.level,
    first,
    ...(productId ? { productId } : {}),
    ...(attribution.creditedStaffId ? { staffId: attribution.creditedStaffId } : {}),
    group: customer.segment,
  };
}

/** The people a visit served (当月服务客户量): who received the person and who checked them in. */
export function servedEventsOf(visit: Visit): ServedEvent[] {
  const staff = new Set([visit.receivedByStaffId, visit.checkedInByStaffId].filter((s): s is string => !!s));
  return [...staff].map((staffId) => ({
    type: 'served',
    at: Date.parse(visit.at),
    staffId,
    personId: visit.customerId,
  }));
}

/**
 * One deal line. Revenue is what was paid (a rebate used as a deduction is not revenue); `first`
 * is the person's first deal ever (later ones are second purchases). The star table counts the
 * revenue a referrer of that star brought.
 */
export function dealEventOf(
  deal: Deal,
  attribution: AttributionRecord | null,
  first: boolean,
  customer: Pick<Customer, 'segment'>,
  referrer?: Pick<Customer, 'id' | 'starLevel'>,
): DealEvent {
  return {
    type: 'deal',
    at: Date.parse(deal.at),
    personId: deal.customerId,
    productId: deal.productId,
    amountFen: deal.paidFen,
    channel: attribution?.channel ?? 'unattributed',
    level: attribution?.level ?? 1,
    first,
    ...(deal.staffId ? { staffId: deal.staffId } : {}),
    ...(referrer ? { referrerId: referrer.id } : {}),
    ...(referrer?.starLevel !== undefined ? { referrerStar: referrer.starLevel } : {}),
    group: customer.segment,
  };
}

/** A reward ledger entry: credited, used or expired (§8 usage rate). */
export function rewardEventOf(entry: RewardLedgerEntry): RewardEvent {
  return { type: 'reward', at: Date.parse(entry.at), entryType: entry.type, unit: entry.unit, amount: entry.amount };
}
