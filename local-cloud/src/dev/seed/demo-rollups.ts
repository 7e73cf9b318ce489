/**
 * The day roll-ups (`dayRollups`) of the seeded records, as the writers would have kept them: the
 * report events of every filing, booking, visit, deal and reward entry (the shared mappers of
 * events-of-records, placed in the store whose write made them), folded per store and Shanghai day
 * with `foldEvents` — the fold of the writers' own `addEvent`. Only the last ROLLUP_MONTHS calendar
 * months are rolled up: the seed stays quick, and the reports read a few months at most.
 *
 * Choices where the records leave room:
 * - Imported customers (CRM, source `crm_import`) have no attribution, so their deals count under
 *   `unattributed` — what `dealEventOf` gives a customer without one, and where their live deals
 *   land too — and as repeat purchases: they were old customers (老客) when imported, and
 *   deals.record never counts an old customer's deal as a first deal.
 * - A referral filing's referrer figures (star, months since the last treatment) use the
 *   referrer's last treatment before the filing, as their record read at the time.
 * - Markers (`rollupMarks`) are written for the current month only, with the ids the writers use:
 *   live writes only ever count into the current month, and must not count a seeded paying
 *   customer, served person or referrer of this month a second time.
 */
import {
  addMonths,
  dealEventOf,
  dayNumberToDate,
  filingEventOf,
  foldEvents,
  localDate,
  monthOf,
  rewardEventOf,
  servedEventsOf,
  shanghaiDayNumber,
  visitEventOf,
  type AttributionRecord,
  type Booking,
  type Customer,
  type Deal,
  type Filing,
  type LocalDate,
  type ReportEvent,
  type RewardLedgerEntry,
  type Visit,
} from '@clinic/shared';
import { rollupMarkIdFor } from '../../../../cloudfunctions/data/keys';
import { dayRollupIdFor, type DayRollupDoc } from '../../../../cloudfunctions/data/rollups';
import type { Referral } from './history-writes';
import { shanghaiDate } from './store-calendar';

/** Calendar months rolled up: this month and the twelve before it (a year ago included). */
export const ROLLUP_MONTHS = 13;

/** The first day rolled up for a clock reading `today`. */
export const rollupWindowStart = (today: LocalDate): LocalDate =>
  `${monthOf(addMonths(today, -(ROLLUP_MONTHS - 1)))}-01`;

export interface SeededRecords {
  customers: readonly Customer[];
  deals: readonly Deal[];
  filings: readonly Filing[];
  attributions: ReadonlyMap<string, AttributionRecord>;
  bookings: readonly Booking[];
  visits: readonly Visit[];
  referrals: ReadonlyMap<string, Referral>;
  ledger: readonly RewardLedgerEntry[];
}

const byTime = <T extends { at: string }>(items: readonly T[]) =>
  [...items].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));

function grouped<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) out.set(key(t), [...(out.get(key(t)) ?? []), t]);
  return out;
}

