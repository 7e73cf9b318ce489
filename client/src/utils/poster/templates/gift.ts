/** 礼遇: a gift voucher on the brand's rose — the referrer's photo on its edge, a tear line above the code. */
import { CODE_LABEL, QR_HINT, qrCaption } from '../copy';
import { avatarOp, BRAND, BRAND_DARK, INK, INK_SOFT, POSTER_WIDTH, textBlock } from '../layout';
import type { Measure, PosterContent, PosterLayout, PosterOp } from '../types';

export const GIFT_HEADLINE: readonly string[] = ['送您', '一份', '好友礼遇'];
export const GIFT_RECOMMENDS: readonly string[] = ['诚意推荐'];
export const GIFT_LABEL = '好友专享';
const GOLD = '#c9a063';

export function giftLayout(content: PosterContent, measure: Measure): PosterLayout {
  const W = POSTER_WIDTH;
  const margin = 40;
  const card = { x: margin, w: W - margin * 2 };
  const inner = { x: card.x + 44, width: card.w - 88 };
  const ops: PosterOp[] = [];
  ops.push({ kind: 'rect', x: 0, y: 0, w: W, h: 0, fill: BRAND });
  ops.push({ kind: 'circle', cx: -40, cy: 150, r: 190, fill: 'rgba(255,255,255,0.07)' });
  ops.push({ kind: 'circle', cx: W + 30, cy: 470, r: 230, fill: 'rgba(255,255,255,0.06)' });
  ops.push({ kind: 'ring', cx: W - 78, cy: 82, r: 40, color: 'rgba(243,217,164,0.55)', width: 2 });
  ops.push({ kind: 'ring', cx: 70, cy: 64, r: 14, color: 'rgba(243,217,164,0.55)', width: 2 });

  const head = { x: 90, width: W - 180 };
  let y = textBlock(
    ops,
    measure,
    content.clinicName,
    { size: 32, bold: true, family: 'serif', color: '#ffffff', align: 'center', maxLines: 1 },
    head,
    50,
  );
  y = textBlock(
    ops,
    measure,
    content.tagline,
    { size: 21, color: '#fbe2ea', align: 'center', maxLines: 1 },
    head,
    y + 4,
  );

  const cardTop = y + 86;
  const r = 50;
  const body: PosterOp[] = [];
  body.push({ kind: 'circle', cx: W / 2, cy: cardTop, r: r + 8, fill: '#ffffff' });
  body.push(avatarOp(content.referrer, W / 2, cardTop, r, { fill: BRAND, color: '#ffffff' }));
  y = cardTop + r + 22;
  y = textBlock(
    body,
    measure,
    [content.referrer.name],
    { size: 28, bold: true, color: INK, align: 'center', maxLines: 1 },
    inner,
    y,
  );
  y = textBlock(body, measure, GIFT_RECOMMENDS, { size: 20, color: INK_SOFT, align: 'center', maxLines: 1 }, inner, y);
  y = textBlock(
    body,
    measure,
    GIFT_HEADLINE,
    { size: 42, bold: true, family: 'serif', color: BRAND_DARK, align: 'center', lineHeight: 58, maxLines: 2 },
    inner,
    y + 18,
  );

  // — 好友专享 — in gold, then the gifts.
  const labelY = y + 34;
  const labelHalf = 60;
  body.push({
    kind: 'line',
    x1: W / 2 - labelHalf - 70,
    y1: labelY,
    x2: W / 2 - labelHalf - 14,
    y2: labelY,
    color: GOLD,
    width: 2,
  });
  body.push({
    kind: 'line',
    x1: W / 2 + labelHalf + 14,
    y1: labelY,
    x2: W / 2 + labelHalf + 70,
    y2: labelY,
    color: GOLD,
    width: 2,
  });
  textBlock(
    body,
    measure,
    GIFT_LABEL,
    { size: 22, bold: true, color: GOLD, align: 'center', spacing: 4, maxLines: 1 },
    inner,
    labelY - 16,
  );
  y = labelY + 34;
  for (const gift of content.gifts) {
    y = textBlock(
      body,
      measure,
      gift.title,
      { size: 40, bold: true, color: BRAND, align: 'center', lineHeight: 54, maxLines: 2 },
      inner,
      y,
    );
    if (gift.description.trim() !== '') {
      y = textBlock(
        body,
        measure,
        gift.description,
        { size: 23, color: INK_SOFT, align: 'center', lineHeight: 34, maxLines: 3 },
        inner,
        y + 2,
      );
    }
    y += 22;
  }

  // The tear line with its two notches, then the code.
  const tear = y + 18;
  body.push({
    kind: 'line',
    x1: card.x + 36,
    y1: tear,
    x2: card.x + card.w - 36,
    y2: tear,
    color: '#ead6dd',
    width: 2,
    dash: 8,
  });
  body.push({ kind: 'circle', cx: card.x, cy: tear, r: 18, fill: BRAND });
  body.push({ kind: 'circle', cx: card.x + card.w, cy: tear, r: 18, fill: BRAND });
  const qr = 200;
  y = tear + 40;
  body.push({ kind: 'qr', x: (W - qr) / 2, y, size: qr });
  y += qr + 18;
  y = textBlock(
    body,
    measure,
    qrCaption(content.qrKind),
    { size: 24, bold: true, color: INK, align: 'center', maxLines: 1 },
    inner,
    y,
  );
  y = textBlock(body, measure, QR_HINT, { size: 21, color: INK_SOFT, align: 'center', maxLines: 1 }, inner, y);
  y = textBlock(
    body,
    measure,
    `${CODE_LABEL} ${content.code}`,
    { size: 24, bold: true, family: 'mono', color: BRAND_DARK, align: 'center', spacing: 2, maxLines: 1 },
    inner,
    y + 10,
  );
  const cardBottom = y + 36;

  ops.push({ kind: 'rect', x: card.x, y: cardTop, w: card.w, h: cardBottom - cardTop, fill: '#ffffff', radius: 28 });
  ops.push(...body);
  const height = cardBottom + 56;
  ops[0] = { kind: 'rect', x: 0, y: 0, w: W, h: height, fill: BRAND };
  return { template: 'gift', width: W, height, ops };
}
