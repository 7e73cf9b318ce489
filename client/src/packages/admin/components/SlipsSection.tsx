import { Text, View } from '@tarojs/components';
import { EmptyState } from '../../../components/StateViews';
import { slipView, type Slip } from '../utils/slips';
import { Phrases } from './Phrases';

/** 今日偏差: who is furthest behind their plan to date, worst first as the server ranked them. */
export function SlipsSection({ slips }: { slips: readonly Slip[] }) {
  return (
    <View className="card dashboard__section" data-testid="slips-card">
      <Text className="card__title">今日偏差</Text>
      <Text className="card__subtitle">截至今天落后于月计划最多的人，偏差最大的在前</Text>
      {slips.length === 0 ? (
        <EmptyState title="今日无偏差" hint="所有人都跟上了本月的计划进度" testId="slips-empty" />
      ) : (
        <View data-testid="slips-list">
          {slips.map((slip) => {
            const v = slipView(slip);
            return (
              <View className="slip" key={v.key} data-testid="slip-item" data-staff={slip.staffId}>
                <View className="slip__line">
                  <Text className="slip__name">{v.name}</Text>
                  <Text className="slip__post">{v.post}</Text>
                  <Text className={`slip__deviation${v.behind ? ' slip__deviation--behind' : ''}`}>{v.deviation}</Text>
                </View>
                <Phrases className="slip__detail" lead={v.metric} parts={[{ text: v.due }, { text: v.actual }]} />
              </View>
            );
          })}
        </View>
      )}
    </View>
  );
}
