import { useCallback, useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { EmptyState, ErrorState, LoadingState, PageError, PageLoading } from '../../../../components/StateViews';
import { loadDashboard, type DashboardQuery, type DashboardView } from '../../../../services/reports';
import { login } from '../../../../services/user';
import { monthNav, monthTitle } from '../../utils/month-switcher';
import { FunnelSection } from '../../components/FunnelSection';
import { ShareSection } from '../../components/ShareSection';
import { SlipsSection } from '../../components/SlipsSection';
import { TargetsSection } from '../../components/TargetsSection';
import { TrendSection } from '../../components/TrendSection';
import { monthDayText } from '../../utils/month-target';
import { storeIdOf, storeOptions } from '../../utils/store-picker';
import './index.scss';

type Access =
  { status: 'checking' } | { status: 'error'; message: string } | { status: 'denied' } | { status: 'allowed' };
type Board =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; dashboard: DashboardView };

/**
 * 经营看板 for store managers and general managers: the referral channel's month at a glance. Whoever
 * opens it — a hidden link is no guard — is checked again against the roles the server reads from the
 * staff records, and the reports function answers only for the caller's own scope (a store manager
 * sees their store; the store picker is there only when the server offers more than one store).
 * The current month is the server's: the first answer (no month asked) names it.
 */
export default function Dashboard() {
  const [access, setAccess] = useState<Access>({ status: 'checking' });
  const [board, setBoard] = useState<Board>({ status: 'loading' });
  const [current, setCurrent] = useState('');
  const [query, setQuery] = useState<DashboardQuery>({});
  const latest = useRef(0);

  const fetchBoard = useCallback(async (wanted: DashboardQuery) => {
    const request = ++latest.current;
    setQuery(wanted);
    setBoard({ status: 'loading' });
    const res = await loadDashboard(wanted);
    if (request !== latest.current) return;
    if (!res.ok) {
      if (res.code === 'FORBIDDEN') return setAccess({ status: 'denied' });
      return setBoard({ status: 'error', message: res.message });
    }
    if (!wanted.month) setCurrent(res.data.month);
    setBoard({ status: 'ready', dashboard: res.data });
  }, []);

  const start = useCallback(async () => {
    setAccess({ status: 'checking' });
    const res = await login();
    if (!res.ok) return setAccess({ status: 'error', message: res.message });
    const manager = res.data.roles.includes('manager') || res.data.roles.includes('admin');
    if (!manager) return setAccess({ status: 'denied' });
    setAccess({ status: 'allowed' });
    await fetchBoard({});
  }, [fetchBoard]);

  useEffect(() => {
    void start();
  }, [start]);

  if (access.status === 'checking') return <PageLoading text="正在核对权限…" testId="admin-loading" />;
  if (access.status === 'error') return <PageError message={access.message} onRetry={() => void start()} />;
  if (access.status === 'denied') {
    return (
      <View className="page dashboard">
        <View className="card" data-testid="admin-denied">
          <EmptyState title="无权查看经营看板" hint="经营看板仅向店长、总经理与管理员开放" />
        </View>
      </View>
    );
  }
  // Until the first answer names the current month there is nothing to switch between.
  if (!current) {
    if (board.status === 'error') {
      return <PageError message={board.message} onRetry={() => void fetchBoard({})} testId="dashboard-error" />;
    }
    return <PageLoading text="正在加载经营看板…" testId="dashboard-loading" />;
  }

  const month = query.month ?? current;
  const nav = monthNav(month, current);
  // A month keeps the store chosen, a store keeps the month.
  const go = (patch: { month?: string; storeKey?: string }) => {
    const storeId = patch.storeKey !== undefined ? storeIdOf(patch.storeKey) : query.storeId;
    void fetchBoard({ month: patch.month ?? month, ...(storeId ? { storeId } : {}) });
  };
  const shown = board.status === 'ready' ? board.dashboard : null;
  const stores = shown ? storeOptions(shown) : [];

  return (
    <View className="page dashboard" data-testid="dashboard-page">
      <View className="card dashboard__head">
        <Text className="card__title">经营看板</Text>
        {shown ? (
          <Text className="card__subtitle" data-testid="dashboard-scope">
            {shown.scope.label} · 截至 {monthDayText(shown.asOf)} · 已过 {shown.daysElapsed}/{shown.daysInMonth} 天
          </Text>
        ) : null}
        <View className="dashboard__months" data-testid="dashboard-months">
          <View
            className="btn btn--ghost btn--small dashboard__nav"
            hoverClass="btn--pressed"
            data-testid="month-prev"
            onClick={() => go({ month: nav.prev })}
          >
            ‹ 上月
          </View>
          <Text className="dashboard__month" data-testid="month-title">
            {monthTitle(month, current)}
          </Text>
          <View
            className={`btn btn--ghost btn--small dashboard__nav${nav.next ? '' : ' btn--disabled'}`}
            hoverClass="btn--pressed"
            data-testid="month-next"
            data-disabled={nav.next ? 'false' : 'true'}
            onClick={() => nav.next && go({ month: nav.next })}
          >
            下月 ›
          </View>
        </View>
        {stores.length > 0 ? (
          <View className="chips dashboard__stores" data-testid="store-picker">
            {stores.map((s) => (
              <View
                key={s.key}
                className={`chip${s.selected ? ' chip--active' : ''}`}
                hoverClass="btn--pressed"
                data-testid={`store-${s.key}`}
                data-selected={s.selected ? 'true' : 'false'}
                onClick={() => !s.selected && go({ storeKey: s.key })}
              >
                {s.label}
              </View>
            ))}
          </View>
        ) : null}
      </View>

      {board.status === 'loading' ? (
        <View className="card">
          <LoadingState text="正在加载经营看板…" testId="dashboard-loading" />
        </View>
      ) : null}
      {board.status === 'error' ? (
        <View className="card">
          <ErrorState message={board.message} onRetry={() => void fetchBoard(query)} testId="dashboard-error" />
        </View>
      ) : null}
      {shown ? (
        <>
          <ShareSection share={shown.referralShare} />
          <TargetsSection rows={shown.monthTarget} daysInMonth={shown.daysInMonth} daysElapsed={shown.daysElapsed} />
          <FunnelSection funnel={shown.funnel} />
          <TrendSection weeks={shown.weeklyTrend} />
          <SlipsSection slips={shown.slips} />
        </>
      ) : null}
    </View>
  );
}
