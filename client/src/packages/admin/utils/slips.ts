/** 今日偏差: the people furthest behind their month's plan to date, in the order the server ranked them (worst first). */
import type { DashboardView } from '../../../services/reports';
import { metricValueText } from './values';

export type Slip = DashboardView['slips'][number];

export interface SlipView {
  key: string;
  name: string;
  post: string;
  metric: string;
  /** `应完成 6 人`. */
  due: string;
  /** `实际 2 人`. */
  actual: string;
  /** `落后 4 人` (or `领先 …` should the server ever list one ahead). */
  deviation: string;
  behind: boolean;
}

export function slipView(slip: Slip): SlipView {
  const behind = slip.deviation < 0;
  return {
    key: `${slip.staffId}-${slip.metric}`,
    name: slip.name,
    post: slip.postLabel,
    metric: slip.label,
    due: `应完成 ${metricValueText(slip.metric, slip.cumulativeTarget)}`,
    actual: `实际 ${metricValueText(slip.metric, slip.cumulativeActual)}`,
    deviation: `${behind ? '落后' : '领先'} ${metricValueText(slip.metric, Math.abs(slip.deviation))}`,
    behind,
  };
}
