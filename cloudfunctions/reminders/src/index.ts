import { remindersContract } from '@clinic/shared';
import { defineFunction } from '../../common/define-function';
import { sendVisitReminders } from './visit-reminders';

/** Timer-only: sends visit reminders (subscribe messages) the day before each booked visit. */
export const main = defineFunction(remindersContract, {}, { timers: { visitReminders: sendVisitReminders } });
