/**
 * When the demo stores are open: their weekly hours, and the Spring Festival closure (New Year's
 * Eve to the 2nd day) that every store keeps. The seed places visits and deals on open days only.
 */
import { addDays, weekday, type LocalDate, type Store } from '@clinic/shared';

/** Spring Festival (农历正月初一); the stores close from New Year's Eve to the 2nd day. */
export const SPRING_FESTIVALS: readonly LocalDate[] = [
  '2024-02-10',
  '2025-01-29',
  '2026-02-17',
  '2027-02-06',
  '2028-01-26',
  '2029-02-13',
  '2030-02-03',
  '2031-01-23',
  '2032-02-11',
  '2033-01-31',
  '2034-02-19',
  '2035-02-08',
];

/** The Spring Festival closure days (New Year's Eve to the 2nd day) of the festival nearest `date`. */
export function isFestivalClosure(date: LocalDate): boolean {
  return SPRING_FESTIVALS.some((festival) => date >= addDays(festival, -1) && date <= addDays(festival, 2));
}

/** The store's opening hours on `date`, or undefined when it is closed that day. */
export function hoursOn(store: Store, date: LocalDate): { open: string; close: string } | undefined {
  if (isFestivalClosure(date) || store.closedDates.includes(date)) return undefined;
  return store.openingHours.find((h) => h.weekday === weekday(date));
}
