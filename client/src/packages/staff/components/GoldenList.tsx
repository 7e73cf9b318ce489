import { useCallback, useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { EmptyState, ErrorState, LoadingState } from '../../../components/StateViews';
import { loadGoldenTime } from '../../../services/staff';
import { GOLDEN_EMPTY_HINT, monthsText, reasonChips, type GoldenItem } from '../../../utils/golden-time';
import { starText } from '../../../utils/staff-labels';
import { appendPageBy } from '../../../utils/workbench';
import './GoldenList.scss';

type ListState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; items: GoldenItem[]; nextCursor?: string; more: { busy: boolean; error?: string } };

/**
 * The workbench's 黄金时间 list (`staff.goldenTime`, §5): my old customers in a golden window,
 * ranked, a page at a time, each with how to ask and the script, and 记录宣导. A new `refreshKey`
 * (the workbench shown again, back from an ask) reloads the first page, keeping the list shown
 * until the new one arrives: a customer just asked has left it (cooldown).
 */
export function GoldenList({
  empty,
  refreshKey,
  onAsk,
}: {
  empty: string;
  refreshKey: number;
  onAsk: (item: GoldenItem) => void;
}) {
  const [state, setState] = useState<ListState>({ status: 'loading' });
  // Only the latest first-page request may fill the list; a load-more of an older list is dropped.
  const latest = useRef(0);

  const load = useCallback(async () => {
    const request = ++latest.current;
    setState((s) => (s.status === 'ready' ? s : { status: 'loading' }));
    const res = await loadGoldenTime();
    if (latest.current !== request) return;
    setState(
      res.ok
        ? {
            status: 'ready',
            items: res.data.items,
            ...(res.data.nextCursor ? { nextCursor: res.data.nextCursor } : {}),
            more: { busy: false },
          }
        : { status: 'error', message: res.message },
    );
  }, []);

  useEffect(() => {
    void load();
  }, [load, refreshKey]);

  const loadMore = async (cursor: string) => {
    const request = latest.current;
    const patchMore = (more: { busy: boolean; error?: string }) =>
      setState((s) => (s.status === 'ready' ? { ...s, more } : s));
    patchMore({ busy: true });
    const res = await loadGoldenTime(cursor);
    if (latest.current !== request) return;
    if (!res.ok) return patchMore({ busy: false, error: res.message });
    setState((s) => {
      if (s.status !== 'ready') return s;
      return {
        status: 'ready',
        items: appendPageBy(s.items, res.data.items, (item) => item.customerId),
        ...(res.data.nextCursor ? { nextCursor: res.data.nextCursor } : {}),
        more: { busy: false },
      };
    });
  };

  if (state.status === 'loading') return <LoadingState text="正在加载黄金时间名单…" testId="golden-loading" />;
  if (state.status === 'error') {
    return <ErrorState message={state.message} onRetry={() => void load()} testId="golden-error" />;
  }
  if (state.items.length === 0) return <EmptyState title={empty} hint={GOLDEN_EMPTY_HINT} testId="golden-empty" />;
  return (
    <View data-testid="golden-list">
      <Text className="staff-hint golden-list__intro">
        按治疗时间、星级、满意度与带新经历排序，越靠前越值得邀请推荐
      </Text>
      {state.items.map((item) => (
        <GoldenCard key={item.customerId} item={item} onAsk={() => onAsk(item)} />
      ))}
      {state.nextCursor ? (
        <View
          className={`btn btn--ghost btn--block${state.more.busy ? ' btn--disabled' : ''}`}
          hoverClass="btn--pressed"
          data-testid="golden-more"
          onClick={() => !state.more.busy && state.nextCursor && void loadMore(state.nextCursor)}
        >
          {state.more.busy ? '正在加载…' : '加载更多'}
        </View>
      ) : null}
      {state.more.error ? (
        <Text className="field__error" data-testid="golden-more-error">
          {state.more.error}
        </Text>
      ) : null}
    </View>
  );
}

function GoldenCard({ item, onAsk }: { item: GoldenItem; onAsk: () => void }) {
  const chips = reasonChips(item);
  return (
    <View className="golden-card" data-testid={`golden-${item.customerId}`}>
      <View className="golden-card__head">
        <Text className="golden-card__name" data-testid="golden-name">
          {item.displayName}
        </Text>
        <Text className="tag" data-testid="golden-window">
          {item.windowLabel}
        </Text>
        {item.starLevel ? (
          <Text className="golden-card__stars" data-testid="golden-stars" aria-label={`${item.starLevel} 星`}>
            {starText(item.starLevel)}
          </Text>
        ) : null}
      </View>
      <Text className="golden-card__meta" data-testid="golden-meta">
        {item.maskedPhone} · {monthsText(item.monthsSinceTreatment)}
      </Text>
      {chips.length > 0 ? (
        <View className="golden-card__reasons" data-testid="golden-reasons">
          {chips.map((r) => (
            <Text key={r} className="tag tag--grey">
              {r}
            </Text>
          ))}
        </View>
      ) : null}
      <View className="golden-card__advice">
        <View className="golden-card__line">
          <Text className="golden-card__label">方式</Text>
          <Text className="golden-card__text" data-testid="golden-how">
            {item.how}
          </Text>
        </View>
        <View className="golden-card__line">
          <Text className="golden-card__label">话术</Text>
          <Text className="golden-card__text" data-testid="golden-talk">
            {item.talk}
          </Text>
        </View>
      </View>
      <View
        className="btn btn--ghost btn--block golden-card__ask"
        hoverClass="btn--pressed"
        data-testid={`golden-ask-${item.customerId}`}
        onClick={onAsk}
      >
        记录宣导
      </View>
    </View>
  );
}