/** The report events of the seeded records, each with the store of the write that made it, by time. */
export function seededReportEvents(r: SeededRecords): ReportEvent[] {
  const customers = new Map(r.customers.map((c) => [c.id, c]));
  const customer = (id: string) => customers.get(id) as Customer;
  const dealsOf = grouped(byTime(r.deals), (d) => d.customerId);
  const events: ReportEvent[] = [];
  const put = (storeId: string, e: ReportEvent) => events.push({ ...e, storeId });

  for (const f of r.filings) {
    if (f.isTouch) continue;
    const attribution = r.attributions.get(f.customerId) as AttributionRecord;
    const referrer = f.referrerCustomerId ? customers.get(f.referrerCustomerId) : undefined;
    const lastBefore =
      referrer && (dealsOf.get(referrer.id) ?? []).filter((d) => Date.parse(d.at) < Date.parse(f.at)).at(-1);
    const asThen = referrer && {
      id: referrer.id,
      ...(referrer.starLevel !== undefined ? { starLevel: referrer.starLevel } : {}),
      ...(lastBefore ? { lastTreatmentDate: shanghaiDate(Date.parse(lastBefore.at)) } : {}),
    };
    put(f.storeId, filingEventOf(attribution, f, customer(f.customerId), asThen));
  }
  for (const b of r.bookings) {
    const channel = (r.attributions.get(b.customerId) as AttributionRecord).channel;
    put(b.storeId, {
      type: 'booking',
      at: Date.parse(b.createdAt),
      personId: b.customerId,
      productId: b.productId,
      channel,
    });
  }
  for (const [customerId, visits] of grouped(byTime(r.visits), (v) => v.customerId)) {
    const attribution = r.attributions.get(customerId) as AttributionRecord;
    visits.forEach((v, i) => {
      put(v.storeId, visitEventOf(attribution, v, i === 0, customer(customerId)));
      for (const s of servedEventsOf(v)) put(v.storeId, s);
    });
  }
  for (const [customerId, deals] of dealsOf) {
    const c = customer(customerId);
    const referral = r.referrals.get(customerId);
    const referrer = referral ? customers.get(referral.referrerCustomerId) : undefined;
    // A new customer's first paid deal makes them an old customer: that one is the first deal.
    const firstPaid = c.source === 'crm_import' ? undefined : deals.find((d) => d.paidFen > 0);
    for (const d of deals) {
      put(c.storeId, dealEventOf(d, r.attributions.get(customerId) ?? null, d === firstPaid, c, referrer));
      if (d.staffId) put(c.storeId, { type: 'served', at: Date.parse(d.at), staffId: d.staffId, personId: customerId });
    }
  }
  for (const e of r.ledger) {
    // deals.record rolls a checkout up at its customer's store: the referee who paid, or who spent.
    put(customer(e.type === 'credit' ? e.refereeCustomerId : e.customerId).storeId, rewardEventOf(e));
  }
  return events
    .map((e, i) => [e, i] as const)
    .sort(([a, i], [b, j]) => a.at - b.at || i - j)
    .map(([e]) => e);
}

type Doc = Record<string, unknown>;

/** The seeded `dayRollups` and this month's `rollupMarks`. */
export function buildDayRollups(
  chainId: string,
  records: SeededRecords,
  now: Date,
): { dayRollups: Doc[]; rollupMarks: Doc[] } {
  const today = localDate(now);
  const from = Date.parse(`${rollupWindowStart(today)}T00:00:00+08:00`);
  const events = seededReportEvents(records).filter((e) => e.at >= from && e.at <= now.getTime());
  const byStore = grouped(events, (e) => e.storeId as string);
  const dayRollups: Doc[] = [];
  for (const storeId of [...byStore.keys()].sort()) {
    const mine = byStore.get(storeId) as ReportEvent[];
    const lastAt = new Map<number, number>();
    for (const e of mine) lastAt.set(shanghaiDayNumber(e.at), e.at);
    const days = foldEvents(mine, shanghaiDayNumber(now.getTime()));
    for (const [day, rollup] of [...days].sort(([a], [b]) => a - b)) {
      const date = dayNumberToDate(day);
      const doc: DayRollupDoc = {
        chainId,
        storeId,
        date,
        rollup,
        updatedAt: new Date(lastAt.get(day) as number).toISOString(),
      };
      dayRollups.push({ _id: dayRollupIdFor(storeId, date), ...doc });
    }
  }

  const month = monthOf(today);
  const marks = new Map<string, Doc>();
  const mark = (kind: string, at: number, parts: string[]) => {
    const id = rollupMarkIdFor(kind, month, ...parts);
    if (!marks.has(id)) marks.set(id, { _id: id, month, createdAt: new Date(at).toISOString() });
  };
  for (const e of events) {
    if (shanghaiDate(e.at).slice(0, 7) !== month) continue;
    const storeId = e.storeId as string;
    if (e.type === 'served') mark('served', e.at, [storeId, e.staffId, e.personId]);
    if (e.type === 'deal' && e.amountFen > 0) mark('paying', e.at, [storeId, e.personId]);
    if (e.type === 'filing' && e.referrerId && e.referrerStar !== undefined)
      mark('referrer', e.at, [storeId, e.referrerId]);
  }
  return { dayRollups, rollupMarks: [...marks.values()] };
}
