/** 简约: white paper, the clinic in brand colour, the gift set large, the code in a soft panel. */
import { avatarOp, BRAND, BRAND_DARK, BRAND_SOFT, INK, INK_SOFT, POSTER_WIDTH, shifted, textBlock } from '../layout';
import type { Measure, PosterContent, PosterLayout, PosterOp } from '../types';
import { codeBeside } from './code-beside';

export const SIMPLE_HEADLINE: readonly string[] = ['送您', '一份', '好友专享', '礼遇'];
export const SIMPLE_RECOMMENDS: readonly string[] = ['诚意推荐', '给您'];

export function simpleLayout(content: PosterContent, measure: Measure): PosterLayout {
  const W = POSTER_WIDTH;
  const pad = 56;
  const col = { x: pad, width: W - pad * 2 };
  const ops: PosterOp[] = [];
  ops.push({ kind: 'rect', x: 0, y: 0, w: W, h: 0, fill: '#ffffff' }); // height set at the end
  ops.push({ kind: 'circle', cx: W - 30, cy: 20, r: 170, fill: BRAND_SOFT });
  ops.push({ kind: 'circle', cx: W - 6, cy: 214, r: 46, fill: '#f6d3de' });
  ops.push({ kind: 'rect', x: pad, y: 52, w: 40, h: 6, fill: BRAND, radius: 3 });

  const brandCol = { x: pad, width: 330 };
  let y = textBlock(
    ops,
    measure,
    content.clinicName,
    { size: 28, bold: true, color: BRAND_DARK, maxLines: 1 },
    brandCol,
    76,
  );
  y = textBlock(ops, measure, content.tagline, { size: 20, color: INK_SOFT, maxLines: 1 }, brandCol, y + 2);

  // The referrer: photo (or initial) with the name.
  const r = 42;
  const cy = y + 44 + r;
  ops.push(avatarOp(content.referrer, pad + r, cy, r, { fill: BRAND, color: '#ffffff' }));
  const nameCol = { x: pad + r * 2 + 22, width: W - pad - (pad + r * 2 + 22) };
  textBlock(ops, measure, [content.referrer.name], { size: 30, bold: true, color: INK, maxLines: 1 }, nameCol, cy - 42);
  textBlock(ops, measure, SIMPLE_RECOMMENDS, { size: 22, color: INK_SOFT, maxLines: 1 }, nameCol, cy + 4);
  y = cy + r + 44;

  y = textBlock(
    ops,
    measure,
    SIMPLE_HEADLINE,
    { size: 46, bold: true, color: INK, lineHeight: 62, maxLines: 2 },
    col,
    y,
  );
  ops.push({ kind: 'rect', x: pad, y: y + 14, w: 56, h: 6, fill: BRAND, radius: 3 });
  y += 44;

  for (const gift of content.gifts) {
    y = textBlock(
      ops,
      measure,
      gift.title,
      { size: 38, bold: true, color: BRAND, lineHeight: 52, maxLines: 2 },
      col,
      y,
    );
    if (gift.description.trim() !== '') {
      y = textBlock(
        ops,
        measure,
        gift.description,
        { size: 24, color: INK_SOFT, lineHeight: 36, maxLines: 3 },
        col,
        y + 4,
      );
    }
    y += 26;
  }

  // The code panel: the square code on the left, how to open it on the right.
  const panelTop = y + 10;
  const inset = 24;
  const qr = 180;
  const textCol = { x: pad + inset + qr + 26, width: W - pad - inset - (pad + inset + qr + 26) };
  const { ops: panel, height: ty } = codeBeside(measure, content, textCol, {
    caption: 26,
    hint: 22,
    label: 20,
    code: 30,
    labelGap: 16,
  });
  const panelHeight = Math.max(qr + inset * 2, ty + inset * 2);
  ops.push({ kind: 'rect', x: pad, y: panelTop, w: W - pad * 2, h: panelHeight, fill: '#fbf3f6', radius: 24 });
  ops.push({
    kind: 'rect',
    x: pad + inset,
    y: panelTop + (panelHeight - qr) / 2,
    w: qr,
    h: qr,
    fill: '#ffffff',
    radius: 12,
  });
  ops.push({ kind: 'qr', x: pad + inset + 8, y: panelTop + (panelHeight - qr) / 2 + 8, size: qr - 16 });
  ops.push(...shifted(panel, panelTop + (panelHeight - ty) / 2));

  const height = panelTop + panelHeight + pad;
  ops[0] = { kind: 'rect', x: 0, y: 0, w: W, h: height, fill: '#ffffff' };
  return { template: 'simple', width: W, height, ops };
}
