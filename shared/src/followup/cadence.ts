import type { ClinicSettings } from '../settings/clinic-settings';
import type { FollowUpGrade } from '../model/entities';
import { addDays, addMonths, localDate, monthOf, withDayOfMonth, type Instant, type LocalDate } from '../time/shanghai';
import { nextOpenDay, type StoreCalendar } from './store-calendar';

/**
 * Due dates of the grade cadence (docs/business-rules.md §6), in Asia/Shanghai:
 * - F1: filing day, day 7, day 20 (offsets from the filing date; a filing late in the month runs
 *   into the next month rather than losing follow-ups).
 * - F2: from one month after filing (Jan 31 → Feb 28/29), the first 10th or 20th on or after that
 *   date, then every 10th and 20th.
 * - F3: from two months after filing, monthly, anchored on the filing day (31st → 28/29, 30, 31 …
 *   never drifting to the 28th for good).
 * A due date on a closed day of the store moves to the next open day.
 */
export function cadenceDueDates(
  grade: FollowUpGrade,
  filedAt: Instant,
  settings: ClinicSettings,
  store?: StoreCalendar,
  count?: number,
): LocalDate[] {
  const cfg = settings.followUp;
  const filed = localDate(filedAt);
  let raw: LocalDate[];
  switch (grade) {
    case 'F1':
      raw = cfg.f1OffsetsDays.slice(0, count ?? cfg.f1OffsetsDays.length).map((d) => addDays(filed, d));
      break;
    case 'F2':
      raw = twiceMonthly(addMonths(filed, cfg.f2StartMonths), cfg.f2DaysOfMonth, count ?? cfg.planAhead);
      break;
    case 'F3': {
      const n = count ?? cfg.planAhead;
      raw = Array.from({ length: n }, (_, k) => addMonths(filed, cfg.f3StartMonths + k * cfg.f3IntervalMonths));
      break;
    }
  }
  // Shifting can make two dates meet (e.g. the 10th and a closed week); keep each day once.
  return [...new Set(raw.map((d) => nextOpenDay(store, d)))].sort();
}

/** The fixed days of each month on or after `start`, `count` of them. */
function twiceMonthly(start: LocalDate, daysOfMonth: readonly number[], count: number): LocalDate[] {
  const days = [...new Set(daysOfMonth)].sort((a, b) => a - b);
  const out: LocalDate[] = [];
  let monthStart = `${monthOf(start)}-01`;
  while (out.length < count) {
    for (const day of days) {
      // Day 31 in a 30-day month becomes the 30th; two settings may then meet on one day.
      const candidate = withDayOfMonth(monthStart, day);
      if (candidate >= start && !out.includes(candidate) && out.length < count) out.push(candidate);
    }
    monthStart = addMonths(monthStart, 1);
  }
  return out;
}

/**
 * §6: an old customer willing to refer with a target friend: ask about the friend the next day,
 * then check progress every 15 days.
 */
export function friendCheckDates(from: Instant, settings: ClinicSettings, count = 4): LocalDate[] {
  const first = addDays(localDate(from), settings.followUp.friendFirstCheckDays);
  return Array.from({ length: count }, (_, k) => addDays(first, k * settings.followUp.friendCheckIntervalDays));
}
