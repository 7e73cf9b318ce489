/** The store picker: offered only when the caller may choose between stores (a chain manager). */
import type { DashboardView } from '../../../services/reports';

export const ALL_STORES = 'all';

export interface StoreOption {
  /** A store id, or `all` for the whole chain. */
  key: string;
  label: string;
  selected: boolean;
}

/** 全部门店 and each store, or nothing when there is only one store to see. */
export function storeOptions(dashboard: Pick<DashboardView, 'stores' | 'scope'>): StoreOption[] {
  if (dashboard.stores.length <= 1) return [];
  const current = dashboard.scope.kind === 'store' && dashboard.scope.storeId ? dashboard.scope.storeId : ALL_STORES;
  return [
    { key: ALL_STORES, label: '全部门店', selected: current === ALL_STORES },
    ...dashboard.stores.map((s) => ({ key: s.id, label: s.name, selected: s.id === current })),
  ];
}

/** The store id to ask for when an option is tapped (none: the whole chain). */
export function storeIdOf(key: string): string | undefined {
  return key === ALL_STORES ? undefined : key;
}
