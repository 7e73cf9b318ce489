/** The layout toolkit the templates share: fonts, wrapped text blocks, the avatar (pure). */
import { breakLines, type PosterText } from './line-break';
import type { Measure, PosterContent, PosterOp } from './types';

/** Every poster is this wide (poster px); drawn at 2× for a sharp image on phones. */
export const POSTER_WIDTH = 600;

export const BRAND = '#c2456b';
export const BRAND_DARK = '#9e2f53';
export const BRAND_SOFT = '#fbe9ef';
export const INK = '#2b2326';
export const INK_SOFT = '#6f6368';

const FAMILIES = {
  sans: "'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif",
  serif: "'Songti SC', 'STSong', 'Noto Serif CJK SC', 'Source Han Serif SC', serif",
  mono: "Menlo, 'Roboto Mono', 'DejaVu Sans Mono', monospace",
} as const;

export type Family = keyof typeof FAMILIES;

export function fontOf(size: number, bold = false, family: Family = 'sans'): string {
  return `${bold ? 'bold ' : ''}${size}px ${FAMILIES[family]}`;
}

export interface TextStyle {
  size: number;
  color: string;
  bold?: boolean;
  family?: Family;
  /** Distance between line middles; 1.45 × size by default. */
  lineHeight?: number;
  align?: 'left' | 'center' | 'right';
  maxLines?: number;
  /** Extra px between characters. */
  spacing?: number;
  /** Lines of even length rather than a full first line and a short last one (centred text: on by default). */
  balance?: boolean;
}

/** Full-width opening brackets whose glyph sits in the right half of its square: pulled left at a line's start. */
const HANGING_OPENERS = new Set(Array.from('（《「『【〔〖〘'));

/** A column of the poster: its left edge and width. */
export interface Column {
  x: number;
  width: number;
}

/** Width of `text` in a style, its letter spacing included. */
export function widthIn(measure: Measure, text: string, style: TextStyle): number {
  const w = measure(text, fontOf(style.size, style.bold, style.family));
  return style.spacing ? w + style.spacing * Math.max(0, Array.from(text).length - 1) : w;
}

/**
 * Wraps `text` into `column` from `top` and adds one text op per line; returns the y below the last
 * line (top + lines × lineHeight).
 */
export function textBlock(
  ops: PosterOp[],
  measure: Measure,
  text: PosterText,
  style: TextStyle,
  column: Column,
  top: number,
): number {
  const font = fontOf(style.size, style.bold, style.family);
  const lineHeight = style.lineHeight ?? Math.round(style.size * 1.45);
  const align = style.align ?? 'left';
  const lines = balancedLines(text, style, column.width, font, measure);
  const x = align === 'left' ? column.x : align === 'center' ? column.x + column.width / 2 : column.x + column.width;
  lines.forEach((line, i) => {
    // 行首标点挤压: a left-aligned line starting with （ would look indented by half a character.
    const pull = align === 'left' && HANGING_OPENERS.has(line.charAt(0)) ? style.size * 0.5 : 0;
    ops.push({
      kind: 'text',
      text: line,
      x: x - pull,
      y: top + lineHeight / 2 + i * lineHeight,
      font,
      size: style.size,
      color: style.color,
      align,
      ...(style.spacing ? { spacing: style.spacing } : {}),
    });
  });
  return top + lines.length * lineHeight;
}

/**
 * The lines of `text` in `width`; balanced, the narrowest width that still needs as many lines (the
 * same breaking rules, only a shorter measure), so a centred block has no long line above a stub.
 */
function balancedLines(text: PosterText, style: TextStyle, width: number, font: string, measure: Measure): string[] {
  const wrap = (maxWidth: number, maxLines?: number) =>
    breakLines(text, { maxWidth, font, measure: (t) => widthIn(measure, t, style), ...(maxLines ? { maxLines } : {}) });
  const lines = wrap(width, style.maxLines);
  const balance = style.balance ?? style.align === 'center';
  if (!balance || lines.length < 2 || wrap(width).length !== lines.length) return lines;
  let lo = width / 2;
  let hi = width;
  while (hi - lo > 1) {
    const mid = (lo + hi) / 2;
    if (wrap(mid).length === lines.length) hi = mid;
    else lo = mid;
  }
  return wrap(hi);
}

/** How many lines `text` takes in `width` with no line limit (a template's choice between two wordings). */
export function lineCount(measure: Measure, text: PosterText, style: TextStyle, width: number): number {
  const font = fontOf(style.size, style.bold, style.family);
  return breakLines(text, { maxWidth: width, font, measure: (t) => widthIn(measure, t, style) }).length;
}

/** The letter drawn when there is no photo: the name's first letter or character (友 when it has none). */
export function initialOf(name: string): string {
  const ch = Array.from(name.trim()).find((c) => /[\p{L}\p{N}]/u.test(c));
  return ch ? ch.toUpperCase() : '友';
}

export function avatarOp(
  referrer: PosterContent['referrer'],
  cx: number,
  cy: number,
  r: number,
  colors: { fill: string; color: string },
): PosterOp {
  return {
    kind: 'avatar',
    cx,
    cy,
    r,
    initial: initialOf(referrer.name),
    fill: colors.fill,
    color: colors.color,
    font: fontOf(Math.round(r * 0.9), true),
  };
}

/** A flower of five round petals around a small heart (the 花漾 template's ornament). */
export function flowerOps(cx: number, cy: number, petal: number, petalFill: string, heartFill: string): PosterOp[] {
  const ops: PosterOp[] = [];
  for (let i = 0; i < 5; i++) {
    const a = -Math.PI / 2 + (i * 2 * Math.PI) / 5;
    ops.push({ kind: 'circle', cx: cx + Math.cos(a) * petal, cy: cy + Math.sin(a) * petal, r: petal, fill: petalFill });
  }
  ops.push({ kind: 'circle', cx, cy, r: petal * 0.55, fill: heartFill });
  return ops;
}

/** Moves ops laid out from y = 0 to their place (blocks centred once their height is known). */
export function shifted(ops: readonly PosterOp[], dy: number): PosterOp[] {
  return ops.map((op) => {
    switch (op.kind) {
      case 'circle':
      case 'ring':
      case 'avatar':
        return { ...op, cy: op.cy + dy };
      case 'line':
        return { ...op, y1: op.y1 + dy, y2: op.y2 + dy };
      default:
        return { ...op, y: op.y + dy };
    }
  });
}
