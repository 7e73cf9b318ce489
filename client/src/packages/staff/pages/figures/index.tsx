import { useCallback, useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ErrorState, LoadingState } from '../../../../components/StateViews';
import { loadMyFigures, type MyFigures } from '../../../../services/staff-team';
import { followUpView, kpiView, monthNav, monthTitle } from '../../../../utils/figures';
import '../../staff.scss';
import './index.scss';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; figures: MyFigures };

/**
 * 我的业绩: my §4 KPIs of a month against the targets my manager set (attainment, a progress bar,
 * 未设目标 without one) and my follow-ups of the month. The current month is the server's: the
 * first answer (no month asked) names it, and the switcher goes back from there, never beyond it.
 */
export default function FiguresPage() {
  const [current, setCurrent] = useState('');
  const [month, setMonth] = useState('');
  const [state, setState] = useState<State>({ status: 'loading' });
  const latest = useRef(0);

  const load = useCallback(async (wanted: string) => {
    const request = ++latest.current;
    setState({ status: 'loading' });
    const res = await loadMyFigures(wanted || undefined);
    if (request !== latest.current) return;
    if (!res.ok) return setState({ status: 'error', message: res.message });
    if (!wanted) {
      setCurrent(res.data.month);
      setMonth(res.data.month);
    }
    setState({ status: 'ready', figures: res.data });
  }, []);

  useEffect(() => {
    void load('');
  }, [load]);

  const go = (m: string) => {
    setMonth(m);
    void load(m);
  };

  const nav = month && current ? monthNav(month, current) : null;
  return (
    <View className="page staff figures" data-testid="figures-page">
      <View className="card figures__months" data-testid="figures-months">
        <View
          className={`btn btn--ghost btn--small figures__nav${nav ? '' : ' btn--disabled'}`}
          hoverClass="btn--pressed"
          data-testid="month-prev"
          onClick={() => nav && go(nav.prev)}
        >
          ‹ 上月
        </View>
        <Text className="figures__month" data-testid="month-title">
          {month ? monthTitle(month, current) : '本月'}
        </Text>
        <View
          className={`btn btn--ghost btn--small figures__nav${nav?.next ? '' : ' btn--disabled'}`}
          hoverClass="btn--pressed"
          data-testid="month-next"
          data-disabled={nav?.next ? 'false' : 'true'}
          onClick={() => nav?.next && go(nav.next)}
        >
          下月 ›
        </View>
      </View>

      {state.status === 'loading' ? (
        <View className="card">
          <LoadingState text="正在加载业绩…" testId="figures-loading" />
        </View>
      ) : null}
      {state.status === 'error' ? (
        <View className="card">
          <ErrorState message={state.message} onRetry={() => void load(month)} testId="figures-error" />
        </View>
      ) : null}
      {state.status === 'ready' ? <Figures figures={state.figures} /> : null}
    </View>
  );
}

function Figures({ figures }: { figures: MyFigures }) {
  const follow = followUpView(figures.followUps);
  const anyTarget = figures.kpis.some((k) => k.target !== undefined);
  return (
    <>
      <View className="card" data-testid="figures-kpis">
        <Text className="card__title">考核指标</Text>
        {anyTarget ? null : (
          <Text className="card__subtitle" data-testid="figures-no-targets">
            该月尚未设定目标（由店长或管理员设定）
          </Text>
        )}
        {figures.kpis.map((row) => {
          const v = kpiView(row);
          return (
            <View className="kpi" key={v.metric} data-testid={`kpi-${v.metric}`}>
              <View className="kpi__line">
                <Text className="kpi__label">{v.label}</Text>
                <Text className="kpi__actual" data-testid={`kpi-${v.metric}-actual`}>
                  {v.actual}
                </Text>
              </View>
              <View className="kpi__line kpi__line--sub">
                <Text
                  className={v.hasTarget ? 'kpi__target' : 'kpi__target kpi__target--none'}
                  data-testid={`kpi-${v.metric}-target`}
                >
                  {v.target}
                </Text>
                {v.attainment ? (
                  <Text
                    className={`kpi__attainment${v.reached ? ' kpi__attainment--reached' : ''}`}
                    data-testid={`kpi-${v.metric}-attainment`}
                  >
                    完成 {v.attainment}
                  </Text>
                ) : null}
              </View>
              {v.hasTarget ? (
                <View className="kpi__bar" data-testid={`kpi-${v.metric}-bar`} data-percent={String(v.percent)}>
                  <View
                    className={`kpi__fill${v.reached ? ' kpi__fill--reached' : ''}`}
                    style={{ width: `${v.percent}%` }}
                  />
                </View>
              ) : null}
            </View>
          );
        })}
      </View>

      <View className="card" data-testid="figures-follow-ups">
        <Text className="card__title">本月回访</Text>
        <View className="figures__stats">
          <View className="figures__stat">
            <Text className="figures__stat-value" data-testid="follow-due">
              {follow.due}
            </Text>
            <Text className="figures__stat-label">应完成</Text>
          </View>
          <View className="figures__stat">
            <Text className="figures__stat-value" data-testid="follow-on-time">
              {follow.onTime}
            </Text>
            <Text className="figures__stat-label">按时完成</Text>
          </View>
          <View className="figures__stat">
            <Text
              className={`figures__stat-value${figures.followUps.overdue > 0 ? ' figures__stat-value--alert' : ''}`}
              data-testid="follow-overdue"
            >
              {follow.overdue}
            </Text>
            <Text className="figures__stat-label">逾期</Text>
          </View>
        </View>
        {follow.rate ? (
          <Text className="staff-hint" data-testid="follow-rate">
            {follow.rate}
          </Text>
        ) : null}
      </View>
    </>
  );
}
