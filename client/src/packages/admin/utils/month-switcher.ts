/**
 * The month switcher: back from the server's current month, never beyond it. The same rule as the
 * staff figures' switcher, kept here because a module both subpackages import is split out and
 * loaded by every staff page (see client/README.md, 经营看板).
 */
import { addMonthsToMonth, formatMonth } from '../../../utils/dates';

/** `2026-11` → `2026年11月`; the current month is named. */
export function monthTitle(month: string, current: string): string {
  return month === current ? `${formatMonth(month)}（本月）` : formatMonth(month);
}

/** Previous always; next only up to the current month. */
export function monthNav(month: string, current: string): { prev: string; next?: string } {
  const next = addMonthsToMonth(month, 1);
  return { prev: addMonthsToMonth(month, -1), ...(next <= current ? { next } : {}) };
}
