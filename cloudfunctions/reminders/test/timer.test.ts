import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LAST_REMINDER_RUN_HOUR } from '@clinic/shared';

/**
 * The booking answer offers the visit reminder by shared `visitReminderCanBeSent`, which assumes
 * this function runs every hour on the hour (its last run of a day at LAST_REMINDER_RUN_HOUR).
 */
test('the reminders timer runs hourly on the hour, as the visit-reminder offer assumes', () => {
  const config = JSON.parse(readFileSync(path.join(__dirname, '..', 'config.json'), 'utf8')) as {
    triggers: { type: string; config: string }[];
  };
  const timers = config.triggers.filter((t) => t.type === 'timer');
  expect(timers.map((t) => t.config)).toEqual(['0 0 * * * * *']);
  expect(LAST_REMINDER_RUN_HOUR).toBe(23);
});
