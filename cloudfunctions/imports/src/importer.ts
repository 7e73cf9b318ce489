import {
  importableStoreIds,
  localDate,
  type ImportStaff,
  type ImportStore,
  type RowContext,
  type Staff,
  type Store,
} from '@clinic/shared';
import { COLLECTIONS } from '../../data/collections';
import type { Stored } from '../../data/documents';
import { findAllByKeyset, findWhere } from '../../data/read';
import type { Caller } from '../../platform/access';
import type { Database } from '../../platform/db-types';
import { refuse } from '../../platform/errors';

/** The importing manager and what their rows are checked against: the chain's stores and staff. */
export interface Importer {
  staff: Stored<Staff>;
  chainId: string;
  stores: ImportStore[];
}

/** The caller's staff record (the access list admitted them as a manager or admin). */
export function importerStaff(caller: Caller): Stored<Staff> {
  if (!caller.staff) throw refuse('FORBIDDEN');
  return caller.staff;
}

/** The chain's stores, each marked with whether the caller may import into it. */
export async function loadImporter(db: Database, caller: Caller): Promise<Importer> {
  const staff = importerStaff(caller);
  const stores = await findWhere<Store>(db, COLLECTIONS.stores, { chainId: staff.chainId }, 200);
  const allowed = new Set(
    importableStoreIds(
      {
        storeId: staff.storeId,
        ...(staff.managerKind ? { managerKind: staff.managerKind } : {}),
        ...(staff.admin ? { admin: true } : {}),
      },
      stores.map((s) => s.id),
    ),
  );
  return {
    staff,
    chainId: staff.chainId,
    stores: stores
      .map((s) => ({ id: s.id, name: s.name, importable: allowed.has(s.id) }))
      .sort((a, b) => (a.id < b.id ? -1 : 1)),
  };
}

/** The store rows without 门店 go to: the one asked for (when the caller may), else a store manager's own. */
export function defaultStoreOf(importer: Importer, asked: string | undefined): string | undefined {
  if (asked !== undefined) {
    const store = importer.stores.find((s) => s.id === asked);
    if (!store) throw refuse('NOT_FOUND', '没有找到这家门店');
    if (!store.importable) throw refuse('FORBIDDEN', '您只能导入本门店的客户');
    return asked;
  }
  const importable = importer.stores.filter((s) => s.importable);
  return importable.length === 1 ? importable[0]?.id : undefined;
}

/** Everything a row is checked against: today, the stores, the chain's staff (owner lookups). */
export async function rowContextOf(
  db: Database,
  importer: Importer,
  defaultStoreId: string | undefined,
  now: Date,
): Promise<RowContext> {
  const staff = await findAllByKeyset<Staff>(db, COLLECTIONS.staff, { chainId: importer.chainId });
  return {
    today: localDate(now),
    stores: importer.stores,
    staff: staff.map((s): ImportStaff => ({
      id: s.id,
      name: s.name,
      ...(s.phone ? { phone: s.phone } : {}),
      storeId: s.storeId,
      department: s.department,
      active: s.active,
    })),
    ...(defaultStoreId ? { defaultStoreId } : {}),
  };
}
