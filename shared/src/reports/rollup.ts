import type { StaffPost } from '../model/people';
import { dayNumberToDate, monthsBetweenDays, shanghaiDayNumber } from '../time/shanghai';
import type { ReportEvent } from './events';

/**
 * A roll-up: the summable counters of the §9 tables for one store and one day (or, summed, for
 * any period and scope). The database keeps one per store and Shanghai day, updated in the same
 * transaction as the event that changes it (`addEvent`), so reports read a few hundred small
 * documents instead of the events. `buildReports` folds events through the same `addEvent`, so
 * the rule that production runs is the one the report tests pin.
 *
 * Plain JSON (stored as is): sparse maps keyed by id, arrays by position. Money is integer fen.
 */
export interface ChannelCounts {
  filings: number;
  bookings: number;
  /** First visits. */
  visits: number;
  deals: number;
  firstDeals: number;
  revenueFen: number;
  secondPurchases: number;
  spendFen: number;
}

export interface ProductCounts {
  appointments: number;
  /** First and return visits for the product. */
  visits: number;
  deals: number;
  revenueFen: number;
  referralFilings: number;
  referralVisits: number;
}

export interface StaffCounts {
  /** Known when an event carried it; reports also take it from the staff records. */
  post?: StaffPost;
  oldCustomers: number;
  satisfiedCustomers: number;
  /** Distinct people served, counted once per staff member and month. */
  servedCustomers: number;
  referralFilings: number;
  referralVisits: number;
  deals: number;
  dealAmountFen: number;
  /** Follow-ups due so far / done on time / overdue (read on a day: see `addEvent`'s asOfDay). */
  due: number;
  onTime: number;
  overdue: number;
}

export interface GroupCounts {
  revenueFen: number;
  deals: number;
  referralFilings: number;
  referralVisits: number;
}

/** [credited, used, expired] per reward unit. */
export type RewardCounts = [number, number, number];

export interface Rollup {
  revenueFen: number;
  /** Level-1 referral (老带新) revenue. */
  referralRevenueFen: number;
  consumedFen: number;
  deals: number;
  firstDeals: number;
  repeatPurchases: number;
  firstVisits: number;
  returnVisits: number;
  referralFilings: number;
  referralVisits: number;
  /** Distinct paying people, counted once per store and month. */
  payingCustomers: number;
  spendFen: number;
  channels: Record<string, ChannelCounts>;
  products: Record<string, ProductCounts>;
  staff: Record<string, StaffCounts>;
  groups: Record<string, GroupCounts>;
  /** Per star bucket (≤1, 2, 3, 4, ≥5): distinct referrers (once per store and month) and revenue. */
  starReferrers: number[];
  starRevenueFen: number[];
  /** Referral filings by month since the referrer's last treatment (key: 1, 2, …). */
  lag: Record<string, number>;
  rewards: { fen: RewardCounts; points: RewardCounts; item: RewardCounts };
}

export function emptyRollup(): Rollup {
  return {
    revenueFen: 0,
    referralRevenueFen: 0,
    consumedFen: 0,
    deals: 0,
    firstDeals: 0,
    repeatPurchases: 0,
    firstVisits: 0,
    returnVisits: 0,
    referralFilings: 0,
    referralVisits: 0,
    payingCustomers: 0,
    spendFen: 0,
    channels: {},
    products: {},
    staff: {},
    groups: {},
    starReferrers: [0, 0, 0, 0, 0],
    starRevenueFen: [0, 0, 0, 0, 0],
    lag: {},
    rewards: { fen: [0, 0, 0], points: [0, 0, 0], item: [0, 0, 0] },
  };
}

const emptyChannel = (): ChannelCounts => ({
  filings: 0,
  bookings: 0,
  visits: 0,
  deals: 0,
  firstDeals: 0,
  revenueFen: 0,
  secondPurchases: 0,
  spendFen: 0,
});
const emptyProduct = (): ProductCounts => ({
  appointments: 0,
  visits: 0,
  deals: 0,
  revenueFen: 0,
  referralFilings: 0,
  referralVisits: 0,
});
const emptyStaff = (): StaffCounts => ({
  oldCustomers: 0,
  satisfiedCustomers: 0,
  servedCustomers: 0,
  referralFilings: 0,
  referralVisits: 0,
  deals: 0,
  dealAmountFen: 0,
  due: 0,
  onTime: 0,
  overdue: 0,
});
const emptyGroup = (): GroupCounts => ({ revenueFen: 0, deals: 0, referralFilings: 0, referralVisits: 0 });

/** A map's own entry: an id such as `constructor` must not read the prototype. */
export const ownEntry = <T>(map: Record<string, T>, key: string): T | undefined =>
  Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;

