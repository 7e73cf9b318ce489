import type { ClinicSettings } from '../settings/clinic-settings';
import type { StaffPost } from '../model/people';
import { ratioBp } from '../money/fen';
import { dateToDayNumber, dayNumberToDate, monthsBetweenDays, shanghaiDayNumber } from '../time/shanghai';
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
export function starBucket(star: number): StarBucket {
  if (star <= 1) return '≤1';
  if (star >= 5) return '≥5';
  return STAR_BUCKETS[star - 1] as StarBucket;
}

const REFERRAL = 'referral';

interface StaffAcc {
  post: StaffPost | undefined;
  k: number[];
  served: Set<string>;
  due: number;
  onTime: number;
  overdue: number;
}
interface ProductAcc {
  appointments: number;
  visits: number;
  deals: number;
  revenueFen: number;
}
interface ChannelAcc {
  filings: number;
  visits: number;
  deals: number;
  revenueFen: number;
  secondPurchases: number;
  spendFen: number;
}

const M_REV = 0;
const M_DEALS = 1;
const M_FIL = 2;
const M_VIS = 3;

/**
 * One pass over the events; the accumulator is created here and never escapes, so the fold is
 * referentially transparent while mutating in place for speed (1,000,000 events well under 2 s).
 */
export function buildReports(events: Iterable<ReportEvent>, options: ReportOptions) {
  const asOfDay = dateToDayNumber(options.asOf);
  const staff = new Map<string, StaffAcc>();
  const products = new Map<string, ProductAcc>();
  const channels = new Map<string, ChannelAcc>();
  const starReferrers = STAR_BUCKETS.map(() => new Set<string>());
  const starRevenue = STAR_BUCKETS.map(() => 0);
  const lagByMonth = new Map<number, number>();
  const rewards = { fen: [0, 0, 0], points: [0, 0, 0], item: [0, 0, 0] };
  const daily: Record<DeviationDimension, Map<string, Map<number, number[]>>> = {
    total: new Map(),
    staff: new Map(),
    group: new Map(),
    product: new Map(),
  };
  const paying = new Set<string>();
  let totalRevenue = 0;
  let referralRevenue = 0;
  let consumed = 0;
  let firstVisits = 0;
  let returnVisits = 0;
  let firstDeals = 0;
  let repeatPurchases = 0;
  let spend = 0;

  const staffAcc = (id: string, post: StaffPost | undefined): StaffAcc => {
    let s = staff.get(id);
    if (!s) {
      s = { post, k: KPI_METRICS.map(() => 0), served: new Set(), due: 0, onTime: 0, overdue: 0 };
      staff.set(id, s);
    } else if (s.post === undefined) s.post = post;
    return s;
  };
  const productAcc = (id: string): ProductAcc => {
    let p = products.get(id);
    if (!p) products.set(id, (p = { appointments: 0, visits: 0, deals: 0, revenueFen: 0 }));
    return p;
  };
  const channelAcc = (id: string): ChannelAcc => {
    let c = channels.get(id);
    if (!c) channels.set(id, (c = { filings: 0, visits: 0, deals: 0, revenueFen: 0, secondPurchases: 0, spendFen: 0 }));
    return c;
  };
  const addDaily = (dim: DeviationDimension, key: string | undefined, day: number, metric: number, amount: number) => {
    if (key === undefined) return;
    let byDay = daily[dim].get(key);
    if (!byDay) daily[dim].set(key, (byDay = new Map()));
    let m = byDay.get(day);
    if (!m) byDay.set(day, (m = [0, 0, 0, 0]));
    m[metric] = (m[metric] as number) + amount;
  };
  const addAllDims = (
    e: { staffId?: string; group?: string; productId?: string },
    day: number,
    metric: number,
    amount: number,
  ) => {
    addDaily('total', 'all', day, metric, amount);
    addDaily('staff', e.staffId, day, metric, amount);
    addDaily('group', e.group, day, metric, amount);
    addDaily('product', e.productId, day, metric, amount);
  };

  for (const e of events) {
    switch (e.type) {
      case 'filing': {
        channelAcc(e.channel).filings++;
        const isReferral = e.channel === REFERRAL && e.level === 1;
        if (isReferral) {
          if (e.staffId !== undefined) staffAcc(e.staffId, e.post).k[3]++;
          addAllDims(e, shanghaiDayNumber(e.at), M_FIL, 1);
        }
        if (e.referrerId !== undefined) {
          if (e.referrerStar !== undefined)
            starReferrers[STAR_BUCKETS.indexOf(starBucket(e.referrerStar))]?.add(e.referrerId);
          const treated = e.referrerLastTreatmentDay;
          const filed = shanghaiDayNumber(e.at);
          // A treatment dated after the filing is bad data, not month 0: leave it out.
          if (treated !== undefined && filed >= treated) {
            const month = monthsBetweenDays(treated, filed) + 1;
            lagByMonth.set(month, (lagByMonth.get(month) ?? 0) + 1);
          }
        }
        break;
      }
      case 'booking':
        productAcc(e.productId).appointments++;
        break;
      case 'visit': {
        if (e.productId !== undefined) productAcc(e.productId).visits++;
        if (e.first) {
          firstVisits++;
          channelAcc(e.channel).visits++;
          if (e.channel === REFERRAL && e.level === 1) {
            if (e.staffId !== undefined) staffAcc(e.staffId, e.post).k[4]++;
            addAllDims(e, shanghaiDayNumber(e.at), M_VIS, 1);
          }
        } else returnVisits++;
        break;
      }
      case 'deal': {
        const amount = e.amountFen;
        totalRevenue += amount;
        if (amount > 0) paying.add(e.personId);
        if (e.first) firstDeals++;
        else repeatPurchases++;
        const p = productAcc(e.productId);
        p.deals++;
        p.revenueFen += amount;
        const c = channelAcc(e.channel);
        c.deals++;
        c.revenueFen += amount;
        if (!e.first) c.secondPurchases++;
        if (e.channel === REFERRAL && e.level === 1) referralRevenue += amount;
        if (e.referrerStar !== undefined) starRevenue[STAR_BUCKETS.indexOf(starBucket(e.referrerStar))] += amount;
        if (e.staffId !== undefined) {
          const s = staffAcc(e.staffId, e.post);
          s.k[5]++;
          s.k[6] = (s.k[6] as number) + amount;
        }
        const day = shanghaiDayNumber(e.at);
        addAllDims(e, day, M_REV, amount);
        addAllDims(e, day, M_DEALS, 1);
        break;
      }
      case 'consume':
        consumed += e.amountFen;
        break;
      case 'followup': {
        if (e.dueDay > asOfDay) break;
        const s = staffAcc(e.staffId, e.post);
        s.due++;
        if (e.doneDay !== undefined && e.doneDay <= e.dueDay) s.onTime++;
        else if (e.doneDay !== undefined || asOfDay > e.dueDay) s.overdue++;
        break;
      }
      case 'served':
        staffAcc(e.staffId, e.post).served.add(e.personId);
        break;
      case 'owned': {
        const s = staffAcc(e.staffId, e.post);
        s.k[0]++;
        if (e.satisfied) s.k[1]++;
        break;
      }
      case 'reward':
        rewards[e.unit][e.entryType === 'credit' ? 0 : e.entryType === 'use' ? 1 : 2] += e.amount;
        break;
      case 'spend':
        spend += e.amountFen;
        channelAcc(e.channel).spendFen += e.amountFen;
        break;
    }
  }

  // ---- finish: turn accumulators into tables
  const targetBp = options.settings.referralShareTargetBp;
  const referralShare = {
    referralRevenueFen: referralRevenue,
    totalRevenueFen: totalRevenue,
    shareBp: ratioBp(referralRevenue, totalRevenue),
    targetBp,
    meetsTarget: totalRevenue > 0 && ratioBp(referralRevenue, totalRevenue) >= targetBp,
  };

  const kpiOf = (s: StaffAcc): Kpis => {
    const k = Object.fromEntries(KPI_METRICS.map((m, i) => [m, s.k[i] as number])) as Kpis;
    k.servedCustomers = s.served.size;
    return k;
  };
  const staffRows = [...staff.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([staffId, s]) => {
      const actual = kpiOf(s);
      const target = options.staffTargets?.[staffId] ?? {};
      return {
        staffId,
        post: s.post,
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
  for (const p of products.values()) {
    totalVisits += p.visits;
    productRevenue += p.revenueFen;
  }
  const productRows = [...products.entries()]
    .sort(([ida, a], [idb, b]) => b.revenueFen - a.revenueFen || compareText(ida, idb))
    .map(([productId, p]) => ({
      productId,
      ...p,
      visitShareBp: ratioBp(p.visits, totalVisits),
      revenueShareBp: ratioBp(p.revenueFen, productRevenue),
    }));

  const starTotal = starRevenue.reduce((a, b) => a + b, 0);
  const starRows = STAR_BUCKETS.map((bucket, i) => ({
    bucket,
    referrers: (starReferrers[i] as Set<string>).size,
    revenueFen: starRevenue[i] as number,
    revenueShareBp: ratioBp(starRevenue[i] as number, starTotal),
  }));

  const channelRows = [...channels.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([channel, c]) => ({ channel, ...c, roiBp: c.spendFen > 0 ? ratioBp(c.revenueFen, c.spendFen) : null }));

  let lagTotal = 0;
  for (const n of lagByMonth.values()) lagTotal += n;
  const windows = options.settings.goldenTime.windows;
  const lagWindows = windows.map((w) => {
    let count = 0;
    for (const [month, n] of lagByMonth)
      if (month >= w.fromMonth && (w.toMonth === null || month <= w.toMonth)) count += n;
    return { windowId: w.id, label: w.label, count, shareBp: ratioBp(count, lagTotal) };
  });
  const lagMonths = [...lagByMonth.entries()]
    .sort(([a], [b]) => a - b)
    .map(([month, count]) => ({ month, count, shareBp: ratioBp(count, lagTotal) }));

  const usage = (u: number[]) => ({
    credited: u[0] as number,
    used: u[1] as number,
    expired: u[2] as number,
    usageRateBp: ratioBp(u[1] as number, u[0] as number),
  });

  const deviation = (options.dailyTargets ?? []).map((t) => {
    const metric = DEVIATION_METRICS.indexOf(t.metric);
    const byDay = daily[t.dimension].get(t.key);
    let cumTarget = 0;
    let cumActual = 0;
    const days = [...breakDownMonthly(t.value, t.month, t.closedDates)]
      .filter(([date]) => dateToDayNumber(date) <= asOfDay)
      .map(([date, target]) => {
        const actual = (byDay?.get(dateToDayNumber(date))?.[metric] as number | undefined) ?? 0;
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
    return { metric: t.metric, dimension: t.dimension, key: t.key, month: t.month, monthTarget: t.value, days };
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
    rewards: { fen: usage(rewards.fen), points: usage(rewards.points), item: usage(rewards.item) },
    deviation,
    operations: {
      totalRevenueFen: totalRevenue,
      consumedRevenueFen: consumed,
      payingCustomers: paying.size,
      spendPerCustomerFen: paying.size > 0 ? Math.floor(totalRevenue / paying.size) : 0,
      firstVisits,
      returnVisits,
      repeatPurchases,
      consultationCloseRateBp: ratioBp(firstDeals, firstVisits),
      marketingSpendFen: spend,
    },
  };
}
export type Reports = ReturnType<typeof buildReports>;

function zeroKpis(): Kpis {
  return Object.fromEntries(KPI_METRICS.map((m) => [m, 0])) as Kpis;
}

/** Actual against target per metric, in basis points (10000 = on target); only targeted metrics. */
/** Actual against target per KPI, in basis points (a target of 0 is met). */
export function attainment(actual: Kpis, target: Partial<Kpis>): Partial<Record<KpiMetric, number>> {
  const out: Partial<Record<KpiMetric, number>> = {};
  for (const m of KPI_METRICS) {
    const t = target[m];
    if (t !== undefined) out[m] = t > 0 ? ratioBp(actual[m], t) : 10_000;
  }
  return out;
}
