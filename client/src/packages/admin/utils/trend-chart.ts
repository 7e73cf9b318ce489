/**
 * 近8周趋势 as a chart spec: the weeks' filings, visits and deals as lines (人数), or total and
 * referral revenue as grouped bars in whole yuan (业绩). Plain data; components/charts/TrendChart draws it.
 */
import type { DashboardView } from '../../../services/reports';
import { axisTicks } from './axis-ticks';
import { CHART_COLORS } from './colors';
import { formatFen } from '@clinic/shared';
import { compactYuan } from './values';

export type TrendWeek = DashboardView['weeklyTrend'][number];
export type TrendMode = 'counts' | 'revenue';

export const TREND_MODES: { mode: TrendMode; label: string }[] = [
  { mode: 'counts', label: '人数' },
  { mode: 'revenue', label: '业绩' },
];

type CountKey = 'filings' | 'visits' | 'deals';
type MoneyKey = 'revenueFen' | 'referralRevenueFen';

export interface TrendSeries {
  name: string;
  color: string;
}

const COUNT_SERIES: (TrendSeries & { key: CountKey })[] = [
  { key: 'filings', name: '建档', color: CHART_COLORS.brand },
  { key: 'visits', name: '到院', color: CHART_COLORS.amber },
  { key: 'deals', name: '成交', color: CHART_COLORS.success },
];

const MONEY_SERIES: (TrendSeries & { key: MoneyKey })[] = [
  { key: 'revenueFen', name: '总业绩', color: CHART_COLORS.brandSoft },
  { key: 'referralRevenueFen', name: '老带新业绩', color: CHART_COLORS.brand },
];

export interface TrendPoint {
  week: string;
  series: string;
  value: number;
}

export interface TrendSpec {
  mode: TrendMode;
  /** Lines for counts, grouped bars for money. */
  kind: 'line' | 'bar';
  /** x-axis labels, oldest week first. */
  weeks: string[];
  series: TrendSeries[];
  points: TrendPoint[];
  /** The value axis, from 0. */
  ticks: number[];
  /** Nothing happened in any of the weeks: the page shows an empty state instead of a flat chart. */
  empty: boolean;
}

/** A week by its Monday: `2026-11-02` → `11/2`. */
export function weekLabel(weekStart: string): string {
  const [, month, day] = weekStart.split('-');
  return `${Number(month)}/${Number(day)}`;
}

export function trendSpec(weeks: readonly TrendWeek[], mode: TrendMode): TrendSpec {
  const labels = weeks.map((w) => weekLabel(w.weekStart));
  const points =
    mode === 'counts'
      ? COUNT_SERIES.flatMap((s) => weeks.map((w, i) => ({ week: labels[i], series: s.name, value: w[s.key] })))
      : MONEY_SERIES.flatMap((s) =>
          weeks.map((w, i) => ({ week: labels[i], series: s.name, value: Math.floor(w[s.key] / 100) })),
        );
  const max = Math.max(0, ...points.map((p) => p.value));
  return {
    mode,
    kind: mode === 'counts' ? 'line' : 'bar',
    weeks: labels,
    series: (mode === 'counts' ? COUNT_SERIES : MONEY_SERIES).map(({ name, color }) => ({ name, color })),
    points,
    ticks: axisTicks(max),
    empty: max === 0,
  };
}

/** A value-axis label: a count as is, yuan compact (`1.2万`). */
export function trendAxisLabel(mode: TrendMode, value: number): string {
  return mode === 'counts' ? String(value) : compactYuan(value);
}

/**
 * The latest week in words under the chart (the chart alone is no place to read exact numbers): its
 * heading and a phrase per figure.
 */
export function latestWeekText(weeks: readonly TrendWeek[]): { lead: string; parts: string[] } | undefined {
  const last = weeks[weeks.length - 1];
  if (!last) return undefined;
  return {
    lead: `${weekLabel(last.weekStart)} 起一周`,
    parts: [
      `建档 ${last.filings} 人`,
      `到院 ${last.visits} 人`,
      `成交 ${last.deals} 笔`,
      `业绩 ${formatFen(last.revenueFen)}`,
      `老带新 ${formatFen(last.referralRevenueFen)}`,
    ],
  };
}

/**
 * The week labels the x axis has room for: all eight from about 44 px a week (`10/26` at 10 px), else
 * every other one counted back from the latest, which is always labelled.
 */
export function visibleWeekLabels(labels: readonly string[], plotWidth: number): string[] {
  if (labels.length === 0 || plotWidth / labels.length >= 44) return [...labels];
  const last = labels.length - 1;
  return labels.filter((_, i) => (last - i) % 2 === 0);
}
