import { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { listMyRewards, type RewardPage } from '../../../services/referral';
import {
  formatDateTime,
  formatFen,
  formatRewardAmount,
  LEDGER_TYPE_LABELS,
  REWARD_KIND_LABELS,
} from '../../../utils/format';
import { EmptyState, ErrorState, LoadingState } from '../../../components/StateViews';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; page: RewardPage };

/** 我的奖励: balance, what is still to come (待发放) and the ledger (已到账 / 已使用 / 已过期). */
export function RewardLedger({ reloadKey }: { reloadKey: number }) {
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    const res = await listMyRewards();
    setState(res.ok ? { status: 'ready', page: res.data } : { status: 'error', message: res.message });
  }, []);

  useEffect(() => {
    void load();
  }, [load, reloadKey]);

  return (
    <View className="card" data-testid="card-rewards">
      <Text className="card__title">我的奖励</Text>
      {state.status === 'loading' ? <LoadingState text="正在加载奖励…" testId="rewards-loading" /> : null}
      {state.status === 'error' ? (
        <ErrorState message={state.message} onRetry={() => void load()} testId="rewards-error" />
      ) : null}
      {state.status === 'ready' ? (
        <View>
          <View className="reward-summary">
            <View className="reward-summary__cell">
              <Text className="reward-summary__value" data-testid="rewards-balance">
                {formatFen(state.page.balanceFen)}
              </Text>
              <Text className="muted">可用余额</Text>
            </View>
            <View className="reward-summary__cell">
              <Text className="reward-summary__value">{state.page.points}</Text>
              <Text className="muted">可用积分</Text>
            </View>
            <View className="reward-summary__cell">
              <Text className="reward-summary__value" data-testid="rewards-pending">
                {state.page.pendingReferrals ?? 0}
              </Text>
              <Text className="muted">待发放</Text>
            </View>
          </View>
          {(state.page.pendingReferrals ?? 0) > 0 ? (
            <Text className="muted reward-pending-note">待发放：好友首次消费后到账</Text>
          ) : null}
          {state.page.items.length === 0 ? (
            <EmptyState title="暂无奖励记录" hint="好友首次消费后，奖励会自动发放到这里" testId="rewards-empty" />
          ) : null}
          {state.page.items.map((e) => (
            <View key={e.id} className="list-row" data-testid="reward-item">
              <View className="list-row__main">
                <Text className="list-row__title">
                  {REWARD_KIND_LABELS[e.kind] ?? e.kind} {formatRewardAmount(e)}
                </Text>
                <Text className="muted">
                  {formatDateTime(e.at)}
                  {e.expiresOn && e.type === 'credit' ? ` · 有效期至 ${e.expiresOn}` : ''}
                </Text>
              </View>
              <Text className={`tag${e.type === 'credit' ? '' : ' tag--grey'}`}>{LEDGER_TYPE_LABELS[e.type]}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
