import type { Staff } from '@clinic/shared';
import type { Database, Transaction } from '../platform/db-types';
import { COLLECTIONS } from './collections';
import type { Stored } from './documents';
import { findWhere, getById } from './read';

/** The active staff record bound to this WeChat user, if any. */
export async function staffOfCaller(db: Database, openid: string): Promise<Stored<Staff> | undefined> {
  return (await findWhere<Staff>(db, COLLECTIONS.staff, { openid, active: true }, 1))[0];
}

/** A store's active staff (a store has tens, not hundreds). */
export const activeStaffOfStore = (db: Database, storeId: string) =>
  findWhere<Staff>(db, COLLECTIONS.staff, { storeId, active: true }, 100);

export const getStaff = (db: Database, id: string) => getById<Staff>(db, COLLECTIONS.staff, id);

export function staffInTx(tx: Transaction) {
  const staff = tx.collection<Staff & { _id?: string }>(COLLECTIONS.staff);
  return {
    get: (id: string) => staff.doc(id).get(),
    put: (member: Staff) => staff.doc(member.id).set(member),
  };
}
