import { useCallback } from 'react';
import { Chart, Interval } from '@antv/f2';
import { CHART_COLORS } from '../../utils/colors';
import type { FunnelSpec } from '../../utils/funnel-chart';
import { el } from './element';
import { F2Canvas } from './F2Canvas';

/** Room on the right of the funnel for each layer's `建档 120` (CSS px). */
const LABEL_ROOM = 84;

/** 转化漏斗: one layer a step, as wide as its count, its name and count beside it (utils/funnel-chart). */
export function FunnelChart({ spec, summary, testId }: { spec: FunnelSpec; summary: string; testId?: string }) {
  const draw = useCallback(
    () =>
      el(
        Chart,
        {
          data: spec.data,
          coord: { transposed: true },
          scale: {
            count: { min: 0 },
            label: { type: 'cat', range: [0, 1], values: spec.data.map((d) => d.label) },
          },
          style: { padding: [4, LABEL_ROOM, 4, 0] },
        },
        el(Interval, {
          x: 'label',
          y: 'count',
          adjust: 'symmetric',
          shape: 'funnel',
          color: { field: 'label', range: spec.colors },
          showLabel: true,
          labelCfg: {
            offsetX: 8,
            label: (record: { text: string }) => ({ text: record.text, fill: CHART_COLORS.ink, fontSize: '24px' }),
          },
        }),
      ),
    [spec],
  );
  return <F2Canvas height={spec.data.length * 40 + 8} draw={draw} summary={summary} testId={testId} />;
}
