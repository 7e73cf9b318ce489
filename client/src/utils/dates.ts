/**
 * Calendar logic for the booking date picker, apart from rendering (like taro-ui's calendar):
 * which days a month shows, which are disabled and why. Every date is a clinic-local
 * `YYYY-MM-DD` (Asia/Shanghai); "today" comes from the caller.
 */
import {
  addDays,
  bookableWindow,
  compareDates,
  dayNumberToDate,
  daysInMonth,
  isClosedDay,
  outsideBookableWindow,
  shanghaiDayNumber,
  weekday,
  type StoreHours,
} from '@clinic/shared';

export const WEEKDAY_LABELS = ['日', '一', '二', '三', '四', '五', '六'] as const;

/** The clinic's calendar date (Asia/Shanghai, a fixed UTC+8) of an instant, whatever the phone's zone. */
export function clinicToday(nowMs: number = Date.now()): string {
  return dayNumberToDate(shanghaiDayNumber(nowMs));
}

export type DayDisabledReason = 'past' | 'closed' | 'too_far';

export interface CalendarDay {
  date: string;
  day: number;
  isToday: boolean;
  disabled: boolean;
  reason?: DayDisabledReason;
}

/** A calendar week: seven cells, `null` where the day belongs to the previous or next month. */
export type CalendarWeek = (CalendarDay | null)[];

export interface DayRules {
  today: string;
  /** Last date to offer (default: the end of the bookable window, `bookableWindow`). */
  maxDate?: string;
  /** The store's weekly hours and closed dates; omitted → every day open. */
  hours?: Pick<StoreHours, 'openingHours' | 'closedDates'>;
}

export function lastBookableDate(today: string): string {
  return bookableWindow(today).last;
}

/** Why a date cannot be picked, or undefined when it can. */
export function dayDisabledReason(date: string, rules: DayRules): DayDisabledReason | undefined {
  const outside = outsideBookableWindow(date, rules.today);
  if (outside === 'DATE_IN_PAST') return 'past';
  if (outside === 'DATE_TOO_FAR' || (rules.maxDate && compareDates(date, rules.maxDate) > 0)) return 'too_far';
  if (rules.hours && isClosedDay({ ...rules.hours, slotMinutes: 30, capacityPerSlot: 1 }, date)) return 'closed';
  return undefined;
}

/** Under the day number: closed days say so; past and out-of-range days are only greyed. */
export const DAY_DISABLED_TEXT: Record<DayDisabledReason, string> = {
  past: '',
  closed: '休',
  too_far: '',
};

/** `2026-11` → the weeks of that month, Sunday first. */
export function monthGrid(month: string, rules: DayRules): CalendarWeek[] {
  const first = `${month}-01`;
  const count = daysInMonth(month);
  const cells: (CalendarDay | null)[] = Array.from({ length: weekday(first) }, () => null);
  for (let day = 1; day <= count; day++) {
    const date = `${month}-${String(day).padStart(2, '0')}`;
    const reason = dayDisabledReason(date, rules);
    cells.push({
      date,
      day,
      isToday: date === rules.today,
      disabled: reason !== undefined,
      ...(reason ? { reason } : {}),
    });
  }
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: CalendarWeek[] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** `2026-11` plus n months. */
export function addMonthsToMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The months a picker may show: today's month through the last bookable date's. */
export function bookableMonths(today: string, maxDate: string = lastBookableDate(today)): string[] {
  const months: string[] = [];
  for (let m = today.slice(0, 7); m <= maxDate.slice(0, 7); m = addMonthsToMonth(m, 1)) months.push(m);
  return months;
}

/** The first pickable date on or after `from`, within the bookable range, or undefined. */
export function firstOpenDate(rules: DayRules, from: string = rules.today): string | undefined {
  const max = rules.maxDate ?? lastBookableDate(rules.today);
  for (let d = from; compareDates(d, max) <= 0; d = addDays(d, 1)) {
    if (!dayDisabledReason(d, rules)) return d;
  }
  return undefined;
}

/**
 * The day a new booking starts with, so that most customers only pick a time: the first open day,
 * and for an invited friend the first open day far enough ahead to count as a referral (`minLeadDays`;
 * null = no lead time). Falls back to the first open day when the lead time leaves none.
 */
export function suggestedVisitDate(rules: DayRules, minLeadDays: number | null = null): string | undefined {
  const lead = minLeadDays ?? 0;
  return (lead > 0 ? firstOpenDate(rules, addDays(rules.today, lead)) : undefined) ?? firstOpenDate(rules);
}

/** The next open day after `date` (the suggested day turned out fully booked), or undefined. */
export function nextOpenDate(rules: DayRules, date: string): string | undefined {
  return firstOpenDate(rules, addDays(date, 1));
}

/** `2026-11` → `2026年11月`. */
export function formatMonth(month: string): string {
  const [y, m] = month.split('-');
  return `${y}年${Number(m)}月`;
}

/** `2026-11-24` → `11月24日 周二`; with `today`, 今天/明天 are named. */
export function formatDay(date: string, today?: string): string {
  const [, m, d] = date.split('-');
  const base = `${Number(m)}月${Number(d)}日 周${WEEKDAY_LABELS[weekday(date)]}`;
  if (today && date === today) return `${base}（今天）`;
  if (today && date === addDays(today, 1)) return `${base}（明天）`;
  return base;
}
