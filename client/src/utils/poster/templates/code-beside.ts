/** The text beside a square mini-program code (简约, 花漾): how to open it, then the code itself. */
import { CODE_LABEL, QR_HINT, qrCaption } from '../copy';
import { BRAND_DARK, INK, INK_SOFT, textBlock, type Column } from '../layout';
import type { Measure, PosterContent, PosterOp } from '../types';

/** Font sizes of the four lines (line heights follow at 1.45) and the gap above the code's label. */
export interface CodeTextSizes {
  caption: number;
  hint: number;
  label: number;
  code: number;
  labelGap: number;
}

/** Ops from y = 0 in `col`, and how tall they are (the template centres them on the code). */
export function codeBeside(
  measure: Measure,
  content: PosterContent,
  col: Column,
  size: CodeTextSizes,
): { ops: PosterOp[]; height: number } {
  const ops: PosterOp[] = [];
  const lineHeight = (px: number) => Math.round(px * 1.45);
  let y = textBlock(
    ops,
    measure,
    qrCaption(content.qrKind),
    { size: size.caption, bold: true, color: INK, lineHeight: lineHeight(size.caption), maxLines: 2 },
    col,
    0,
  );
  y = textBlock(
    ops,
    measure,
    QR_HINT,
    { size: size.hint, color: INK_SOFT, lineHeight: lineHeight(size.hint), maxLines: 2, balance: true },
    col,
    y + 2,
  );
  y = textBlock(ops, measure, CODE_LABEL, { size: size.label, color: INK_SOFT, maxLines: 1 }, col, y + size.labelGap);
  y = textBlock(
    ops,
    measure,
    content.code,
    { size: size.code, bold: true, family: 'mono', color: BRAND_DARK, spacing: 3, maxLines: 1 },
    col,
    y,
  );
  return { ops, height: y };
}
