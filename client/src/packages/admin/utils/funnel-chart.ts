/**
 * 转化漏斗 (建档 → 预约 → 到院 → 成交) as a chart spec and as the lines under it: each step's count
 * and its rate against the step before, as the server computed them.
 */
import type { DashboardView } from '../../../services/reports';
import { CHART_COLORS } from './colors';
import { percentText } from './values';

export type FunnelRow = DashboardView['funnel'][number];

export interface FunnelStepView {
  step: FunnelRow['step'];
  label: string;
  count: number;
  /** `转化 66.6%` against the step before; absent for the first step or after an empty one. */
  rate?: string;
}

export interface FunnelSpec {
  steps: FunnelStepView[];
  /** One record a step for the chart; `text` is drawn beside its layer. */
  data: { label: string; count: number; text: string }[];
  /** From the widest layer to the narrowest. */
  colors: string[];
  /** No step has anyone in it this month. */
  empty: boolean;
}

const LAYER_COLORS = [CHART_COLORS.brandDark, CHART_COLORS.brand, '#d9799a', CHART_COLORS.brandSoft];

export function funnelSpec(funnel: readonly FunnelRow[]): FunnelSpec {
  const steps = funnel.map((row) => ({
    step: row.step,
    label: row.label,
    count: row.count,
    ...(row.rateBp !== undefined ? { rate: `转化 ${percentText(row.rateBp)}` } : {}),
  }));
  return {
    steps,
    data: steps.map((s) => ({ label: s.label, count: s.count, text: `${s.label} ${s.count}` })),
    colors: steps.map((_, i) => LAYER_COLORS[Math.min(i, LAYER_COLORS.length - 1)]),
    empty: steps.every((s) => s.count === 0),
  };
}
