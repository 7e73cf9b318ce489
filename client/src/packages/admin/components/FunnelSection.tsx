import { useMemo } from 'react';
import { Text, View } from '@tarojs/components';
import { EmptyState } from '../../../components/StateViews';
import { funnelSpec, type FunnelRow } from '../utils/funnel-chart';
import { FunnelChart } from './charts/FunnelChart';

/** 转化漏斗: 建档 → 预约 → 到院 → 成交, the funnel drawn, then each step's count and rate in words. */
export function FunnelSection({ funnel }: { funnel: readonly FunnelRow[] }) {
  const spec = useMemo(() => funnelSpec(funnel), [funnel]);
  return (
    <View className="card dashboard__section" data-testid="funnel-card">
      <Text className="card__title">转化漏斗</Text>
      <Text className="card__subtitle">本月老带新各环节人数，转化率对比上一环节</Text>
      {spec.empty ? (
        <EmptyState title="本月暂无转化数据" hint="有老带新建档后，这里会显示各环节的转化" testId="funnel-empty" />
      ) : (
        <FunnelChart
          spec={spec}
          summary={spec.steps.map((s) => `${s.label} ${s.count}${s.rate ? `（${s.rate}）` : ''}`).join('，')}
          testId="funnel-chart"
        />
      )}
      <View className="funnel-steps">
        {spec.steps.map((s, i) => (
          <View className="funnel-step" key={s.step} data-testid={`funnel-step-${s.step}`}>
            <Text className="funnel-step__label">
              {i > 0 ? '→ ' : ''}
              {s.label}
            </Text>
            <Text className="funnel-step__count" data-testid={`funnel-step-${s.step}-count`}>
              {s.count}
            </Text>
            <Text className="funnel-step__rate" data-testid={`funnel-step-${s.step}-rate`}>
              {s.rate ?? (i === 0 ? '起点' : '—')}
            </Text>
          </View>
        ))}
      </View>
    </View>
  );
}
