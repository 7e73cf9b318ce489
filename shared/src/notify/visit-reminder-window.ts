import { addDays, compareDates, localDate, type LocalDate } from '../time/shanghai';

/**
 * The reminders function runs hourly on the hour (cloudfunctions/reminders/config.json) and reminds
 * the bookings whose visit is `visitReminderDaysBefore` days ahead. Its last run of a clinic day
 * starts at 23:00; a booking made after that on its reminder day is never picked up.
 */
export const LAST_REMINDER_RUN_HOUR = 23;

const HOUR_MS = 3_600_000;
/** Asia/Shanghai keeps UTC+8 all year (see time/shanghai.ts). */
const clinicHour = (now: Date): number => Math.floor((now.getTime() + 8 * HOUR_MS) / HOUR_MS) % 24;

/**
 * Whether a visit reminder can still reach the customer before a visit on `visitDate`: its
 * reminder day is after today, or it is today and one of today's hourly runs is still to come.
 * The booking answer offers the reminder only then (a grant asked for a reminder that can never
 * be sent would be spent on nothing).
 */
export function visitReminderCanBeSent(visitDate: LocalDate, now: Date, daysBefore: number): boolean {
  const reminderDay = addDays(visitDate, -daysBefore);
  const order = compareDates(reminderDay, localDate(now));
  if (order > 0) return true;
  return order === 0 && clinicHour(now) < LAST_REMINDER_RUN_HOUR;
}
