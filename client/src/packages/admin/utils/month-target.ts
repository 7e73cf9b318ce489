/**
 * 本月目标与时间进度: each metric's actual against the month's target and against the time-progress
 * target the server computed (月目标 ÷ 天数 × 已过天数), with the attainment it answered.
 */
import type { DashboardView } from '../../../services/reports';
import { metricValueText, percentText } from './values';

export type TargetRow = DashboardView['monthTarget'][number];
export type Pace = 'ahead' | 'on' | 'behind';

export interface TargetRowView {
  metric: TargetRow['metric'];
  label: string;
  actual: string;
  hasTarget: boolean;
  /** `目标 ¥50,000.00`, or `未设目标`. */
  target: string;
  /** `时间进度 ¥38,333.00`: where the month should be by now. */
  timeProgress?: string;
  /** `完成 59.6%`. */
  attainment?: string;
  /** The bar's filled share of the target, 0–100. */
  fillPercent: number;
  /** Where the time-progress line sits on the bar, 0–100. */
  markerPercent?: number;
  pace?: Pace;
  /** `领先时间进度 2 人` / `落后时间进度 ¥1,200.00` / `与时间进度持平`. */
  paceText?: string;
}

/** `part` of `whole` in percent with one decimal, rounded down, at most 100. */
function shareOf(part: number, whole: number): number {
  if (whole <= 0) return part > 0 ? 100 : 0;
  return Math.min(100, Math.floor((part * 1000) / whole) / 10);
}

export function targetRowView(row: TargetRow): TargetRowView {
  const { metric } = row;
  const base = { metric, label: row.label, actual: metricValueText(metric, row.actual) };
  if (row.target === undefined) return { ...base, hasTarget: false, target: '未设目标', fillPercent: 0 };
  const view: TargetRowView = {
    ...base,
    hasTarget: true,
    target: `目标 ${metricValueText(metric, row.target)}`,
    fillPercent: shareOf(row.actual, row.target),
    ...(row.attainmentBp !== undefined ? { attainment: `完成 ${percentText(row.attainmentBp)}` } : {}),
  };
  const due = row.timeProgressTarget;
  if (due === undefined) return view;
  const ahead = row.actual - due;
  const pace: Pace = ahead > 0 ? 'ahead' : ahead < 0 ? 'behind' : 'on';
  return {
    ...view,
    timeProgress: `时间进度 ${metricValueText(metric, due)}`,
    ...(row.target > 0 ? { markerPercent: shareOf(due, row.target) } : {}),
    pace,
    paceText:
      pace === 'on'
        ? '与时间进度持平'
        : `${pace === 'ahead' ? '领先' : '落后'}时间进度 ${metricValueText(metric, Math.abs(ahead))}`,
  };
}

/** `2026-11-23` → `11月23日`. */
export function monthDayText(date: string): string {
  const [, month, day] = date.split('-');
  return `${Number(month)}月${Number(day)}日`;
}

/** The card's explanation with this month's numbers: `时间进度 = 月目标 ÷ 30 天 × 已过 23 天`. */
export function timeProgressRule(daysInMonth: number, daysElapsed: number): string {
  return `时间进度 = 月目标 ÷ ${daysInMonth} 天 × 已过 ${daysElapsed} 天`;
}
