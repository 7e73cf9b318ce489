import { useCallback, useRef, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { TaskBucket, TaskCard } from '@clinic/shared';
import { EmptyState, ErrorState, LoadingState, PageError, PageLoading } from '../../../../components/StateViews';
import { PAGES } from '../../../../constants';
import { rememberDigestTemplate, subscribeToDigest } from '../../../../services/digest-subscription';
import { listTasks, loadWorkbench, type Workbench } from '../../../../services/staff';
import type { SubscribeOutcome } from '../../../../services/subscribe';
import { taskPageUrl } from '../../../../utils/customer-card';
import { clinicToday } from '../../../../utils/dates';
import { askFormUrl } from '../../../../utils/golden-time';
import { dueText, gradeLabel, remindText } from '../../../../utils/staff-labels';
import {
  DIGEST_SUBSCRIBE_PROMPT,
  DIGEST_SUBSCRIBE_TEXT,
  WORKBENCH_TABS,
  appendPage,
  countBadge,
  tabCount,
  type WorkbenchTab,
} from '../../../../utils/workbench';
import { GoldenList } from '../../components/GoldenList';
import { ReachBanner } from '../../components/ReachBanner';
import '../../staff.scss';
import './index.scss';

type BenchState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: Workbench };

type ListState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; items: TaskCard[]; nextCursor?: string; more: { busy: boolean; error?: string } };

/**
 * 员工工作台: today's, overdue and tomorrow's follow-up tasks (counts from `staff.workbench`, lists
 * from `staff.listTasks`, a page at a time), 黄金时间 (old customers to ask for a referral, §5),
 * the daily-digest subscription, and the entries: the desk, 回访核实 (when the caller verifies),
 * 我的业绩, 团队管理 (when the caller manages the team) and 逾期督办 (when the caller may chase and
 * reassign overdue follow-ups). The server checks every action again.
 */
