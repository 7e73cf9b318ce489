import { remindersContract } from '@clinic/shared';
import { defineFunction } from '../../platform/define-function';
import { runHourly } from './hourly';
import { runStaffDigest } from './staff-digest';

/**
 * One hourly timer (hourly.ts): visit reminders (subscribe messages the day before each booked
 * visit, from 10:00) and the staff digest (each chain's from its `notifications.digestHour`). An admin may run
 * their chain's digest now (`runDigest`): the same job, exactly once per person and day.
 */
export const main = defineFunction(
  remindersContract,
  {
    runDigest: (input, { caller, db, now }) =>
      runStaffDigest(db, now, {
        chainId: caller.staff?.chainId ?? '',
        ignoreHour: true,
        pageSize: input.pageSize,
        ...(input.maxPages !== undefined ? { maxPages: input.maxPages } : {}),
      }),
  },
  {
    access: { runDigest: ['admin'] },
    timers: { hourly: runHourly },
  },
);
