/**
 * 我的业绩: the month switcher, the §4 KPIs against their targets (attainment in basis points →
 * a percentage with one decimal, 成交额 as money) and the follow-ups of the month.
 */
import { formatFen, type KpiMetric } from '@clinic/shared';
import type { MyFigures } from '../services/staff-team';
import { addMonthsToMonth, formatMonth } from './dates';

export type KpiRow = MyFigures['kpis'][number];

/** Counted in people, deals …: the unit after a KPI's number (成交额 is money). */
export const KPI_UNITS: Record<KpiMetric, string> = {
  oldCustomers: '位',
  satisfiedCustomers: '位',
  servedCustomers: '位',
  referralFilings: '人',
  referralVisits: '人',
  deals: '笔',
  dealAmountFen: '',
};

/** A KPI's value as shown: `¥29,800.00` for 成交额, `12 位` otherwise. */
export function kpiValueText(metric: KpiMetric, value: number): string {
  return metric === 'dealAmountFen' ? formatFen(value) : `${value} ${KPI_UNITS[metric]}`;
}

/**
 * Basis points → a percentage with one decimal, rounded down so that attainment is never shown
 * higher than it is: 8534 → `85.3%`, 9999 → `99.9%`, 12000 → `120.0%`.
 */
export function attainmentText(bp: number): string {
  const tenths = Math.floor(bp / 10);
  return `${Math.floor(tenths / 10)}.${tenths % 10}%`;
}

/** The progress bar's filled share, 0–100 (attainment beyond the target fills the bar). */
export function progressPercent(bp: number | undefined): number {
  if (bp === undefined || bp <= 0) return 0;
  return Math.min(100, bp / 100);
}

export interface KpiView {
  metric: KpiMetric;
  label: string;
  actual: string;
  /** `目标 ¥50,000.00` or `未设目标`. */
  target: string;
  hasTarget: boolean;
  attainment?: string;
  percent: number;
  reached: boolean;
}

export function kpiView(row: KpiRow): KpiView {
  const hasTarget = row.target !== undefined;
  return {
    metric: row.metric,
    label: row.label,
    actual: kpiValueText(row.metric, row.actual),
    target: hasTarget ? `目标 ${kpiValueText(row.metric, row.target as number)}` : '未设目标',
    hasTarget,
    ...(row.attainmentBp !== undefined ? { attainment: attainmentText(row.attainmentBp) } : {}),
    percent: progressPercent(row.attainmentBp),
    reached: row.attainmentBp !== undefined && row.attainmentBp >= 10_000,
  };
}

/** `2026-11` → `2026年11月`; the current month is named. */
export function monthTitle(month: string, current: string): string {
  return month === current ? `${formatMonth(month)}（本月）` : formatMonth(month);
}

/** The switcher: previous always; next only up to the current month. */
export function monthNav(month: string, current: string): { prev: string; next?: string } {
  const next = addMonthsToMonth(month, 1);
  return { prev: addMonthsToMonth(month, -1), ...(next <= current ? { next } : {}) };
}

/** 应完成 / 按时完成 / 逾期, and the on-time share of what was due (when anything was). */
export function followUpView(f: MyFigures['followUps']): {
  due: string;
  onTime: string;
  overdue: string;
  rate?: string;
} {
  return {
    due: `${f.due} 条`,
    onTime: `${f.onTime} 条`,
    overdue: `${f.overdue} 条`,
    ...(f.due > 0 ? { rate: `按时完成率 ${attainmentText(Math.floor((f.onTime * 10_000) / f.due))}` } : {}),
  };
}
