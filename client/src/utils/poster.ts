/**
 * The referral poster: a pure layout (what goes where, text wrapped by a measuring function) and a
 * painter for any 2D canvas context. The card page draws it on a weapp Canvas 2d node or a browser
 * canvas; tests check the layout without a canvas.
 */
import type { Ctx2d } from './qr';

export const POSTER_WIDTH = 600;

export interface PosterInput {
  clinicName: string;
  tagline: string;
  invitation: string;
  benefits: readonly { title: string; description: string }[];
  code: string;
  qrCaption: string;
}

export type PosterOp =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; color: string; radius?: number }
  | {
      kind: 'text';
      text: string;
      x: number;
      y: number;
      font: string;
      color: string;
      align: 'left' | 'center';
    }
  | { kind: 'qr'; x: number; y: number; size: number };

export interface PosterLayout {
  width: number;
  height: number;
  ops: PosterOp[];
}

type Measure = (text: string, font: string) => number;

const FONT_FAMILY = "'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";
const font = (px: number, bold = false) => `${bold ? 'bold ' : ''}${px}px ${FONT_FAMILY}`;

/** Greedy wrap by characters (Chinese text has no spaces to break at). */
export function wrapText(text: string, maxWidth: number, fontSpec: string, measure: Measure, maxLines = 4): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of Array.from(text)) {
    if (line !== '' && measure(line + ch, fontSpec) > maxWidth) {
      lines.push(line);
      line = ch;
      if (lines.length === maxLines) break;
    } else {
      line += ch;
    }
  }
  if (lines.length < maxLines && line !== '') lines.push(line);
  else if (lines.length === maxLines && line !== '') {
    const last = lines[maxLines - 1] as string;
    lines[maxLines - 1] = Array.from(last).slice(0, -1).join('') + '…';
  }
  return lines;
}

export function posterLayout(input: PosterInput, measure: Measure): PosterLayout {
  const W = POSTER_WIDTH;
  const pad = 40;
  const inner = W - pad * 2 - 48;
  const ops: PosterOp[] = [];
  const text = (t: string, x: number, y: number, px: number, color: string, align: 'left' | 'center', bold = false) =>
    ops.push({ kind: 'text', text: t, x, y, font: font(px, bold), color, align });

  ops.push({ kind: 'rect', x: 0, y: 0, w: W, h: 0, color: '#f7f3f4' }); // height patched below
  ops.push({ kind: 'rect', x: 0, y: 0, w: W, h: 260, color: '#c2456b' });
  text(input.clinicName, W / 2, 70, 40, '#ffffff', 'center', true);
  text(input.tagline, W / 2, 124, 24, '#fbe9ef', 'center');

  const cardTop = 170;
  let y = cardTop + 48;
  const body: PosterOp[] = [];
  const bodyText = (t: string, x: number, px: number, color: string, align: 'left' | 'center', bold = false) =>
    body.push({ kind: 'text', text: t, x, y, font: font(px, bold), color, align });

  for (const line of wrapText(input.invitation, inner, font(30, true), measure, 3)) {
    bodyText(line, W / 2, 30, '#2b2326', 'center', true);
    y += 44;
  }
  y += 12;
  if (input.benefits.length > 0) {
    bodyText('好友专享', pad + 24, 26, '#c2456b', 'left', true);
    y += 40;
    for (const b of input.benefits.slice(0, 3)) {
      bodyText(`· ${b.title}`, pad + 24, 26, '#2b2326', 'left', true);
      y += 36;
      for (const line of wrapText(b.description, inner, font(22), measure, 2)) {
        bodyText(line, pad + 40, 22, '#6f6368', 'left');
        y += 32;
      }
      y += 8;
    }
  }
  y += 16;
  const qrSize = 240;
  body.push({ kind: 'qr', x: (W - qrSize) / 2, y, size: qrSize });
  y += qrSize + 40;
  bodyText(input.qrCaption, W / 2, 22, '#6f6368', 'center');
  y += 38;
  bodyText(`推荐码 ${input.code}`, W / 2, 26, '#9e2f53', 'center', true);
  y += 40;

  const cardBottom = y;
  ops.push({ kind: 'rect', x: pad, y: cardTop, w: W - pad * 2, h: cardBottom - cardTop, color: '#ffffff', radius: 24 });
  ops.push(...body);
  const height = cardBottom + pad;
  ops[0] = { kind: 'rect', x: 0, y: 0, w: W, h: height, color: '#f7f3f4' };
  return { width: W, height, ops };
}

function roundRect(ctx: Ctx2d, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
  ctx.fill();
}

/** Paints the layout; `drawQr` paints the code into its square (an image, or a generated QR). */
export function paintPoster(
  ctx: Ctx2d,
  layout: PosterLayout,
  drawQrAt: (x: number, y: number, size: number) => void,
): void {
  for (const op of layout.ops) {
    if (op.kind === 'rect') {
      ctx.fillStyle = op.color;
      if (op.radius) roundRect(ctx, op.x, op.y, op.w, op.h, op.radius);
      else ctx.fillRect(op.x, op.y, op.w, op.h);
    } else if (op.kind === 'text') {
      ctx.fillStyle = op.color;
      ctx.font = op.font;
      ctx.textAlign = op.align;
      ctx.textBaseline = 'middle';
      ctx.fillText(op.text, op.x, op.y);
    } else {
      drawQrAt(op.x, op.y, op.size);
    }
  }
}
