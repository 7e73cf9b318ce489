import { storeIdOf, storeOptions } from '../../../src/packages/admin/utils/store-picker';
import { chainDashboard, dashboard } from '../../admin-fixtures';

describe('store picker', () => {
  it('a store manager with one store gets no picker', () => {
    expect(storeOptions(dashboard())).toEqual([]);
  });

  it('the chain: 全部门店 first and selected, then each store', () => {
    expect(storeOptions(chainDashboard())).toEqual([
      { key: 'all', label: '全部门店', selected: true },
      { key: 'store-1', label: '静安店', selected: false },
      { key: 'store-2', label: '徐汇店', selected: false },
      { key: 'store-3', label: '浦东店', selected: false },
    ]);
  });

  it('a chain manager narrowed to one store sees it selected and can go back to all', () => {
    const narrowed = chainDashboard({ scope: { kind: 'store', storeId: 'store-2', label: '徐汇店' } });
    expect(
      storeOptions(narrowed)
        .filter((o) => o.selected)
        .map((o) => o.key),
    ).toEqual(['store-2']);
    expect(storeIdOf('all')).toBeUndefined();
    expect(storeIdOf('store-2')).toBe('store-2');
  });
});
