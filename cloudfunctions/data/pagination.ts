import { AppError } from '../platform/errors';

/**
 * Opaque cursors, short enough for the contract (≤ 64 chars).
 * - time cursor: lists ordered by (time desc, _id desc) — the last item's time and how many items
 *   with exactly that time were already returned (so ties are neither repeated nor skipped);
 * - offset cursor: lists the function has to read whole anyway (a customer's reward ledger,
 *   whose balance needs every entry).
 */
export interface TimeCursor {
  atMs: number;
  skip: number;
}

const TIME_RE = /^t([0-9a-z]{1,12})\.([0-9a-z]{1,6})$/;
const OFFSET_RE = /^o([0-9a-z]{1,6})$/;

const invalid = () => new AppError('INVALID_INPUT', '分页标记无效，请刷新后重试');

export function encodeTimeCursor(c: TimeCursor): string {
  return `t${c.atMs.toString(36)}.${c.skip.toString(36)}`;
}

export function decodeTimeCursor(cursor: string | undefined): TimeCursor | undefined {
  if (cursor === undefined) return undefined;
  const m = TIME_RE.exec(cursor);
  if (!m) throw invalid();
  return { atMs: parseInt(m[1] as string, 36), skip: parseInt(m[2] as string, 36) };
}

export function encodeOffsetCursor(offset: number): string {
  return `o${offset.toString(36)}`;
}

export function decodeOffsetCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const m = OFFSET_RE.exec(cursor);
  if (!m) throw invalid();
  return parseInt(m[1] as string, 36);
}

/** The cursor after a page of items ordered by time desc (given the previous cursor). */
export function nextTimeCursor(
  items: readonly { atMs: number }[],
  previous: TimeCursor | undefined,
): TimeCursor | undefined {
  const last = items[items.length - 1];
  if (!last) return undefined;
  const ties = items.filter((i) => i.atMs === last.atMs).length;
  const carried = previous && previous.atMs === last.atMs ? previous.skip : 0;
  return { atMs: last.atMs, skip: ties + carried };
}
