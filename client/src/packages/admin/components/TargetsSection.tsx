import { Text, View } from '@tarojs/components';
import { EmptyState } from '../../../components/StateViews';
import { targetRowView, timeProgressRule, type TargetRow } from '../utils/month-target';

/**
 * 本月目标与时间进度: a bar per metric filled to its attainment, with a line where the time progress
 * says the month should be by now; 未设目标 where nobody in scope has a target.
 */
export function TargetsSection({
  rows,
  daysInMonth,
  daysElapsed,
}: {
  rows: readonly TargetRow[];
  daysInMonth: number;
  daysElapsed: number;
}) {
  return (
    <View className="card dashboard__section" data-testid="targets-card">
      <Text className="card__title">本月目标与时间进度</Text>
      <Text className="card__subtitle" data-testid="targets-rule">
        {timeProgressRule(daysInMonth, daysElapsed)}
      </Text>
      {rows.length === 0 ? <EmptyState title="暂无目标数据" testId="targets-empty" /> : null}
      {rows.map((row) => {
        const v = targetRowView(row);
        const id = `target-${v.metric}`;
        return (
          <View className="goal" key={v.metric} data-testid={id}>
            <View className="goal__line">
              <Text className="goal__label">{v.label}</Text>
              <Text className="goal__actual" data-testid={`${id}-actual`}>
                {v.actual}
              </Text>
            </View>
            <View className="goal__line goal__line--sub">
              <Text className={v.hasTarget ? 'goal__meta' : 'goal__meta goal__meta--none'} data-testid={`${id}-target`}>
                {v.target}
              </Text>
              {v.timeProgress ? (
                <Text className="goal__meta" data-testid={`${id}-time`}>
                  {v.timeProgress}
                </Text>
              ) : null}
            </View>
            {v.hasTarget ? (
              <View className="goal__bar" data-testid={`${id}-bar`} data-percent={String(v.fillPercent)}>
                <View className={`goal__fill goal__fill--${v.pace ?? 'on'}`} style={{ width: `${v.fillPercent}%` }} />
                {v.markerPercent !== undefined ? (
                  <View
                    className="goal__marker"
                    data-testid={`${id}-marker`}
                    data-percent={String(v.markerPercent)}
                    style={{ left: `${v.markerPercent}%` }}
                  />
                ) : null}
              </View>
            ) : null}
            {v.hasTarget ? (
              <View className="goal__line goal__line--sub">
                {v.paceText ? (
                  <Text className={`goal__pace goal__pace--${v.pace}`} data-testid={`${id}-pace`} data-pace={v.pace}>
                    {v.paceText}
                  </Text>
                ) : (
                  <Text />
                )}
                {v.attainment ? (
                  <Text className="goal__attainment" data-testid={`${id}-attainment`}>
                    {v.attainment}
                  </Text>
                ) : null}
              </View>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}
