import { WEEKDAY_LABELS } from './dates';

type Row = { weekday: number; open: string; close: string };

/**
 * Weekly hours in one line: `每天 09:30–20:00`, or `周一、周三至周日 09:30–20:00；周六、周日 10:00–18:00`.
 * Weekdays are listed Monday first.
 */
export function describeHours(rows: readonly Row[]): string {
  if (rows.length === 0) return '暂停营业';
  const byHours = new Map<string, number[]>();
  for (const r of rows) {
    const key = `${r.open}–${r.close}`;
    byHours.set(key, [...(byHours.get(key) ?? []), r.weekday]);
  }
  const order = (d: number) => (d + 6) % 7; // Monday = 0
  const parts = [...byHours.entries()].map(([hours, days]) => {
    const unique = [...new Set(days)].sort((a, b) => order(a) - order(b));
    if (unique.length === 7) return `每天 ${hours}`;
    return `${weekdayRanges(unique.map(order))} ${hours}`;
  });
  return parts.join('；');
}

/** Monday-first indexes → `周一、周三至周五`. */
function weekdayRanges(indexes: number[]): string {
  const name = (i: number) => `周${WEEKDAY_LABELS[(i + 1) % 7]}`;
  const out: string[] = [];
  let start = indexes[0] as number;
  let prev = start;
  for (const i of [...indexes.slice(1), Infinity]) {
    if (i === prev + 1) {
      prev = i;
      continue;
    }
    out.push(
      start === prev
        ? name(start)
        : prev === start + 1
          ? `${name(start)}、${name(prev)}`
          : `${name(start)}至${name(prev)}`,
    );
    start = i;
    prev = i;
  }
  return out.join('、');
}
