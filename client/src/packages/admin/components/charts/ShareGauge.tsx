import { useCallback } from 'react';
import { CHART_COLORS } from '../../utils/colors';
import { gaugeGeometry, type GaugeSpec } from '../../utils/share-gauge';
import { el } from './element';
import { F2Canvas, type ChartSize } from './F2Canvas';

/**
 * 老带新业绩占比: a half ring filled up to the share, a mark at the target, the share in its middle.
 * Drawn with F2's own shapes (arc, line, text) at the geometry utils/share-gauge computes.
 */
export function ShareGauge({
  spec,
  shareText,
  targetText,
  summary,
  testId,
}: {
  spec: GaugeSpec;
  shareText: string;
  targetText: string;
  summary: string;
  testId?: string;
}) {
  const draw = useCallback(
    ({ width, height }: ChartSize) => {
      const g = gaugeGeometry(width, height, spec);
      const ring = { cx: g.cx, cy: g.cy, r: g.r, lineWidth: g.lineWidth, lineCap: 'round' };
      return el(
        'group',
        null,
        el('arc', { style: { ...ring, startAngle: g.startAngle, endAngle: g.endAngle, stroke: CHART_COLORS.line } }),
        g.valueAngle > g.startAngle
          ? el('arc', { style: { ...ring, startAngle: g.startAngle, endAngle: g.valueAngle, stroke: spec.color } })
          : null,
        el('line', { style: { ...g.mark, stroke: CHART_COLORS.ink, lineWidth: 2, lineCap: 'round' } }),
        el('text', {
          style: {
            x: g.markLabel.x,
            y: g.markLabel.y,
            text: `目标 ${targetText}`,
            fontSize: 11,
            fill: CHART_COLORS.inkSoft,
            textAlign: g.markLabel.align,
            textBaseline: 'bottom',
          },
        }),
        el('text', {
          style: {
            x: g.cx,
            y: g.cy - 2,
            text: shareText,
            fontSize: Math.max(18, Math.round(g.r / 3)),
            fontWeight: 'bold',
            fill: spec.color,
            textAlign: 'center',
            textBaseline: 'bottom',
          },
        }),
      );
    },
    [spec, shareText, targetText],
  );
  return <F2Canvas height={130} draw={draw} summary={summary} testId={testId} />;
}
