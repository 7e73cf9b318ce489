/**
 * 老带新业绩占比 against its target (§4: 10 % by default) as words and as a half-ring gauge: the arc runs
 * from 0 to twice the target (further when the share is higher), so the target sits at the top.
 */
import { formatFen } from '@clinic/shared';
import type { DashboardView } from '../../../services/reports';
import { CHART_COLORS } from './colors';
import { percentText, pointsText } from './values';

export type ReferralShare = DashboardView['referralShare'];

export interface ShareView {
  share: string;
  target: string;
  met: boolean;
  /** `已达标` / `未达标`. */
  status: string;
  /** `距目标还差 1.5 个百分点` / `高出目标 0.4 个百分点` / `恰好达到目标`. */
  gap: string;
  referralRevenue: string;
  totalRevenue: string;
  /** No revenue at all this month: a share of nothing says little. */
  noRevenue: boolean;
}

/** Whether the target is met is the server's answer (`meetsTarget`), not recomputed here. */
export function shareView(share: ReferralShare): ShareView {
  const diff = share.shareBp - share.targetBp;
  return {
    share: percentText(share.shareBp),
    target: percentText(share.targetBp),
    met: share.meetsTarget,
    status: share.meetsTarget ? '已达标' : '未达标',
    gap:
      diff === 0
        ? '恰好达到目标'
        : diff > 0
          ? `高出目标 ${pointsText(diff)} 个百分点`
          : `距目标还差 ${pointsText(-diff)} 个百分点`,
    referralRevenue: formatFen(share.referralRevenueFen),
    totalRevenue: formatFen(share.totalRevenueFen),
    noRevenue: share.totalRevenueFen === 0,
  };
}

export interface GaugeSpec {
  /** The share at the arc's end, in basis points. */
  scaleMaxBp: number;
  /** How far along the arc the share reaches, 0–1. */
  value: number;
  /** Where the target mark sits on the arc, 0–1. */
  target: number;
  color: string;
}

/** Twice the target, or the share rounded up to the next 5 % when it is beyond that. */
export function gaugeSpec(share: ReferralShare): GaugeSpec {
  const base = Math.max(2 * share.targetBp, 1000);
  const scaleMaxBp = share.shareBp > base ? Math.ceil(share.shareBp / 500) * 500 : base;
  return {
    scaleMaxBp,
    value: share.shareBp / scaleMaxBp,
    target: share.targetBp / scaleMaxBp,
    color: share.meetsTarget ? CHART_COLORS.success : CHART_COLORS.brand,
  };
}

export interface GaugeGeometry {
  cx: number;
  cy: number;
  r: number;
  lineWidth: number;
  /** Degrees, clockwise from three o'clock: the half ring runs from 180 (left) to 360 (right). */
  startAngle: number;
  endAngle: number;
  valueAngle: number;
  /** The target mark across the ring. */
  mark: { x1: number; y1: number; x2: number; y2: number };
  /** Where the mark's label sits (its text's bottom), just outside the ring. */
  markLabel: { x: number; y: number; align: 'start' | 'center' | 'end' };
}

const at = (cx: number, cy: number, r: number, deg: number) => ({
  x: cx + r * Math.cos((deg * Math.PI) / 180),
  y: cy + r * Math.sin((deg * Math.PI) / 180),
});

/** The half ring in a `width` × `height` box (CSS px), centred at the bottom, with room for the mark's label. */
export function gaugeGeometry(width: number, height: number, spec: GaugeSpec): GaugeGeometry {
  const lineWidth = Math.max(10, Math.round(Math.min(width, height) / 10));
  // Above and beside the ring: the mark's label, its text bottom 5 px off the ring (an 11 px font).
  const labelRoom = 20;
  const r = Math.max(10, Math.min(width / 2 - labelRoom - lineWidth / 2, height - labelRoom - lineWidth - 2));
  const cx = width / 2;
  // The ring's round ends reach half a line below its centre.
  const cy = height - lineWidth / 2 - 2;
  const startAngle = 180;
  const endAngle = 360;
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  const markAngle = startAngle + 180 * clamp(spec.target);
  const inner = at(cx, cy, r - lineWidth / 2 - 3, markAngle);
  const outer = at(cx, cy, r + lineWidth / 2 + 3, markAngle);
  const label = at(cx, cy, r + lineWidth / 2 + 5, markAngle);
  const align = label.x < cx - 4 ? 'end' : label.x > cx + 4 ? 'start' : 'center';
  return {
    cx,
    cy,
    r,
    lineWidth,
    startAngle,
    endAngle,
    valueAngle: startAngle + 180 * clamp(spec.value),
    mark: { x1: inner.x, y1: inner.y, x2: outer.x, y2: outer.y },
    markLabel: { x: label.x, y: label.y, align },
  };
}
