import type { ReportScope } from '@clinic/shared';
import { getStore, listActiveStores } from '../../data/clinic';
import type { Caller } from '../../platform/access';
import type { Database } from '../../platform/db-types';
import { refuse } from '../../platform/errors';

/** The part of the chain one report call reads, from the caller's data scope and the store asked for. */
export interface ReadScope {
  chainId: string;
  /** Absent: the whole chain. */
  storeId?: string;
  view: ReportScope;
  stores: { id: string; name: string }[];
}

/**
 * A store manager reads their store (asking for another looks like a store that does not exist);
 * a general manager or admin reads the chain or one of its stores.
 */
export async function readScope(db: Database, caller: Caller, storeId: string | undefined): Promise<ReadScope> {
  const scope = caller.scope;
  if (!scope || scope.kind === 'person') throw refuse('FORBIDDEN');
  if (scope.kind === 'store') {
    if (storeId !== undefined && storeId !== scope.storeId) throw refuse('NOT_FOUND', '没有找到这家门店');
    const store = await getStore(db, scope.storeId);
    const name = store?.name ?? '本店';
    return {
      chainId: scope.chainId,
      storeId: scope.storeId,
      view: { kind: 'store', storeId: scope.storeId, label: name },
      stores: [{ id: scope.storeId, name }],
    };
  }
  const stores = (await listActiveStores(db)).filter((s) => s.chainId === scope.chainId);
  const list = stores.map((s) => ({ id: s.id, name: s.name }));
  if (storeId === undefined) {
    return { chainId: scope.chainId, view: { kind: 'chain', label: '全部门店' }, stores: list };
  }
  const store = stores.find((s) => s.id === storeId);
  if (!store) throw refuse('NOT_FOUND', '没有找到这家门店');
  return {
    chainId: scope.chainId,
    storeId: store.id,
    view: { kind: 'store', storeId: store.id, label: store.name },
    stores: list,
  };
}
