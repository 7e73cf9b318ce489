import { useMemo, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { EmptyState } from '../../../components/StateViews';
import { TREND_MODES, latestWeekText, trendSpec, type TrendMode, type TrendWeek } from '../utils/trend-chart';
import { TrendChart } from './charts/TrendChart';
import { Phrases } from './Phrases';

/** 近8周趋势: people (建档 / 到院 / 成交) or money (总业绩 / 老带新业绩) week by week, Monday to Sunday. */
export function TrendSection({ weeks }: { weeks: readonly TrendWeek[] }) {
  const [mode, setMode] = useState<TrendMode>('counts');
  const spec = useMemo(() => trendSpec(weeks, mode), [weeks, mode]);
  const latest = latestWeekText(weeks);
  const summary = latest ? `${latest.lead}：${latest.parts.join('，')}` : '';
  return (
    <View className="card dashboard__section" data-testid="trend-card">
      <View className="dashboard__title-row">
        <Text className="card__title">近8周趋势</Text>
        <View className="chips dashboard__modes" data-testid="trend-modes">
          {TREND_MODES.map((m) => (
            <View
              key={m.mode}
              className={`chip chip--small${m.mode === mode ? ' chip--active' : ''}`}
              hoverClass="btn--pressed"
              data-testid={`trend-mode-${m.mode}`}
              data-selected={m.mode === mode ? 'true' : 'false'}
              onClick={() => setMode(m.mode)}
            >
              {m.label}
            </View>
          ))}
        </View>
      </View>
      {spec.empty ? (
        <EmptyState title="近8周暂无数据" testId="trend-empty" />
      ) : (
        <TrendChart spec={spec} summary={summary} testId="trend-chart" />
      )}
      {latest ? (
        <Phrases
          className="dashboard__note"
          lead={latest.lead}
          parts={latest.parts.map((text) => ({ text }))}
          testId="trend-latest"
        />
      ) : null}
    </View>
  );
}
