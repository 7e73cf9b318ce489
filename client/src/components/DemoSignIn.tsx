import { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import {
  fetchDemoIdentities,
  getCurrentIdentity,
  groupByKind,
  setCurrentIdentity,
  type DemoIdentity,
} from '../services/demo-identity';
import { EmptyState, ErrorState, LoadingState } from './StateViews';
import './DemoSignIn.scss';

type ListState =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; identities: DemoIdentity[] };

/**
 * H5 only: pick one of the seeded demo people to act as. Render it only under
 * `process.env.TARO_ENV === 'h5'` so that the weapp build drops it.
 *
 * A choice is remembered on this browser; on the next visit the remembered person (if still in the
 * list) signs in again by itself.
 */
export function DemoSignIn({ onSignIn }: { onSignIn: (identity: DemoIdentity) => void }) {
  const [list, setList] = useState<ListState>({ status: 'loading' });
  const [selected, setSelected] = useState<string | null>(() => getCurrentIdentity()?.openid ?? null);

  const load = useCallback(async () => {
    setList({ status: 'loading' });
    const res = await fetchDemoIdentities();
    if (!res.ok) {
      setList({ status: 'error', message: res.message });
      return;
    }
    setList({ status: 'ready', identities: res.data });
    const remembered = getCurrentIdentity();
    const match = remembered && res.data.find((i) => i.openid === remembered.openid);
    if (match) {
      setSelected(match.openid);
      onSignIn(match);
    } else {
      setSelected(null);
    }
  }, [onSignIn]);

  // Loads on mount (`load` stays the same as long as the parent's `onSignIn` does).
  useEffect(() => {
    void load();
  }, [load]);

  const choose = (identity: DemoIdentity) => {
    setCurrentIdentity(identity);
    setSelected(identity.openid);
    onSignIn(identity);
  };

  return (
    <View className="card demo-signin" data-testid="demo-signin">
      <View className="demo-signin__head">
        <Text className="card__title">演示登录</Text>
        <Text className="demo-signin__badge">仅本地演示</Text>
      </View>
      <Text className="card__subtitle">选择一位演示人员，以其身份进入小程序</Text>

      {list.status === 'loading' ? <LoadingState text="正在加载演示身份…" testId="identities-loading" /> : null}
      {list.status === 'error' ? <ErrorState message={list.message} onRetry={() => void load()} /> : null}
      {list.status === 'ready' && list.identities.length === 0 ? (
        <EmptyState title="暂无演示身份" hint="请先在本地云中导入演示数据" testId="identities-empty" />
      ) : null}
      {list.status === 'ready'
        ? groupByKind(list.identities).map((group) => (
            <View className="demo-signin__group" key={group.kind} data-testid={`demo-group-${group.kind}`}>
              <Text className="demo-signin__group-title">{group.label}</Text>
              <View className="demo-signin__options">
                {group.items.map((identity) => {
                  const active = identity.openid === selected;
                  return (
                    <View
                      key={identity.openid}
                      className={`demo-option${active ? ' demo-option--active' : ''}`}
                      hoverClass="btn--pressed"
                      data-testid={`demo-identity-${identity.openid}`}
                      data-selected={active ? 'true' : 'false'}
                      onClick={() => choose(identity)}
                    >
                      <Text className="demo-option__name">{identity.name}</Text>
                      <Text className="demo-option__label">{identity.label}</Text>
                    </View>
                  );
                })}
              </View>
            </View>
          ))
        : null}
    </View>
  );
}
