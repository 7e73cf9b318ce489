import { defineContract } from './envelope';

/** reminders runs on its timer only: it offers no action to the mini-program. */
export const remindersContract = defineContract({});
export type RemindersContract = typeof remindersContract;
