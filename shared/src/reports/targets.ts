import { addDays, daysInMonth, type LocalDate } from '../time/shanghai';

/**
 * Daily deviation (§9): a monthly target broken down by day. Integer split: every day gets
 * floor(value / days) and the remainder goes one each to the first days, so the days add up to the
 * month exactly. Closed days (if given) get nothing.
 */
export function breakDownMonthly(
  value: number,
  month: string,
  closedDates: readonly LocalDate[] = [],
): Map<LocalDate, number> {
  const all = Array.from({ length: daysInMonth(month) }, (_, i) => addDays(`${month}-01`, i));
  const open = all.filter((d) => !closedDates.includes(d));
  const out = new Map<LocalDate, number>(all.map((d) => [d, 0]));
  if (open.length === 0) return out;
  const base = Math.floor(value / open.length);
  const rest = value - base * open.length;
  open.forEach((d, i) => out.set(d, base + (i < rest ? 1 : 0)));
  return out;
}
