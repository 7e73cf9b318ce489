import { addDays, weekday, type LocalDate } from '../time/shanghai';

/** The part of a store that says which days it is open. */
export interface StoreCalendar {
  openingHours: readonly { weekday: number }[];
  closedDates: readonly LocalDate[];
}

/** Search bound: a store closed for a whole year is a data error, not a reason to loop forever. */
const MAX_SHIFT_DAYS = 366;

export function isOpenDay(store: StoreCalendar, date: LocalDate): boolean {
  const wd = weekday(date);
  return store.openingHours.some((h) => h.weekday === wd) && !store.closedDates.includes(date);
}

/** The date itself when open, else the next open day; unchanged if none within a year. */
export function nextOpenDay(store: StoreCalendar | undefined, date: LocalDate): LocalDate {
  return shift(store, date, 1);
}

/** The date itself when open, else the previous open day; unchanged if none within a year. */
export function previousOpenDay(store: StoreCalendar | undefined, date: LocalDate): LocalDate {
  return shift(store, date, -1);
}

function shift(store: StoreCalendar | undefined, date: LocalDate, step: 1 | -1): LocalDate {
  if (!store) return date;
  let d = date;
  for (let i = 0; i <= MAX_SHIFT_DAYS; i++) {
    if (isOpenDay(store, d)) return d;
    d = addDays(d, step);
  }
  return date;
}