function entry<T>(map: Record<string, T>, key: string, make: () => T): T {
  // Own keys only, defined rather than assigned: an id such as `constructor` or `__proto__` must
  // neither read nor replace the prototype.
  if (!Object.prototype.hasOwnProperty.call(map, key)) {
    Object.defineProperty(map, key, { value: make(), writable: true, enumerable: true, configurable: true });
  }
  return map[key] as T;
}
const channelOf = (r: Rollup, id: string) => entry(r.channels, id, emptyChannel);
const productOf = (r: Rollup, id: string) => entry(r.products, id, emptyProduct);
const groupOf = (r: Rollup, id: string) => entry(r.groups, id, emptyGroup);
function staffOf(r: Rollup, id: string, post: StaffPost | undefined): StaffCounts {
  const s = entry(r.staff, id, emptyStaff);
  if (s.post === undefined && post !== undefined) s.post = post;
  return s;
}

/** The star bucket's position: ≤1, 2, 3, 4, ≥5. */
export function starIndex(star: number): number {
  if (star <= 1) return 0;
  if (star >= 5) return 4;
  return Math.trunc(star) - 1;
}

const REFERRAL = 'referral';

/**
 * Whether this event is the first of its kind in its month for the distinct counts: the staff
 * member serving this person (served), this referrer referring (star referrers), this person
 * paying (paying customers). The database keeps a marker per key and month; the fold keeps sets.
 */
export interface DistinctFacts {
  firstServed?: boolean;
  firstReferrer?: boolean;
  firstPaying?: boolean;
}

/**
 * Adds one event to a roll-up (in place). `asOfDay` decides follow-ups: one due after it is not
 * counted yet; one due by it is on time if done by its due day, overdue if done late or still open
 * after its due day. `weight` -1 retracts a filing: a filing is counted under its provisional
 * attribution, and when the first visit decides another one (R2), the filing is retracted and
 * counted again under the final one. (Distinct referrers are never retracted.)
 */
export function addEvent(r: Rollup, e: ReportEvent, facts: DistinctFacts, asOfDay: number, weight: 1 | -1 = 1): void {
  switch (e.type) {
    case 'filing': {
      channelOf(r, e.channel).filings += weight;
      if (e.channel === REFERRAL && e.level === 1) {
        r.referralFilings += weight;
        if (e.staffId !== undefined) staffOf(r, e.staffId, e.post).referralFilings += weight;
        if (e.group !== undefined) groupOf(r, e.group).referralFilings += weight;
        if (e.productId !== undefined) productOf(r, e.productId).referralFilings += weight;
      }
      if (e.referrerId !== undefined) {
        if (e.referrerStar !== undefined && facts.firstReferrer) r.starReferrers[starIndex(e.referrerStar)]++;
        const treated = e.referrerLastTreatmentDay;
        const filed = shanghaiDayNumber(e.at);
        // A treatment dated after the filing is bad data, not month 0: leave it out.
        if (treated !== undefined && filed >= treated) {
          const month = String(monthsBetweenDays(treated, filed) + 1);
          r.lag[month] = (ownEntry(r.lag, month) ?? 0) + weight;
        }
      }
      break;
    }
    case 'booking':
      productOf(r, e.productId).appointments++;
      channelOf(r, e.channel).bookings++;
      break;
    case 'visit': {
      if (e.productId !== undefined) productOf(r, e.productId).visits++;
      if (!e.first) {
        r.returnVisits++;
        break;
      }
      r.firstVisits++;
      channelOf(r, e.channel).visits++;
      if (e.channel === REFERRAL && e.level === 1) {
        r.referralVisits++;
        if (e.staffId !== undefined) staffOf(r, e.staffId, e.post).referralVisits++;
        if (e.group !== undefined) groupOf(r, e.group).referralVisits++;
        if (e.productId !== undefined) productOf(r, e.productId).referralVisits++;
      }
      break;
    }
    case 'deal': {
      const amount = e.amountFen;
      r.revenueFen += amount;
      r.deals++;
      if (amount > 0 && facts.firstPaying) r.payingCustomers++;
      if (e.first) r.firstDeals++;
      else r.repeatPurchases++;
      const p = productOf(r, e.productId);
      p.deals++;
      p.revenueFen += amount;
      const c = channelOf(r, e.channel);
      c.deals++;
      c.revenueFen += amount;
      if (e.first) c.firstDeals++;
      else c.secondPurchases++;
      if (e.channel === REFERRAL && e.level === 1) r.referralRevenueFen += amount;
      if (e.referrerStar !== undefined) r.starRevenueFen[starIndex(e.referrerStar)] += amount;
      if (e.staffId !== undefined) {
        const s = staffOf(r, e.staffId, e.post);
        s.deals++;
        s.dealAmountFen += amount;
      }
      if (e.group !== undefined) {
        const g = groupOf(r, e.group);
        g.deals++;
        g.revenueFen += amount;
      }
      break;
    }
    case 'consume':
      r.consumedFen += e.amountFen;
      break;
    case 'followup': {
      if (e.dueDay > asOfDay) break;
      const s = staffOf(r, e.staffId, e.post);
      s.due++;
      if (e.doneDay !== undefined && e.doneDay <= e.dueDay) s.onTime++;
      else if (e.doneDay !== undefined || asOfDay > e.dueDay) s.overdue++;
      break;
    }
    case 'served': {
      const s = staffOf(r, e.staffId, e.post);
      if (facts.firstServed) s.servedCustomers++;
      break;
    }
    case 'owned': {
      const s = staffOf(r, e.staffId, e.post);
      s.oldCustomers++;
      if (e.satisfied) s.satisfiedCustomers++;
      break;
    }
    case 'reward':
      r.rewards[e.unit][e.entryType === 'credit' ? 0 : e.entryType === 'use' ? 1 : 2] += e.amount;
      break;
    case 'spend':
      r.spendFen += e.amountFen;
      channelOf(r, e.channel).spendFen += e.amountFen;
      break;
  }
}

