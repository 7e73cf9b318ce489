import { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { PRODUCT_CATEGORIES } from '@clinic/shared';
import { listProducts, listStores, type ProductInfo, type StoreInfo } from '../services/booking';
import { describeHours } from '../utils/hours';
import { formatFen } from '../utils/format';
import { EmptyState, ErrorState, LoadingState } from './StateViews';

type State =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; stores: StoreInfo[]; products: ProductInfo[] };

/** ` 眼部整形 · ¥6800 起`: the category when the name does not already say it, and the list price. */
function productNote(p: ProductInfo): string {
  const category = PRODUCT_CATEGORIES[p.category];
  const parts = [
    category && category !== p.name ? category : '',
    p.priceFen !== undefined ? `${formatFen(p.priceFen)} 起` : '',
  ];
  const text = parts.filter(Boolean).join(' · ');
  return text ? ` ${text}` : '';
}

/** The clinic's stores and projects (the home page, once signed in). */
export function StoresCard() {
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    const stores = await listStores();
    if (!stores.ok) return setState({ status: 'error', message: stores.message });
    const first = stores.data.stores[0];
    const products = first ? await listProducts(first.id) : { ok: true as const, data: { products: [] } };
    if (!products.ok) return setState({ status: 'error', message: products.message });
    setState({ status: 'ready', stores: stores.data.stores, products: products.data.products });
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <View className="card" data-testid="home-stores">
      <Text className="card__title">门店与项目</Text>
      {state.status === 'loading' ? <LoadingState text="正在加载门店…" testId="stores-loading" /> : null}
      {state.status === 'error' ? (
        <ErrorState message={state.message} onRetry={() => void load()} testId="stores-error" />
      ) : null}
      {state.status === 'ready' && state.stores.length === 0 ? (
        <EmptyState title="暂无可预约的门店" testId="stores-empty" />
      ) : null}
      {state.status === 'ready'
        ? state.stores.map((s) => (
            <View key={s.id} className="home-store" data-testid={`home-store-${s.id}`}>
              <Text className="home-store__name">{s.name}</Text>
              <Text className="home-store__line">{s.address}</Text>
              <Text className="home-store__line">{describeHours(s.openingHours)}</Text>
            </View>
          ))
        : null}
      {state.status === 'ready' && state.products.length > 0 ? (
        <View data-testid="home-products">
          <Text className="section-title">热门项目</Text>
          <View className="chips">
            {state.products.map((p) => (
              <View key={p.id} className="chip home-product">
                <Text>{p.name}</Text>
                <Text className="muted">{productNote(p)}</Text>
              </View>
            ))}
          </View>
        </View>
      ) : null}
    </View>
  );
}
