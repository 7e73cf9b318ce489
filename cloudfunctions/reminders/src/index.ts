import { remindersContract } from '@clinic/shared';
import { defineFunction } from '../../platform/define-function';
import { sendVisitReminders } from './visit-reminders';

/** Timer-only: sends visit reminders (subscribe messages) the day before each booked visit. */
export const main = defineFunction(
  remindersContract,
  {},
  { access: {}, timers: { visitReminders: sendVisitReminders } },
);
