import { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { listMyReferrals, type ReferralPage } from '../../../services/referral';
import { REFERRAL_STATUS_LABELS } from '../../../utils/format';
import { EmptyState, ErrorState, LoadingState } from '../../../components/StateViews';

type Item = ReferralPage['items'][number];
type State =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; items: Item[]; next?: string; more: boolean };

/** 我的推荐: the friends filed through my card, masked, with their progress. */
export function ReferralList({ reloadKey }: { reloadKey: number }) {
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    const res = await listMyReferrals();
    if (!res.ok) return setState({ status: 'error', message: res.message });
    setState({ status: 'ready', items: res.data.items, next: res.data.nextCursor, more: false });
  }, []);

  const more = async (cursor: string, items: Item[]) => {
    setState({ status: 'ready', items, next: cursor, more: true });
    const res = await listMyReferrals(cursor);
    if (!res.ok) return setState({ status: 'ready', items, next: cursor, more: false });
    setState({ status: 'ready', items: [...items, ...res.data.items], next: res.data.nextCursor, more: false });
  };

  useEffect(() => {
    void load();
  }, [load, reloadKey]);

  return (
    <View className="card" data-testid="card-referrals">
      <Text className="card__title">我的推荐</Text>
      {state.status === 'loading' ? <LoadingState text="正在加载推荐记录…" testId="referrals-loading" /> : null}
      {state.status === 'error' ? (
        <ErrorState message={state.message} onRetry={() => void load()} testId="referrals-error" />
      ) : null}
      {state.status === 'ready' && state.items.length === 0 ? (
        <EmptyState
          title="还没有好友通过您的推荐预约"
          hint="分享推荐卡给好友，好友预约后会显示在这里"
          testId="referrals-empty"
        />
      ) : null}
      {state.status === 'ready'
        ? state.items.map((r, i) => (
            <View key={`${r.maskedPhone}-${i}`} className="list-row" data-testid="referral-item">
              <View className="list-row__main">
                <Text className="list-row__title">
                  {r.maskedName} {r.maskedPhone}
                </Text>
                <Text className="muted">建档于 {r.filedOn}</Text>
              </View>
              {/* Only a deal is highlighted; every other stage, 已取消 included, is a grey tag. */}
              <Text className={`tag${r.status === 'dealt' ? '' : ' tag--grey'}`} data-testid="referral-status">
                {REFERRAL_STATUS_LABELS[r.status]}
              </Text>
            </View>
          ))
        : null}
      {state.status === 'ready' && state.next ? (
        <View
          className="btn btn--ghost btn--small list-more"
          hoverClass="btn--pressed"
          onClick={() => !state.more && void more(state.next as string, state.items)}
        >
          {state.more ? '加载中…' : '查看更多'}
        </View>
      ) : null}
    </View>
  );
}
