/** 花漾: a soft pink bloom — flowers in the corners, the referrer at the centre, one white card for gift and code. */
import {
  avatarOp,
  BRAND,
  BRAND_DARK,
  BRAND_SOFT,
  flowerOps,
  INK,
  INK_SOFT,
  lineCount,
  POSTER_WIDTH,
  shifted,
  textBlock,
} from '../layout';
import type { Measure, PosterContent, PosterLayout, PosterOp } from '../types';
import { codeBeside } from './code-beside';

export const BLOSSOM_BADGE = '好友同享';
export const blossomHeadline = (name: string): readonly string[] => [
  '和',
  ' ',
  name,
  ' ',
  '一起',
  '，',
  '美丽',
  '加倍',
];
/** With a name too long for the headline, the name gets its own line above this. */
export const BLOSSOM_HEADLINE_AFTER_NAME: readonly string[] = ['邀您', '一起', '，', '美丽', '加倍'];
export const BLOSSOM_GIFT_LABEL = '您的见面礼';

export function blossomLayout(content: PosterContent, measure: Measure): PosterLayout {
  const W = POSTER_WIDTH;
  const pad = 48;
  const ops: PosterOp[] = [];
  const background = (h: number): PosterOp => ({
    kind: 'rect',
    x: 0,
    y: 0,
    w: W,
    h,
    fill: {
      from: [0, 0],
      to: [0, h],
      stops: [
        [0, '#fbdde7'],
        [0.45, '#fdf0f4'],
        [1, '#fff8fa'],
      ],
    },
  });
  ops.push(background(0));
  ops.push(...flowerOps(58, 70, 22, 'rgba(194,69,107,0.16)', 'rgba(255,255,255,0.9)'));
  ops.push(...flowerOps(548, 150, 15, 'rgba(194,69,107,0.13)', 'rgba(255,255,255,0.9)'));
  ops.push(...flowerOps(110, 196, 9, 'rgba(194,69,107,0.12)', 'rgba(255,255,255,0.9)'));

  // The badge.
  const badgeW = 168;
  ops.push({ kind: 'rect', x: (W - badgeW) / 2, y: 48, w: badgeW, h: 44, fill: BRAND, radius: 22 });
  textBlock(
    ops,
    measure,
    BLOSSOM_BADGE,
    { size: 22, bold: true, color: '#ffffff', align: 'center', spacing: 4, maxLines: 1 },
    { x: 0, width: W },
    54,
  );

  // The referrer at the centre, ringed.
  const r = 58;
  const cy = 140 + r;
  ops.push({ kind: 'circle', cx: W / 2, cy, r: r + 10, fill: '#ffffff' });
  ops.push({ kind: 'ring', cx: W / 2, cy, r: r + 10, color: '#f2bccd', width: 3 });
  ops.push(avatarOp(content.referrer, W / 2, cy, r, { fill: BRAND, color: '#ffffff' }));
  let y = cy + r + 34;
  const headCol = { x: pad, width: W - pad * 2 };
  const headStyle = { size: 44, bold: true, color: BRAND_DARK, align: 'center' as const, lineHeight: 60, maxLines: 2 };
  const headline = blossomHeadline(content.referrer.name);
  if (lineCount(measure, headline, headStyle, headCol.width) <= 2) {
    y = textBlock(ops, measure, headline, headStyle, headCol, y);
  } else {
    y = textBlock(
      ops,
      measure,
      [content.referrer.name],
      { size: 32, bold: true, color: INK, align: 'center', maxLines: 1 },
      headCol,
      y,
    );
    y = textBlock(ops, measure, BLOSSOM_HEADLINE_AFTER_NAME, headStyle, headCol, y + 4);
  }
  y = textBlock(
    ops,
    measure,
    [content.clinicName, ' · ', content.tagline],
    { size: 22, color: INK_SOFT, align: 'center', lineHeight: 32, maxLines: 2 },
    { x: pad, width: W - pad * 2 },
    y + 6,
  );

  // One white card: the gifts, a hairline, then the code with how to open it.
  const card = { x: pad, w: W - pad * 2 };
  const inner = { x: card.x + 36, width: card.w - 72 };
  const cardTop = y + 30;
  const body: PosterOp[] = [];
  let by = 30;
  by = textBlock(body, measure, BLOSSOM_GIFT_LABEL, { size: 22, bold: true, color: BRAND, maxLines: 1 }, inner, by);
  for (const gift of content.gifts) {
    by = textBlock(
      body,
      measure,
      gift.title,
      { size: 34, bold: true, color: INK, lineHeight: 48, maxLines: 2 },
      inner,
      by + 6,
    );
    if (gift.description.trim() !== '') {
      by = textBlock(
        body,
        measure,
        gift.description,
        { size: 23, color: INK_SOFT, lineHeight: 34, maxLines: 3 },
        inner,
        by + 2,
      );
    }
    by += 14;
  }
  by += 14;
  body.push({ kind: 'line', x1: inner.x, y1: by, x2: inner.x + inner.width, y2: by, color: '#f3dbe3', width: 2 });
  const qr = 168;
  const qrTop = by + 26;
  body.push({ kind: 'rect', x: inner.x, y: qrTop, w: qr, h: qr, fill: BRAND_SOFT, radius: 16 });
  body.push({ kind: 'qr', x: inner.x + 8, y: qrTop + 8, size: qr - 16 });
  const textCol = { x: inner.x + qr + 24, width: inner.width - qr - 24 };
  const { ops: side, height: sy } = codeBeside(measure, content, textCol, {
    caption: 25,
    hint: 21,
    label: 19,
    code: 28,
    labelGap: 12,
  });
  const rowHeight = Math.max(qr, sy);
  body.push(...shifted(side, qrTop + (rowHeight - sy) / 2));
  const cardHeight = qrTop + rowHeight + 30;

  ops.push({ kind: 'rect', x: card.x, y: cardTop, w: card.w, h: cardHeight, fill: '#ffffff', radius: 28 });
  ops.push(...shifted(body, cardTop));
  ops.push(...flowerOps(card.x + card.w - 18, cardTop + 14, 12, 'rgba(194,69,107,0.22)', '#ffffff'));
  const height = cardTop + cardHeight + 52;
  ops[0] = background(height);
  return { template: 'blossom', width: W, height, ops };
}
