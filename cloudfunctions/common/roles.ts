import type { Role } from '@clinic/shared';
import type { Database } from './db-types';
import { COLLECTIONS } from './collections';

/** The database's answer for a missing collection (wx-server-sdk errCode -502005). */
export function isMissingCollection(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { errCode?: unknown }).errCode === -502005;
}

async function firstMatch(db: Database, collection: string, query: Record<string, unknown>) {
  try {
    const { data } = await db.collection(collection).where(query).limit(1).get();
    return data[0];
  } catch (e) {
    if (isMissingCollection(e)) return undefined; // not set up yet: nobody has that role
    throw e;
  }
}

/** Roles come from the clinic's records, never from the client: staff (and managers) and customers. */
export async function rolesFromRecords(db: Database, openid: string): Promise<Role[]> {
  const [staff, customer] = await Promise.all([
    firstMatch(db, COLLECTIONS.staff, { openid, active: true }),
    firstMatch(db, COLLECTIONS.customers, { openids: openid }),
  ]);
  const roles: Role[] = [];
  if (customer) roles.push('customer');
  if (staff) roles.push('staff');
  if (staff && typeof staff.managerKind === 'string') roles.push('manager');
  return roles;
}
