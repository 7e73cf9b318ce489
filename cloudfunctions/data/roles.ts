import type { Role } from '@clinic/shared';
import type { Database } from '../platform/db-types';
import { customerOfCaller } from './customers';
import { staffOfCaller } from './staff';

/** The roles a user record shows (user.login): from the clinic's staff and customer records. */
export async function rolesFromRecords(db: Database, openid: string): Promise<Role[]> {
  const [staff, customer] = await Promise.all([staffOfCaller(db, openid), customerOfCaller(db, openid)]);
  const roles: Role[] = [];
  if (customer) roles.push('customer');
  if (staff) roles.push('staff');
  if (staff && typeof staff.managerKind === 'string') roles.push('manager');
  if (staff?.admin === true) roles.push('admin');
  return roles;
}