export default function WorkbenchPage() {
  const [bench, setBench] = useState<BenchState>({ status: 'loading' });
  const [tab, setTab] = useState<WorkbenchTab>('today');
  const [lists, setLists] = useState<Partial<Record<TaskBucket, ListState>>>({});
  const [subscribe, setSubscribe] = useState<{ busy: boolean; outcome?: SubscribeOutcome }>({ busy: false });
  // Bumped on every show: the 黄金时间 list reloads (back from an ask, that customer has left it).
  const [shown, setShown] = useState(0);
  // Only the latest request of a bucket may fill its list (a quick reload wins over a slow one).
  const latest = useRef<Partial<Record<TaskBucket, number>>>({});
  const tabRef = useRef<WorkbenchTab>(tab);

  const loadBench = useCallback(async () => {
    setBench((b) => (b.status === 'ready' ? b : { status: 'loading' }));
    const res = await loadWorkbench();
    if (res.ok) rememberDigestTemplate({ id: res.data.digestTemplateId, longTerm: res.data.reach.longTerm });
    setBench(res.ok ? { status: 'ready', data: res.data } : { status: 'error', message: res.message });
  }, []);

  /** The first page of a bucket; a list already shown stays until the new one arrives. */
  const loadList = useCallback(async (bucket: TaskBucket) => {
    const request = (latest.current[bucket] ?? 0) + 1;
    latest.current[bucket] = request;
    setLists((l) => (l[bucket]?.status === 'ready' ? l : { ...l, [bucket]: { status: 'loading' } }));
    const res = await listTasks(bucket);
    if (latest.current[bucket] !== request) return;
    setLists((l) => ({
      ...l,
      [bucket]: res.ok
        ? {
            status: 'ready',
            items: res.data.items,
            ...(res.data.nextCursor ? { nextCursor: res.data.nextCursor } : {}),
            more: { busy: false },
          }
        : { status: 'error', message: res.message },
    }));
  }, []);

  const loadMore = async (bucket: TaskBucket, cursor: string) => {
    const request = latest.current[bucket] ?? 0;
    const patchMore = (more: { busy: boolean; error?: string }) =>
      setLists((l) => {
        const s = l[bucket];
        return s?.status === 'ready' ? { ...l, [bucket]: { ...s, more } } : l;
      });
    patchMore({ busy: true });
    const res = await listTasks(bucket, cursor);
    if (latest.current[bucket] !== request) return;
    if (!res.ok) return patchMore({ busy: false, error: res.message });
    setLists((l) => {
      const s = l[bucket];
      if (s?.status !== 'ready') return l;
      return {
        ...l,
        [bucket]: {
          status: 'ready',
          items: appendPage(s.items, res.data.items),
          ...(res.data.nextCursor ? { nextCursor: res.data.nextCursor } : {}),
          more: { busy: false },
        },
      };
    });
  };

  const bucketOf = (t: WorkbenchTab) => WORKBENCH_TABS.find((x) => x.tab === t)?.bucket;

  // Every show (back from a task, say) refreshes the counts and the open tab; other tabs reload when opened.
  useDidShow(() => {
    void loadBench();
    setShown((n) => n + 1);
    const bucket = bucketOf(tabRef.current);
    setLists((l) => (bucket && l[bucket] ? { [bucket]: l[bucket] } : {}));
    if (bucket) void loadList(bucket);
  });

  const choose = (t: WorkbenchTab) => {
    tabRef.current = t;
    setTab(t);
    const bucket = bucketOf(t);
    if (bucket && !lists[bucket]) void loadList(bucket);
  };

  const resubscribe = async (templateId: string) => {
    if (subscribe.busy) return;
    setSubscribe({ busy: true });
    const outcome = await subscribeToDigest(templateId, DIGEST_SUBSCRIBE_PROMPT);
    setSubscribe({ busy: false, outcome });
    // The bank grew: the reach banner and its count follow.
    if (outcome === 'accepted') void loadBench();
  };

  const go = (url: string) => void Taro.navigateTo({ url });

  if (bench.status === 'loading') return <PageLoading text="正在加载工作台…" testId="workbench-loading" />;
  if (bench.status === 'error') {
    return <PageError message={bench.message} onRetry={() => void loadBench()} testId="workbench-error" />;
  }

  const { data } = bench;
  const today = clinicToday();
  const current = WORKBENCH_TABS.find((t) => t.tab === tab) ?? WORKBENCH_TABS[0];
  return (
    <View className="page staff workbench" data-testid="workbench-page">
      <View className="card">
        <Text className="card__title" data-testid="workbench-staff">
          {data.staffName}
        </Text>
        <Text className="card__subtitle">
          {data.postLabel} · {data.storeName}
        </Text>
        <View className="staff-row workbench__entries">
          <View
            className="btn"
            hoverClass="btn--pressed"
            data-testid="entry-check-in"
            onClick={() => go(PAGES.checkIn)}
          >
            到院签到
          </View>
          <View
            className="btn btn--ghost"
            hoverClass="btn--pressed"
            data-testid="entry-desk-filing"
            onClick={() => go(PAGES.deskFiling)}
          >
            前台建档
          </View>
          {data.canVerify ? (
            <View
              className="btn btn--ghost"
              hoverClass="btn--pressed"
              data-testid="entry-verification"
              onClick={() => go(PAGES.verification)}
            >
              回访核实
            </View>
          ) : null}
          <View
            className="btn btn--ghost"
            hoverClass="btn--pressed"
            data-testid="entry-figures"
            onClick={() => go(PAGES.figures)}
          >
            我的业绩
          </View>
          {data.canManageTeam ? (
            <View
              className="btn btn--ghost"
              hoverClass="btn--pressed"
              data-testid="entry-team"
              onClick={() => go(PAGES.team)}
            >
              团队管理
            </View>
          ) : null}
          {data.canReassign ? (
            <View
              className="btn btn--ghost"
              hoverClass="btn--pressed"
              data-testid="entry-escalations"
              onClick={() => go(PAGES.escalations)}
            >
              逾期督办
            </View>
          ) : null}
        </View>
      </View>

      <ReachBanner
        reach={data.reach}
        inAppUnread={data.inAppUnread}
        templateId={data.digestTemplateId}
        onChanged={() => void loadBench()}
      />
      {/* Stocking up while WeChat can reach the colleague; when it cannot, the banner above asks. */}
      {data.reach.reachable && !data.reach.longTerm ? (
        <View className="card workbench-subscribe" data-testid="subscribe-row">
          <View className="workbench-subscribe__main">
            <View className="workbench-subscribe__text">
              <Text className="workbench-subscribe__title">每日回访汇总提醒</Text>
              <Text className="staff-hint" data-testid="subscribe-left">
                {`微信提醒还剩 ${data.reach.digestGrants} 次，每订阅一次可多提醒一次`}
              </Text>
            </View>
            <View
              className={`btn btn--ghost btn--small${subscribe.busy ? ' btn--disabled' : ''}`}
              hoverClass="btn--pressed"
              data-testid="subscribe-button"
              onClick={() => void resubscribe(data.digestTemplateId)}
            >
              {subscribe.busy ? '请稍候…' : '一键订阅'}
            </View>
          </View>
          {subscribe.outcome ? (
            <Text
              className={`workbench-subscribe__result${subscribe.outcome === 'accepted' ? '' : ' workbench-subscribe__result--warn'}`}
              data-testid="subscribe-result"
            >
              {DIGEST_SUBSCRIBE_TEXT[subscribe.outcome]}
            </Text>
          ) : null}
        </View>
      ) : null}

      <View className="card workbench__list">
        <View className="tabs" data-testid="workbench-tabs">
          {WORKBENCH_TABS.map((t) => {
            const count = tabCount(t, data.counts);
            const active = t.tab === tab;
            return (
              <View
                key={t.tab}
                className={`tab${active ? ' tab--active' : ''}${t.tab === 'overdue' && count ? ' tab--alert' : ''}`}
                data-testid={`tab-${t.tab}`}
                data-active={active ? 'true' : 'false'}
                onClick={() => choose(t.tab)}
              >
                <Text className="tab__label">{t.label}</Text>
                {count !== undefined ? (
                  <Text className="tab__count" data-testid={`tab-count-${t.tab}`}>
                    {countBadge(count)}
                  </Text>
                ) : null}
              </View>
            );
          })}
        </View>
        {current.bucket ? (
          <TaskList
            bucket={current.bucket}
            empty={current.empty}
            state={lists[current.bucket]}
            today={today}
            onRetry={(b) => void loadList(b)}
            onMore={(b, cursor) => void loadMore(b, cursor)}
            onOpen={(task) => go(taskPageUrl(PAGES.staffTask, task.id))}
          />
        ) : (
          <GoldenList
            empty={current.empty}
            refreshKey={shown}
            onAsk={(item) => go(askFormUrl(PAGES.goldenAsk, item))}
          />
        )}
      </View>
    </View>
  );
}

