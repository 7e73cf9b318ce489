import type { Staff, StaffFacts } from '@clinic/shared';
import type { Database, Transaction } from '../platform/db-types';
import { COLLECTIONS } from './collections';
import type { Stored } from './documents';
import { findWhere, getById, MAX_PAGE } from './read';

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

/**
 * Takes a leaving colleague's account off: inactive (every guard refuses them) and unbound from
 * their WeChat account, remembering to whom their work went (a repeated call finishes the move).
 */
export async function deactivateStaff(
  db: Database,
  staffId: string,
  change: { handoverToStaffId: string; by: string; at: string },
): Promise<void> {
  await db
    .collection(COLLECTIONS.staff)
    .doc(staffId)
    .update({
      data: {
        active: false,
        openid: db.command.remove!(),
        deactivatedAt: change.at,
        deactivatedByStaffId: change.by,
        handoverToStaffId: change.handoverToStaffId,
      },
    });
}

/** What the shared handover rules need of a staff record. */
export const staffFactsOf = (s: Staff): StaffFacts => ({
  id: s.id,
  chainId: s.chainId,
  storeId: s.storeId,
  active: s.active,
  ...(s.admin ? { admin: true } : {}),
  ...(s.managerKind ? { managerKind: s.managerKind } : {}),
  ...(s.handoverToStaffId ? { handoverToStaffId: s.handoverToStaffId } : {}),
});

/** Staff records by id (a page of digest owners: at most 1000). */
export async function staffByIds(db: Database, ids: readonly string[]): Promise<Map<string, Stored<Staff>>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const found = await findWhere<Staff>(db, COLLECTIONS.staff, { _id: db.command.in!(unique) }, unique.length);
  return new Map(found.map((s) => [s._id, s]));
}

/** The active store managers (店长) of these stores, for their digest's escalations. */
export function storeManagersOf(db: Database, storeIds: readonly string[], chainId?: string) {
  const _ = db.command;
  return findWhere<Staff>(
    db,
    COLLECTIONS.staff,
    { ...(chainId ? { chainId } : {}), storeId: _.in!([...storeIds]), managerKind: 'store_manager', active: true },
    MAX_PAGE,
  );
}
