/** The `reminders` cloud function: an admin runs their chain's staff digest now (once per person and day). */
import { remindersContract, type ActionInput } from '@clinic/shared';
import { callFunction } from './cloud';

export const runDigest = (input: Partial<ActionInput<typeof remindersContract, 'runDigest'>> = {}) =>
  callFunction('reminders', remindersContract, 'runDigest', input);
