import type { Kpis } from '@clinic/shared';
import type { Database } from '../platform/db-types';
import { COLLECTIONS } from './collections';
import { getById } from './read';

/** A staff member's §4 targets for one month (`_id` = `<staffId>_<YYYY-MM>`). */
export type StaffTargetDoc = {
  _id?: string;
  chainId: string;
  storeId: string;
  staffId: string;
  month: string;
  targets: Partial<Kpis>;
  setByStaffId: string;
  setAt: string;
};

const targetIdFor = (staffId: string, month: string) => `${staffId}_${month}`;

export const getTargets = (db: Database, staffId: string, month: string) =>
  getById<StaffTargetDoc>(db, COLLECTIONS.staffTargets, targetIdFor(staffId, month));

/** Replaces the month's targets (a manager sets them as a whole). */
export async function putTargets(db: Database, doc: Omit<StaffTargetDoc, '_id'>): Promise<void> {
  await db
    .collection<StaffTargetDoc>(COLLECTIONS.staffTargets)
    .doc(targetIdFor(doc.staffId, doc.month))
    .set({ data: doc });
}
