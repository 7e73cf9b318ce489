import { shanghaiHour, type DigestRun } from '@clinic/shared';
import type { HandlerContext } from '../../platform/define-function';
import { runStaffDigest } from './staff-digest';
import { sendVisitReminders, type ReminderRun } from './visit-reminders';

/**
 * Visit reminders go out from 10:00 until 21:00 Shanghai: the first run of the day reminds
 * tomorrow's visitors, later runs the bookings made since (no message at night).
 */
export const VISIT_REMINDER_HOURS = { from: 10, to: 21 } as const;
/** Both jobs share one run of at most 60 s: the digest gets what the reminders left of this budget. */
const RUN_BUDGET_MS = 50_000;

export interface HourlyRun {
  /** Null outside the visit-reminder hours. */
  visitReminders: ReminderRun | null;
  staffDigest: DigestRun;
}

/**
 * The function's one timer trigger (WeChat allows one per function), every hour on the hour: the
 * visit reminders in their hours, then the staff digest of every chain whose digest hour has come.
 * Both jobs claim before sending, so any number of runs sends each message at most once.
 */
export async function runHourly(ctx: HandlerContext): Promise<HourlyRun> {
  const started = Date.now();
  const hour = shanghaiHour(ctx.now);
  const visitReminders =
    hour >= VISIT_REMINDER_HOURS.from && hour < VISIT_REMINDER_HOURS.to ? await sendVisitReminders(ctx) : null;
  const staffDigest = await runStaffDigest(ctx.db, ctx.now, {
    budgetMs: Math.max(0, RUN_BUDGET_MS - (Date.now() - started)),
  });
  return { visitReminders, staffDigest };
}
