/**
 * Value-axis ticks from 0: a step of 1, 2 or 5 × 10ⁿ so that about `count` steps cover the largest
 * value; whole numbers only (people and deals are never fractional, yuan are shown whole).
 */
export function axisTicks(max: number, count = 4): number[] {
  const top = Math.max(1, Math.ceil(max));
  const rough = top / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude);
  const steps = Math.ceil(top / step);
  return Array.from({ length: steps + 1 }, (_, i) => i * step);
}
