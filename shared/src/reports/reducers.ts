import type { ClinicSettings } from '../settings/clinic-settings';
import type { StaffPost } from '../model/people';
import { ratioBp } from '../money/fen';
import { dateToDayNumber, dayNumberToDate } from '../time/shanghai';
import { foldEvents, ownEntry, starIndex, sumRollups, type Rollup } from './rollup';
import type { ReportEvent } from './events';
import { breakDownMonthly } from './targets';
import { compareText } from '../util/compare';

/** Staff KPIs of §4. */
export const KPI_METRICS = [
  'oldCustomers',
  'satisfiedCustomers',
  'servedCustomers',
  'referralFilings',
  'referralVisits',
  'deals',
  'dealAmountFen',
] as const;
export type KpiMetric = (typeof KPI_METRICS)[number];
export type Kpis = Record<KpiMetric, number>;

export const DEVIATION_METRICS = ['revenueFen', 'deals', 'referralFilings', 'referralVisits'] as const;
export type DeviationMetric = (typeof DEVIATION_METRICS)[number];
export type DeviationDimension = 'total' | 'staff' | 'group' | 'product';

export interface DailyTarget {
  metric: DeviationMetric;
  dimension: DeviationDimension;
  /** Staff id, group or product id; `all` for the total. */
  key: string;
  month: string;
  value: number;
  closedDates?: string[];
}

export interface ReportOptions {
  settings: ClinicSettings;
  /** Local date the report is read on: decides what is overdue and how far deviation runs. */
  asOf: string;
  staffTargets?: Record<string, Partial<Kpis>>;
  dailyTargets?: readonly DailyTarget[];
}

export const STAR_BUCKETS = ['≤1', '2', '3', '4', '≥5'] as const;
export type StarBucket = (typeof STAR_BUCKETS)[number];
export const starBucket = (star: number): StarBucket => STAR_BUCKETS[starIndex(star)] as StarBucket;

/**
 * The §4/§9 tables from events: folded into day roll-ups by the same `addEvent` the database's
 * roll-ups are maintained with, then read by `reportTables`.
 */
export function buildReports(events: Iterable<ReportEvent>, options: ReportOptions) {
  const days = foldEvents(events, dateToDayNumber(options.asOf));
  return reportTables(sumRollups(days.values()), days, options);
}

/** What a report reads besides the roll-ups. */
export interface TableOptions extends ReportOptions {
  /** Posts of staff whose roll-up counters carry none (the database's roll-ups never do). */
  postOf?: (staffId: string) => StaffPost | undefined;
}

const DEVIATION_READERS: Record<DeviationDimension, (day: Rollup, key: string) => number[] | undefined> = {
  total: (d) => [d.revenueFen, d.deals, d.referralFilings, d.referralVisits],
  staff: (d, key) => {
    const s = ownEntry(d.staff, key);
    return s && [s.dealAmountFen, s.deals, s.referralFilings, s.referralVisits];
  },
  group: (d, key) => {
    const g = ownEntry(d.groups, key);
    return g && [g.revenueFen, g.deals, g.referralFilings, g.referralVisits];
  },
  product: (d, key) => {
    const p = ownEntry(d.products, key);
    return p && [p.revenueFen, p.deals, p.referralFilings, p.referralVisits];
  },
};

/**
 * The tables of a period: `total` is the period's roll-up (summed over days and stores), `days`
 * the roll-ups by Shanghai day number for the daily deviation.
 */
