import { useCallback } from 'react';
import { Axis, Chart, Interval, Legend, Line, Point } from '@antv/f2';
import { CHART_COLORS } from '../../utils/colors';
import { trendAxisLabel, visibleWeekLabels, type TrendSpec } from '../../utils/trend-chart';
import { el } from './element';
import { F2Canvas, type ChartSize } from './F2Canvas';

/** 近8周趋势: lines for 建档 / 到院 / 成交, grouped bars for 总业绩 / 老带新业绩 (utils/trend-chart). */
export function TrendChart({ spec, summary, testId }: { spec: TrendSpec; summary: string; testId?: string }) {
  const draw = useCallback(
    ({ width }: ChartSize) => {
      const color = { field: 'series', range: spec.series.map((s) => s.color) };
      const geometry =
        spec.kind === 'line'
          ? [
              el(Line, { x: 'week', y: 'value', color, lineWidth: '4px' }),
              el(Point, { x: 'week', y: 'value', color, size: '6px' }),
            ]
          : [el(Interval, { x: 'week', y: 'value', color, adjust: { type: 'dodge', marginRatio: 0.05 } })];
      const top = spec.ticks[spec.ticks.length - 1];
      return el(
        Chart,
        {
          data: spec.points,
          scale: {
            // The value axis' labels take about 36 px of the width.
            week: { type: 'cat', values: spec.weeks, ticks: visibleWeekLabels(spec.weeks, width - 36) },
            series: { type: 'cat', values: spec.series.map((s) => s.name) },
            value: { type: 'linear', min: 0, max: top, ticks: spec.ticks },
          },
        },
        el(Legend, {
          position: 'top',
          // Each item as wide as its own name: in the default uniform layout 总业绩 and 老带新业绩 overlapped at 320 px.
          layoutMode: 'adaptive',
          itemStyle: { paddingRight: '24px' },
          nameStyle: { fontSize: '22px', fill: CHART_COLORS.inkSoft },
          style: { justifyContent: 'center' },
        }),
        el(Axis, { field: 'week', style: { label: { fontSize: '20px', fill: CHART_COLORS.inkSoft } } }),
        el(Axis, {
          field: 'value',
          formatter: (v: number) => trendAxisLabel(spec.mode, v),
          style: { label: { fontSize: '20px', fill: CHART_COLORS.inkSoft } },
        }),
        ...geometry,
      );
    },
    [spec],
  );
  return <F2Canvas height={220} draw={draw} summary={summary} testId={testId} />;
}