function addCounts<T extends object>(into: T, from: T): void {
  for (const [k, v] of Object.entries(from)) {
    if (typeof v === 'number') (into as Record<string, number>)[k] = ((into as Record<string, number>)[k] ?? 0) + v;
  }
}

/** Adds `from` into `into` (in place): a period's or a chain's roll-up is the sum of its days and stores. */
export function mergeRollup(into: Rollup, from: Rollup): Rollup {
  addCounts(into, from);
  for (const [id, c] of Object.entries(from.channels)) addCounts(channelOf(into, id), c);
  for (const [id, p] of Object.entries(from.products)) addCounts(productOf(into, id), p);
  for (const [id, g] of Object.entries(from.groups)) addCounts(groupOf(into, id), g);
  for (const [id, s] of Object.entries(from.staff)) addCounts(staffOf(into, id, s.post), s);
  from.starReferrers.forEach((n, i) => (into.starReferrers[i] = (into.starReferrers[i] ?? 0) + n));
  from.starRevenueFen.forEach((n, i) => (into.starRevenueFen[i] = (into.starRevenueFen[i] ?? 0) + n));
  for (const [m, n] of Object.entries(from.lag)) {
    into.lag[m] = (ownEntry(into.lag, m) ?? 0) + n;
  }
  for (const unit of ['fen', 'points', 'item'] as const) {
    from.rewards[unit].forEach((n, i) => (into.rewards[unit][i] = (into.rewards[unit][i] as number) + n));
  }
  return into;
}

/** The sum of roll-ups (a new object; the inputs are not changed). */
export function sumRollups(rollups: Iterable<Rollup>): Rollup {
  const total = emptyRollup();
  for (const r of rollups) mergeRollup(total, r);
  return total;
}

/** `YYYY-MM` of a Shanghai day number. */
export const monthOfDay = (day: number): string => dayNumberToDate(day).slice(0, 7);

/**
 * Folds events into one roll-up per Shanghai day, deciding the distinct counts with sets per
 * month (and store) exactly as the database's markers do.
 */
export function foldEvents(events: Iterable<ReportEvent>, asOfDay: number): Map<number, Rollup> {
  const days = new Map<number, Rollup>();
  const seen = new Set<string>();
  const first = (key: string): boolean => {
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  const monthOf = new Map<number, string>();
  for (const e of events) {
    const day = shanghaiDayNumber(e.at);
    let r = days.get(day);
    if (!r) {
      days.set(day, (r = emptyRollup()));
      monthOf.set(day, monthOfDay(day));
    }
    const facts: DistinctFacts = {};
    if (e.type === 'served' || e.type === 'deal' || (e.type === 'filing' && e.referrerStar !== undefined)) {
      const scope = `${monthOf.get(day) as string}|${e.storeId ?? ''}`;
      if (e.type === 'served') facts.firstServed = first(`s|${scope}|${e.staffId}|${e.personId}`);
      if (e.type === 'deal' && e.amountFen > 0) facts.firstPaying = first(`p|${scope}|${e.personId}`);
      if (e.type === 'filing') facts.firstReferrer = first(`r|${scope}|${e.referrerId as string}`);
    }
    addEvent(r, e, facts, asOfDay);
  }
  return days;
}
