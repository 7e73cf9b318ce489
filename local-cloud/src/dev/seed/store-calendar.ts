/**
 * When the demo stores are open: their weekly hours, and the Spring Festival closure (New Year's
 * Eve to the 2nd day) that every store keeps. The seed places visits and deals on open days only.
 */
import { addDays, dayNumberToDate, shanghaiDayNumber, type LocalDate, type Store } from '@clinic/shared';

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

const FESTIVAL_CLOSURES = new Set(SPRING_FESTIVALS.flatMap((f) => [-1, 0, 1, 2].map((offset) => addDays(f, offset))));

/** Whether the stores are closed for the Spring Festival (New Year's Eve to the 2nd day) on `date`. */
export const isFestivalClosure = (date: LocalDate): boolean => FESTIVAL_CLOSURES.has(date);

// Plain day arithmetic for the seed's loops (the shared date functions parse through dayjs, which
// would cost the seed most of its time). Shanghai keeps UTC+8 all year, as the reducers assume.
const DAY_MS = 86_400_000;
const dayNumber = (date: LocalDate): number =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;

/** `date` moved by `days` calendar days. */
export const plusDays = (date: LocalDate, days: number): LocalDate => dayNumberToDate(dayNumber(date) + days);

/** The Shanghai date of an instant (epoch ms). */
export const shanghaiDate = (ms: number): LocalDate => dayNumberToDate(shanghaiDayNumber(ms));

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export const weekdayOf = (date: LocalDate): number => (((dayNumber(date) + 4) % 7) + 7) % 7;

/** The store's opening hours on `date`, or undefined when it is closed that day. */
export function hoursOn(store: Store, date: LocalDate): { open: string; close: string } | undefined {
  if (isFestivalClosure(date) || store.closedDates.includes(date)) return undefined;
  const day = weekdayOf(date);
  return store.openingHours.find((h) => h.weekday === day);
}
