import type { Customer, Role, Staff } from '@clinic/shared';
import type { Database } from '../platform/db-types';
import { customerOfCaller } from './customers';
import type { Stored } from './documents';
import { staffOfCaller } from './staff';

/** The caller's clinic records: their active staff record and their customer record, when there are any. */
export interface CallerRecords {
  staff: Stored<Staff> | undefined;
  customer: Stored<Customer> | undefined;
}

/** Reads the caller's staff and customer records (two queries, in parallel). */
export async function recordsOfCaller(db: Database, openid: string): Promise<CallerRecords> {
  const [staff, customer] = await Promise.all([staffOfCaller(db, openid), customerOfCaller(db, openid)]);
  return { staff, customer };
}

/** The roles a user record shows (user.login), from the clinic's staff and customer records. */
export function rolesOf({ staff, customer }: CallerRecords): Role[] {
  const roles: Role[] = [];
  if (customer) roles.push('customer');
  if (staff) roles.push('staff');
  if (staff && typeof staff.managerKind === 'string') roles.push('manager');
  if (staff?.admin === true) roles.push('admin');
  return roles;
}

/** The roles of the caller as their records stand now. */
export async function rolesFromRecords(db: Database, openid: string): Promise<Role[]> {
  return rolesOf(await recordsOfCaller(db, openid));
}
