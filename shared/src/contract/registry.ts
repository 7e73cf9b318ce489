import { adminContract } from './admin';
import { bookingContract } from './booking';
import { dealsContract } from './deals';
import { identityContract } from './identity';
import { importsContract } from './imports';
import { referralContract } from './referral';
import { remindersContract } from './reminders';
import { reportsContract } from './reports';
import { setupContract } from './setup';
import { staffContract } from './staff';
import { userContract } from './user';
import { visitsContract } from './visits';
import { describeZodError, fail, type ActionInput, type FunctionContract, type Result } from './envelope';
import type { z } from 'zod/mini';

/** Every cloud function's contract, by function name. Later issues add theirs here. */
export const CONTRACTS = {
  user: userContract,
  referral: referralContract,
  booking: bookingContract,
  identity: identityContract,
  setup: setupContract,
  staff: staffContract,
  visits: visitsContract,
  deals: dealsContract,
  reminders: remindersContract,
  reports: reportsContract,
  imports: importsContract,
  admin: adminContract,
} as const;
export type Contracts = typeof CONTRACTS;
export type FunctionName = keyof Contracts;

/** Validates one action's input against its contract: the parsed data, or a Chinese failure. */
export function parseActionInput<C extends FunctionContract, A extends keyof C & string>(
  contract: C,
  action: A,
  data: ActionInput<C, A> | unknown,
): Result<z.output<C[A]['input']>> {
  const spec = contract[action];
  if (!spec) return fail('UNKNOWN_ACTION');
  const parsed = spec.input.safeParse(data ?? {});
  if (!parsed.success) return fail('INVALID_INPUT', describeZodError(parsed.error));
  return { ok: true, data: parsed.data as z.output<C[A]['input']> };
}
