import {
  DASHBOARD_TARGET_METRICS,
  FUNNEL_STEPS,
  type Dashboard,
  type DashboardTargetMetric,
  type FunnelStep,
} from '../contract/reports';
import { ratioBp } from '../money/fen';
import type { StaffPost } from '../model/people';
import type { ClinicSettings } from '../settings/clinic-settings';
import { addDays, dateToDayNumber, dayNumberToDate, daysInMonth, weekday, type LocalDate } from '../time/shanghai';
import { compareText } from '../util/compare';
import type { Kpis } from './reducers';
import { emptyRollup, mergeRollup, ownEntry, type Rollup } from './rollup';

export const TREND_WEEKS = 8;
export const MAX_SLIPS = 20;

export interface DashboardFacts {
  month: string;
  /** The day the dashboard is read on, inside `month` (the month's last day for a past month). */
  asOf: LocalDate;
  /** Day roll-ups of the scope (its stores summed) by Shanghai day number, covering `dashboardDays`. */
  days: ReadonlyMap<number, Rollup>;
  settings: ClinicSettings;
  /** The people in scope, with their month's targets (if any). */
  staff: readonly { id: string; name: string; post: StaffPost; postLabel: string; targets?: Partial<Kpis> }[];
}

/** The first and last day a dashboard reads: the month so far and the trend's eight weeks. */
export function dashboardDays(month: string, asOf: LocalDate): { from: LocalDate; to: LocalDate } {
  const trendFrom = trendStart(asOf);
  const monthFrom = `${month}-01`;
  return { from: trendFrom < monthFrom ? trendFrom : monthFrom, to: asOf };
}

/** The Monday that starts the trend: eight weeks, the last one holding `asOf`. */
function trendStart(asOf: LocalDate): LocalDate {
  const sinceMonday = (weekday(asOf) + 6) % 7; // weekday: 0 = Sunday
  return addDays(asOf, -sinceMonday - (TREND_WEEKS - 1) * 7);
}

const TARGET_METRICS = Object.keys(DASHBOARD_TARGET_METRICS) as DashboardTargetMetric[];

/** A metric of the month as a whole scope reads it (the staff counters add up to these). */
const scopeActual: Record<DashboardTargetMetric, (r: Rollup) => number> = {
  dealAmountFen: (r) => r.revenueFen,
  referralFilings: (r) => r.referralFilings,
  referralVisits: (r) => r.referralVisits,
  deals: (r) => r.deals,
};

/**
 * Where a month target should be after `elapsed` of `days` days: 月目标 ÷ 天数 × 已过天数, in whole
 * units (rounded down, so the plan to date is never overstated).
 */
export function timeProgress(target: number, elapsed: number, days: number): number {
  return Math.floor((target * elapsed) / days);
}

/**
 * 经营看板 (§4, §9): the referral share against its target, the referral funnel of the month,
 * the month against the summed targets of its people with the time progress (月目标 ÷ 天数 ×
 * 已过天数), eight weeks of trend and today's
 * slips — the people furthest behind their plan to date, by the share of it they miss.
 */
export function dashboardFigures(f: DashboardFacts): Omit<Dashboard, 'scope' | 'stores'> {
  const asOfDay = dateToDayNumber(f.asOf);
  const monthFromDay = dateToDayNumber(`${f.month}-01`);
  const elapsed = asOfDay - monthFromDay + 1;
  const days = daysInMonth(f.month);
  const month = emptyRollup();
  for (const [day, r] of f.days) if (day >= monthFromDay && day <= asOfDay) mergeRollup(month, r);

  const targetBp = f.settings.referralShareTargetBp;
  const shareBp = ratioBp(month.referralRevenueFen, month.revenueFen);
  const referral = month.channels.referral;
  const counts: Record<FunnelStep, number> = {
    filed: month.referralFilings,
    booked: referral?.bookings ?? 0,
    visited: month.referralVisits,
    dealt: referral?.firstDeals ?? 0,
  };
  const steps = Object.keys(FUNNEL_STEPS) as FunnelStep[];
  const funnel = steps.map((step, i) => {
    const before = i > 0 ? counts[steps[i - 1] as FunnelStep] : 0;
    return {
      step,
      label: FUNNEL_STEPS[step],
      count: counts[step],
      ...(before > 0 ? { rateBp: ratioBp(counts[step], before) } : {}),
    };
  });

  const monthTarget = TARGET_METRICS.map((metric) => {
    const targeted = f.staff.filter((s) => s.targets?.[metric] !== undefined);
    const actual = scopeActual[metric](month);
    const base = { metric, label: DASHBOARD_TARGET_METRICS[metric], actual };
    if (targeted.length === 0) return base;
    const target = targeted.reduce((sum, s) => sum + (s.targets?.[metric] as number), 0);
    return {
      ...base,
      target,
      timeProgressTarget: timeProgress(target, elapsed, days),
      attainmentBp: target > 0 ? ratioBp(actual, target) : 10_000,
    };
  });

  const firstWeek = dateToDayNumber(trendStart(f.asOf));
  const weeklyTrend = Array.from({ length: TREND_WEEKS }, (_, w) => {
    const start = firstWeek + w * 7;
    const week = emptyRollup();
    for (let d = start; d < start + 7 && d <= asOfDay; d++) {
      const r = f.days.get(d);
      if (r) mergeRollup(week, r);
    }
    let filings = 0;
    for (const c of Object.values(week.channels)) filings += c.filings;
    return {
      weekStart: dayNumberToDate(start),
      filings,
      visits: week.firstVisits,
      deals: week.deals,
      revenueFen: week.revenueFen,
      referralRevenueFen: week.referralRevenueFen,
    };
  });

  const slips = f.staff
    .flatMap((s) => {
      const counters = ownEntry(month.staff, s.id);
      return TARGET_METRICS.flatMap((metric) => {
        const value = s.targets?.[metric];
        if (value === undefined || value <= 0) return [];
        const cumulativeTarget = timeProgress(value, elapsed, days);
        const cumulativeActual = counters ? counters[metric] : 0;
        const deviation = cumulativeActual - cumulativeTarget;
        if (deviation >= 0) return [];
        return [
          {
            staffId: s.id,
            name: s.name,
            post: s.post,
            postLabel: s.postLabel,
            metric,
            label: DASHBOARD_TARGET_METRICS[metric],
            cumulativeTarget,
            cumulativeActual,
            deviation,
            missedBp: ratioBp(-deviation, cumulativeTarget),
          },
        ];
      });
    })
    .sort((a, b) => b.missedBp - a.missedBp || a.deviation - b.deviation || compareText(a.staffId, b.staffId))
    .slice(0, MAX_SLIPS)
    .map(({ missedBp: _missed, ...slip }) => slip);

  return {
    month: f.month,
    asOf: f.asOf,
    daysInMonth: days,
    daysElapsed: elapsed,
    referralShare: {
      referralRevenueFen: month.referralRevenueFen,
      totalRevenueFen: month.revenueFen,
      shareBp,
      targetBp,
      meetsTarget: month.revenueFen > 0 && shareBp >= targetBp,
    },
    funnel,
    monthTarget,
    weeklyTrend,
    slips,
  };
}
