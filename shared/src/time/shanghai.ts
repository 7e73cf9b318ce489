import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import { compareText } from '../util/compare';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Every calendar question of the product is asked in the clinic's local time. */
export const CLINIC_TZ = 'Asia/Shanghai';

/** A local calendar date, `YYYY-MM-DD`, in Asia/Shanghai. */
export type LocalDate = string;

export type Instant = string | number | Date;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** The Shanghai calendar date of an instant (ISO string with offset, epoch ms or Date). */
export function localDate(at: Instant): LocalDate {
  const d = dayjs(at);
  if (!d.isValid()) throw new RangeError(`无效的时间：${String(at)}`);
  return d.tz(CLINIC_TZ).format('YYYY-MM-DD');
}

/** Date-only arithmetic runs on UTC midnight so that no offset can move the day. */
function asDay(date: LocalDate): dayjs.Dayjs {
  if (!DATE_RE.test(date)) throw new RangeError(`日期格式应为 YYYY-MM-DD：${date}`);
  const d = dayjs.utc(date, 'YYYY-MM-DD');
  if (!d.isValid() || d.format('YYYY-MM-DD') !== date) throw new RangeError(`日期不存在：${date}`);
  return d;
}

export function isLocalDate(value: string): boolean {
  try {
    asDay(value);
    return true;
  } catch {
    return false;
  }
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return asDay(date).add(days, 'day').format('YYYY-MM-DD');
}

/** Adds calendar months; the 31st becomes the last day of a shorter month (Jan 31 + 1 → Feb 28/29). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  return asDay(date).add(months, 'month').format('YYYY-MM-DD');
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return asDay(to).diff(asDay(from), 'day');
}

/** Calendar days between two instants, counted on Shanghai dates (23:59 → 00:01 is one day). */
export function calendarDaysBetween(from: Instant, to: Instant): number {
  return daysBetween(localDate(from), localDate(to));
}

/** Whole calendar months from `from` to `to`, consistent with addMonths (Jan 31 → Feb 27 is 0, → Feb 28 is 1). */
export function monthsBetween(from: LocalDate, to: LocalDate): number {
  return asDay(to).diff(asDay(from), 'month');
}

/** 0 = Sunday … 6 = Saturday, as in JavaScript. */
export function weekday(date: LocalDate): number {
  return asDay(date).day();
}

export function daysInMonth(month: string): number {
  return asDay(`${month}-01`).daysInMonth();
}

/** `YYYY-MM` of a local date. */
export function monthOf(date: LocalDate): string {
  return asDay(date).format('YYYY-MM');
}

/** The date with the given day of its month; clamped to the month's last day. */
export function withDayOfMonth(date: LocalDate, day: number): LocalDate {
  const d = asDay(date);
  return d.date(Math.min(day, d.daysInMonth())).format('YYYY-MM-DD');
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  // ISO dates order lexically, which is all we need.
  return compareText(a, b);
}

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/**
 * Hot-path day number (days since 1970-01-01 in Shanghai) for the report reducers.
 * Asia/Shanghai has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact for
 * every date this product stores; a test checks it against dayjs.tz.
 */
export function shanghaiDayNumber(epochMs: number): number {
  return Math.floor((epochMs + SHANGHAI_OFFSET_MS) / DAY_MS);
}

export function dayNumberToDate(day: number): LocalDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function dateToDayNumber(date: LocalDate): number {
  return asDay(date).valueOf() / DAY_MS;
}

const civil = (day: number) => {
  const d = new Date(day * DAY_MS);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth(), d: d.getUTCDate() };
};

/**
 * monthsBetween on day numbers without building dates, for the reducers: the same convention as
 * dayjs (whole months, the anchor day clamped to the end of a short month).
 */
export function monthsBetweenDays(from: number, to: number): number {
  if (to < from) return -monthsBetweenDays(to, from);
  const a = civil(from);
  const b = civil(to);
  const months = (b.y - a.y) * 12 + (b.m - a.m);
  const lastOfB = new Date(Date.UTC(b.y, b.m + 1, 0)).getUTCDate();
  return b.d < Math.min(a.d, lastOfB) ? months - 1 : months;
}
