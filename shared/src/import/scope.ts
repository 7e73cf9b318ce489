import type { ManagerKind } from '../model/people';

/** What decides where a manager may import customers to. */
export interface Importer {
  storeId: string;
  managerKind?: ManagerKind;
  admin?: boolean;
}

/**
 * The stores a caller may import into: an admin and the general manager any store of their chain,
 * a store manager their own store only (the access list has already refused everyone else).
 */
export function importableStoreIds(importer: Importer, chainStoreIds: readonly string[]): string[] {
  if (importer.admin === true || importer.managerKind === 'general_manager') return [...chainStoreIds];
  return chainStoreIds.filter((id) => id === importer.storeId);
}
