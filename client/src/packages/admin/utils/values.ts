/**
 * How the dashboard writes its numbers: money is integer fen (`¥29,800.00`), counts carry their unit,
 * rates are basis points (10000 = 100 %).
 */
import { formatFen, type DashboardTargetMetric } from '@clinic/shared';

/** The unit after a count; 成交额 is money and has none. */
export const METRIC_UNITS: Record<DashboardTargetMetric, string> = {
  dealAmountFen: '',
  referralFilings: '人',
  referralVisits: '人',
  deals: '笔',
};

/** `¥29,800.00` for 带新成交额, `12 人` / `3 笔` for the counts. */
export function metricValueText(metric: DashboardTargetMetric, value: number): string {
  return metric === 'dealAmountFen' ? formatFen(value) : `${value} ${METRIC_UNITS[metric]}`;
}

/** Basis points → percentage points with one decimal, rounded down: 850 → `8.5`, 10000 → `100.0`. */
export function pointsText(bp: number): string {
  const tenths = Math.floor(bp / 10);
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

/** Basis points → a percentage, rounded down so that no rate looks better than it is: 850 → `8.5%`. */
export function percentText(bp: number): string {
  return `${pointsText(bp)}%`;
}

/**
 * Whole yuan on a chart axis, short enough for a 320 px phone: `800`, `9,500`, `1.2万`, `35万`, `1.5亿`
 * (one decimal, rounded down, left out when it is 0).
 */
export function compactYuan(yuan: number): string {
  const whole = Math.max(0, Math.floor(yuan));
  const inTenths = (tenths: number, unit: string) =>
    tenths % 10 === 0 ? `${tenths / 10}${unit}` : `${Math.floor(tenths / 10)}.${tenths % 10}${unit}`;
  if (whole >= 100_000_000) return inTenths(Math.floor(whole / 10_000_000), '亿');
  if (whole >= 10_000) return inTenths(Math.floor(whole / 1_000), '万');
  return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
