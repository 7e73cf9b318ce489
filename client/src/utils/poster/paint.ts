/** Paints a poster layout on any 2D context: the browser's canvas, weapp's Canvas 2d node, or a test fake. */
import type { Ctx2d } from '../qr';
import type { Fill, PosterLayout, PosterOp } from './types';

/** What the painter needs beyond the QR drawing's context (both real canvases have it all). */
export interface PosterCtx extends Ctx2d {
  strokeStyle: unknown;
  lineWidth: number;
  arc(x: number, y: number, r: number, start: number, end: number): void;
  lineTo(x: number, y: number): void;
  stroke(): void;
  save(): void;
  restore(): void;
  clip(): void;
  setLineDash?(segments: number[]): void;
  createLinearGradient(
    x0: number,
    y0: number,
    x1: number,
    y1: number,
  ): { addColorStop(at: number, color: string): void };
  drawImage(image: never, x: number, y: number, w: number, h: number): void;
  drawImage(
    image: never,
    sx: number,
    sy: number,
    sw: number,
    sh: number,
    x: number,
    y: number,
    w: number,
    h: number,
  ): void;
}

/** The loaded pictures (null/absent: not given or failed to load). */
export interface PosterImages {
  qr?: unknown;
  avatar?: unknown;
}

function fillOf(ctx: PosterCtx, fill: Fill): unknown {
  if (typeof fill === 'string') return fill;
  const g = ctx.createLinearGradient(fill.from[0], fill.from[1], fill.to[0], fill.to[1]);
  for (const [at, color] of fill.stops) g.addColorStop(at, color);
  return g;
}

function roundRectPath(ctx: PosterCtx, x: number, y: number, w: number, h: number, r: number): void {
  const rr = Math.min(r, w / 2, h / 2);
  ctx.beginPath();
  ctx.moveTo(x + rr, y);
  ctx.arcTo(x + w, y, x + w, y + h, rr);
  ctx.arcTo(x + w, y + h, x, y + h, rr);
  ctx.arcTo(x, y + h, x, y, rr);
  ctx.arcTo(x, y, x + w, y, rr);
  ctx.closePath();
}

function circlePath(ctx: PosterCtx, cx: number, cy: number, r: number): void {
  ctx.beginPath();
  ctx.arc(cx, cy, r, 0, Math.PI * 2);
  ctx.closePath();
}

function drawText(ctx: PosterCtx, op: Extract<PosterOp, { kind: 'text' }>): void {
  ctx.fillStyle = op.color;
  ctx.font = op.font;
  ctx.textBaseline = 'middle';
  if (!op.spacing) {
    ctx.textAlign = op.align;
    ctx.fillText(op.text, op.x, op.y);
    return;
  }
  const chars = Array.from(op.text);
  const widths = chars.map((ch) => ctx.measureText(ch).width);
  const total = widths.reduce((a, b) => a + b, 0) + op.spacing * (chars.length - 1);
  let x = op.align === 'left' ? op.x : op.align === 'center' ? op.x - total / 2 : op.x - total;
  ctx.textAlign = 'left';
  chars.forEach((ch, i) => {
    ctx.fillText(ch, x, op.y);
    x += (widths[i] as number) + (op.spacing as number);
  });
}

/** Draws `image` into the circle, cropped to a centred square (a photo is rarely square). */
function drawAvatarImage(ctx: PosterCtx, image: unknown, cx: number, cy: number, r: number): void {
  const img = image as { naturalWidth?: number; naturalHeight?: number; width?: number; height?: number };
  const w = img.naturalWidth || img.width || 0;
  const h = img.naturalHeight || img.height || 0;
  ctx.save();
  circlePath(ctx, cx, cy, r);
  ctx.clip();
  if (w > 0 && h > 0) {
    const side = Math.min(w, h);
    ctx.drawImage(image as never, (w - side) / 2, (h - side) / 2, side, side, cx - r, cy - r, r * 2, r * 2);
  } else {
    ctx.drawImage(image as never, cx - r, cy - r, r * 2, r * 2);
  }
  ctx.restore();
}

/**
 * Paints `layout` in order. The square code is `images.qr` when it loaded, else `drawQrFallback`
 * (a QR generated on the device); the avatar is `images.avatar`, else the op's initial on its colour.
 */
export function paintPoster(
  ctx: PosterCtx,
  layout: PosterLayout,
  images: PosterImages,
  drawQrFallback: (x: number, y: number, size: number) => void,
): void {
  for (const op of layout.ops) {
    switch (op.kind) {
      case 'rect':
        ctx.fillStyle = fillOf(ctx, op.fill);
        if (op.radius) {
          roundRectPath(ctx, op.x, op.y, op.w, op.h, op.radius);
          ctx.fill();
        } else ctx.fillRect(op.x, op.y, op.w, op.h);
        break;
      case 'circle':
        ctx.fillStyle = fillOf(ctx, op.fill);
        circlePath(ctx, op.cx, op.cy, op.r);
        ctx.fill();
        break;
      case 'ring':
        ctx.strokeStyle = op.color;
        ctx.lineWidth = op.width;
        circlePath(ctx, op.cx, op.cy, op.r);
        ctx.stroke();
        break;
      case 'line':
        ctx.strokeStyle = op.color;
        ctx.lineWidth = op.width;
        ctx.setLineDash?.(op.dash ? [op.dash, op.dash] : []);
        ctx.beginPath();
        ctx.moveTo(op.x1, op.y1);
        ctx.lineTo(op.x2, op.y2);
        ctx.stroke();
        ctx.setLineDash?.([]);
        break;
      case 'text':
        drawText(ctx, op);
        break;
      case 'qr':
        if (images.qr) ctx.drawImage(images.qr as never, op.x, op.y, op.size, op.size);
        else drawQrFallback(op.x, op.y, op.size);
        break;
      case 'avatar':
        if (images.avatar) {
          drawAvatarImage(ctx, images.avatar, op.cx, op.cy, op.r);
        } else {
          ctx.fillStyle = op.fill;
          circlePath(ctx, op.cx, op.cy, op.r);
          ctx.fill();
          ctx.fillStyle = op.color;
          ctx.font = op.font;
          ctx.textAlign = 'center';
          ctx.textBaseline = 'middle';
          ctx.fillText(op.initial, op.cx, op.cy + op.r * 0.04);
        }
        break;
    }
  }
}