export function reportTables(total: Rollup, days: ReadonlyMap<number, Rollup>, options: TableOptions) {
  const asOfDay = dateToDayNumber(options.asOf);
  const targetBp = options.settings.referralShareTargetBp;
  const referralShare = {
    referralRevenueFen: total.referralRevenueFen,
    totalRevenueFen: total.revenueFen,
    shareBp: ratioBp(total.referralRevenueFen, total.revenueFen),
    targetBp,
    meetsTarget: total.revenueFen > 0 && ratioBp(total.referralRevenueFen, total.revenueFen) >= targetBp,
  };

  const staffRows = Object.entries(total.staff)
    .sort(([a], [b]) => compareText(a, b))
    .map(([staffId, s]) => {
      const actual = Object.fromEntries(KPI_METRICS.map((m) => [m, s[m]])) as Kpis;
      const target = options.staffTargets?.[staffId] ?? {};
      return {
        staffId,
        post: s.post ?? options.postOf?.(staffId),
        actual,
        target,
        attainmentBp: attainment(actual, target),
        followUps: { due: s.due, onTime: s.onTime, overdue: s.overdue },
      };
    });
  const postMap = new Map<
    string,
    { actual: Kpis; target: Partial<Kpis>; followUps: { due: number; onTime: number; overdue: number } }
  >();
  for (const row of staffRows) {
    const key = row.post ?? 'unknown';
    let p = postMap.get(key);
    if (!p) postMap.set(key, (p = { actual: zeroKpis(), target: {}, followUps: { due: 0, onTime: 0, overdue: 0 } }));
    for (const m of KPI_METRICS) {
      p.actual[m] += row.actual[m];
      const t = row.target[m];
      if (t !== undefined) p.target[m] = (p.target[m] ?? 0) + t;
    }
    p.followUps.due += row.followUps.due;
    p.followUps.onTime += row.followUps.onTime;
    p.followUps.overdue += row.followUps.overdue;
  }
  const postRows = [...postMap.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([post, p]) => ({ post, ...p, attainmentBp: attainment(p.actual, p.target) }));

  let totalVisits = 0;
  let productRevenue = 0;
  for (const p of Object.values(total.products)) {
    totalVisits += p.visits;
    productRevenue += p.revenueFen;
  }
  const productRows = Object.entries(total.products)
    .sort(([ida, a], [idb, b]) => b.revenueFen - a.revenueFen || compareText(ida, idb))
    .map(([productId, p]) => ({
      productId,
      appointments: p.appointments,
      visits: p.visits,
      deals: p.deals,
      revenueFen: p.revenueFen,
      visitShareBp: ratioBp(p.visits, totalVisits),
      revenueShareBp: ratioBp(p.revenueFen, productRevenue),
    }));

  const starTotal = total.starRevenueFen.reduce((a, b) => a + b, 0);
  const starRows = STAR_BUCKETS.map((bucket, i) => ({
    bucket,
    referrers: total.starReferrers[i] as number,
    revenueFen: total.starRevenueFen[i] as number,
    revenueShareBp: ratioBp(total.starRevenueFen[i] as number, starTotal),
  }));

  const channelRows = Object.entries(total.channels)
    .sort(([a], [b]) => compareText(a, b))
    .map(([channel, c]) => ({
      channel,
      filings: c.filings,
      visits: c.visits,
      deals: c.deals,
      revenueFen: c.revenueFen,
      secondPurchases: c.secondPurchases,
      spendFen: c.spendFen,
      roiBp: c.spendFen > 0 ? ratioBp(c.revenueFen, c.spendFen) : null,
    }));

  const lagByMonth = Object.entries(total.lag).map(([m, n]) => [Number(m), n] as const);
  let lagTotal = 0;
  for (const [, n] of lagByMonth) lagTotal += n;
  const windows = options.settings.goldenTime.windows;
  const lagWindows = windows.map((w) => {
    let count = 0;
    for (const [month, n] of lagByMonth)
      if (month >= w.fromMonth && (w.toMonth === null || month <= w.toMonth)) count += n;
    return { windowId: w.id, label: w.label, count, shareBp: ratioBp(count, lagTotal) };
  });
  const lagMonths = [...lagByMonth]
    .sort(([a], [b]) => a - b)
    .map(([month, count]) => ({ month, count, shareBp: ratioBp(count, lagTotal) }));

  const usage = (u: readonly number[]) => ({
    credited: u[0] as number,
    used: u[1] as number,
    expired: u[2] as number,
    usageRateBp: ratioBp(u[1] as number, u[0] as number),
  });

  const deviation = (options.dailyTargets ?? []).map((t) => {
    const metric = DEVIATION_METRICS.indexOf(t.metric);
    const read = DEVIATION_READERS[t.dimension];
    let cumTarget = 0;
    let cumActual = 0;
    const rows = [...breakDownMonthly(t.value, t.month, t.closedDates)]
      .filter(([date]) => dateToDayNumber(date) <= asOfDay)
      .map(([date, target]) => {
        const day = days.get(dateToDayNumber(date));
        const actual = (day && read(day, t.key)?.[metric]) ?? 0;
        cumTarget += target;
        cumActual += actual;
        return {
          date,
          target,
          actual,
          deviation: actual - target,
          cumulativeTarget: cumTarget,
          cumulativeActual: cumActual,
          cumulativeDeviation: cumActual - cumTarget,
        };
      });
    return { metric: t.metric, dimension: t.dimension, key: t.key, month: t.month, monthTarget: t.value, days: rows };
  });

  return {
    asOf: dayNumberToDate(asOfDay),
    referralShare,
    staff: staffRows,
    posts: postRows,
    products: productRows,
    stars: starRows,
    channels: channelRows,
    referralLag: { total: lagTotal, windows: lagWindows, months: lagMonths },
    rewards: { fen: usage(total.rewards.fen), points: usage(total.rewards.points), item: usage(total.rewards.item) },
    deviation,
    operations: {
      totalRevenueFen: total.revenueFen,
      consumedRevenueFen: total.consumedFen,
      payingCustomers: total.payingCustomers,
      spendPerCustomerFen: total.payingCustomers > 0 ? Math.floor(total.revenueFen / total.payingCustomers) : 0,
      firstVisits: total.firstVisits,
      returnVisits: total.returnVisits,
      repeatPurchases: total.repeatPurchases,
      consultationCloseRateBp: ratioBp(total.firstDeals, total.firstVisits),
      marketingSpendFen: total.spendFen,
    },
  };
}
export type Reports = ReturnType<typeof buildReports>;

function zeroKpis(): Kpis {
  return Object.fromEntries(KPI_METRICS.map((m) => [m, 0])) as Kpis;
}

/** Actual against target per KPI, in basis points (a target of 0 is met). */
export function attainment(actual: Kpis, target: Partial<Kpis>): Partial<Record<KpiMetric, number>> {
  const out: Partial<Record<KpiMetric, number>> = {};
  for (const m of KPI_METRICS) {
    const t = target[m];
    if (t !== undefined) out[m] = t > 0 ? ratioBp(actual[m], t) : 10_000;
  }
  return out;
}
