/**
 * Money is integer fen (分). Rates are integer basis points (1% = 100 bp).
 * Rounding rule: a share of an amount is rounded DOWN to the whole fen (floor). The clinic never
 * credits more than the policy says, and the result is the same on every platform.
 */
export const BP_PER_WHOLE = 10_000;

export function assertFen(amount: number, what = '金额'): number {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`${what}必须是非负整数（分）：${amount}`);
  return amount;
}

/** floor(amount × bp / 10000), exactly, for any safe-integer amount. */
export function shareOfFen(amountFen: number, bp: number): number {
  assertFen(amountFen);
  if (!Number.isInteger(bp) || bp < 0 || bp > BP_PER_WHOLE)
    throw new RangeError(`比例必须是 0–10000 的整数基点：${bp}`);
  // BigInt keeps the product exact beyond 2^53 (amounts up to ~9e11 yuan).
  return Number((BigInt(amountFen) * BigInt(bp)) / BigInt(BP_PER_WHOLE));
}

/** part / whole in basis points, rounded down; 0 when the whole is 0. */
export function ratioBp(part: number, whole: number): number {
  if (whole <= 0) return 0;
  const scaled = part * BP_PER_WHOLE;
  // A chain's yearly revenue in fen × 10000 can pass 2^53: stay exact with BigInt then.
  if (Number.isSafeInteger(scaled)) return Math.floor(scaled / whole);
  return Number((BigInt(part) * BigInt(BP_PER_WHOLE)) / BigInt(whole));
}

/** `¥1,234.56` for display; computed from integers, never via floats. */
export function formatFen(amountFen: number): string {
  const sign = amountFen < 0 ? '-' : '';
  const abs = Math.abs(amountFen);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fen = (abs % 100).toString().padStart(2, '0');
  return `${sign}¥${yuan}.${fen}`;
}

/** Basis points as a percentage string, `1234` → `12.34%`. */
export function formatBp(bp: number): string {
  return `${Math.floor(bp / 100)}.${(bp % 100).toString().padStart(2, '0')}%`;
}
