import { useCallback } from 'react';
import { Chart, Interval } from '@antv/f2';
import { CHART_COLORS, CHART_FONT_FAMILY } from '../../utils/colors';
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
            // Transposed, the first category sits at the bottom: run the range downwards so 建档 is on top.
            label: { type: 'cat', range: [1, 0], values: spec.data.map((d) => d.label) },
          },
          // Each label sits at its layer's upper edge; the bottom padding keeps the last one whole.
          style: { padding: [10, LABEL_ROOM, 14, 0] },
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
            label: (record: { text: string }) => ({
              text: record.text,
              fill: CHART_COLORS.ink,
              fontSize: '24px',
              fontFamily: CHART_FONT_FAMILY,
            }),
          },
        }),
      ),
    [spec],
  );
  return <F2Canvas height={spec.data.length * 40 + 24} draw={draw} summary={summary} testId={testId} />;
}
