import { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { EmptyState, ErrorState, LoadingState } from '../../../components/StateViews';
import { listProducts, listStores, type ProductInfo, type StoreInfo } from '../../../services/booking';
import { toggleProduct } from '../../../utils/desk-filing-form';

type Load<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: T };

/**
 * A store's products as chips. Without `storeId` (the desk's projects of interest), several stores
 * are picked by store first; with it (the deal page knows the caller's store), only that store's
 * products show. A failure here never blocks the desk form (products are optional there).
 */
export function ProductPicker({
  chosen,
  onChange,
  storeId: fixedStoreId,
  testId = 'product-picker',
}: {
  chosen: string[];
  onChange: (ids: string[]) => void;
  storeId?: string;
  testId?: string;
}) {
  const [stores, setStores] = useState<Load<StoreInfo[]>>(
    fixedStoreId ? { status: 'ready', data: [] } : { status: 'loading' },
  );
  const [storeId, setStoreId] = useState(fixedStoreId ?? '');
  const [products, setProducts] = useState<Load<ProductInfo[]> | null>(null);

  const loadStores = useCallback(async () => {
    if (fixedStoreId) return;
    setStores({ status: 'loading' });
    const res = await listStores();
    if (!res.ok) return setStores({ status: 'error', message: res.message });
    setStores({ status: 'ready', data: res.data.stores });
    if (res.data.stores.length === 1) setStoreId((res.data.stores[0] as StoreInfo).id);
  }, [fixedStoreId]);

  const loadProducts = useCallback(async (id: string) => {
    setProducts({ status: 'loading' });
    const res = await listProducts(id);
    setProducts(res.ok ? { status: 'ready', data: res.data.products } : { status: 'error', message: res.message });
  }, []);

  useEffect(() => {
    void loadStores();
  }, [loadStores]);

  useEffect(() => {
    if (storeId) void loadProducts(storeId);
  }, [storeId, loadProducts]);

  if (stores.status === 'loading') return <LoadingState text="正在加载项目…" testId="products-loading" />;
  if (stores.status === 'error') {
    return <ErrorState message={stores.message} onRetry={() => void loadStores()} testId="products-error" />;
  }
  return (
    <View data-testid={testId}>
      {stores.data.length > 1 ? (
        <View className="chips">
          {stores.data.map((s) => (
            <View
              key={s.id}
              className={`chip${s.id === storeId ? ' chip--active' : ''}`}
              data-testid={`product-store-${s.id}`}
              onClick={() => {
                setStoreId(s.id);
                onChange([]);
              }}
            >
              {s.name}
            </View>
          ))}
        </View>
      ) : null}
      {stores.data.length === 0 && !fixedStoreId ? <EmptyState title="暂无门店项目" testId="products-empty" /> : null}
      {products?.status === 'loading' ? <LoadingState text="正在加载项目…" testId="products-loading" /> : null}
      {products?.status === 'error' ? (
        <ErrorState message={products.message} onRetry={() => void loadProducts(storeId)} testId="products-error" />
      ) : null}
      {products?.status === 'ready' && products.data.length === 0 ? (
        <EmptyState title="该门店暂无项目" testId="products-empty" />
      ) : null}
      {products?.status === 'ready' ? (
        <View className="chips">
          {products.data.map((p) => (
            <View
              key={p.id}
              className={`chip${chosen.includes(p.id) ? ' chip--active' : ''}`}
              data-testid={`product-${p.id}`}
              onClick={() => onChange(toggleProduct(chosen, p.id))}
            >
              {p.name}
            </View>
          ))}
        </View>
      ) : null}
      {stores.data.length > 1 && !storeId ? <Text className="staff-hint">先选择门店，再选择意向项目</Text> : null}
    </View>
  );
}