function TaskList({
  bucket,
  empty,
  state,
  today,
  onRetry,
  onMore,
  onOpen,
}: {
  bucket: TaskBucket;
  empty: string;
  state: ListState | undefined;
  today: string;
  onRetry: (bucket: TaskBucket) => void;
  onMore: (bucket: TaskBucket, cursor: string) => void;
  onOpen: (task: TaskCard) => void;
}) {
  if (!state || state.status === 'loading') return <LoadingState text="正在加载任务…" testId="tasks-loading" />;
  if (state.status === 'error') {
    return <ErrorState message={state.message} onRetry={() => onRetry(bucket)} testId="tasks-error" />;
  }
  if (state.items.length === 0) return <EmptyState title={empty} testId="tasks-empty" />;
  return (
    <View data-testid={`tasks-${bucket}`}>
      {state.items.map((task) => (
        <View
          key={task.id}
          className="task-card"
          hoverClass="btn--pressed"
          data-testid={`task-${task.id}`}
          onClick={() => onOpen(task)}
        >
          <View className="task-card__head">
            <Text className="task-card__name">{task.displayName}</Text>
            <Text className="tag">{task.kindLabel}</Text>
            {task.grade ? <Text className="tag tag--grey">{gradeLabel(task.grade)}</Text> : null}
          </View>
          <Text className={`task-card__due${task.overdueDays > 0 ? ' task-card__due--overdue' : ''}`}>
            {dueText(task, today)}
            {task.remindAt ? ` · ${remindText(task.remindAt, today)}` : ''}
          </Text>
          <Text className="task-card__phone muted">{task.maskedPhone}</Text>
          <Text className="task-card__go">›</Text>
        </View>
      ))}
      {state.nextCursor ? (
        <View
          className={`btn btn--ghost btn--block${state.more.busy ? ' btn--disabled' : ''}`}
          hoverClass="btn--pressed"
          data-testid="tasks-more"
          onClick={() => !state.more.busy && state.nextCursor && onMore(bucket, state.nextCursor)}
        >
          {state.more.busy ? '正在加载…' : '加载更多'}
        </View>
      ) : null}
      {state.more.error ? (
        <Text className="field__error" data-testid="tasks-more-error">
          {state.more.error}
        </Text>
      ) : null}
    </View>
  );
}
