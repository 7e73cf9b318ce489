import type { ManagerKind } from '../model/people';

/**
 * Data scope follows the role (docs/business-rules.md §1): staff see their own figures, a store
 * manager the store's, a general manager (or channel lead) the chain's.
 */
export type Scope =
  | { kind: 'person'; chainId: string; storeId: string; staffId: string }
  | { kind: 'store'; chainId: string; storeId: string }
  | { kind: 'chain'; chainId: string };

export type Actor =
  | { role: 'customer'; customerId: string; chainId: string }
  | { role: 'staff'; staffId: string; chainId: string; storeId: string; managerKind?: ManagerKind }
  | { role: 'admin'; chainId: string };

/** The widest scope an actor may read. Customers have no report scope. */
export function scopeOf(actor: Actor): Scope | null {
  switch (actor.role) {
    case 'customer':
      return null;
    case 'admin':
      return { kind: 'chain', chainId: actor.chainId };
    case 'staff':
      if (actor.managerKind === 'general_manager' || actor.managerKind === 'channel_lead') {
        return { kind: 'chain', chainId: actor.chainId };
      }
      if (actor.managerKind === 'store_manager') {
        return { kind: 'store', chainId: actor.chainId, storeId: actor.storeId };
      }
      return { kind: 'person', chainId: actor.chainId, storeId: actor.storeId, staffId: actor.staffId };
  }
}

/** Every record belongs to one store of a chain; staff-owned records name their staff member. */
export interface ScopedRecord {
  chainId: string;
  storeId: string;
  staffId?: string;
}

export function inScope(scope: Scope, record: ScopedRecord): boolean {
  if (record.chainId !== scope.chainId) return false;
  if (scope.kind === 'chain') return true;
  if (record.storeId !== scope.storeId) return false;
  if (scope.kind === 'store') return true;
  return record.staffId === scope.staffId;
}

/** A query filter the functions can turn into a database `where` (no I/O here). */
export function scopeFilter(scope: Scope): Partial<ScopedRecord> {
  switch (scope.kind) {
    case 'chain':
      return { chainId: scope.chainId };
    case 'store':
      return { chainId: scope.chainId, storeId: scope.storeId };
    case 'person':
      return { chainId: scope.chainId, storeId: scope.storeId, staffId: scope.staffId };
  }
}
