import { Text, View } from '@tarojs/components';
import type { AttributionView } from '@clinic/shared';
import { channelLine } from '../../../utils/staff-labels';

/**
 * The attribution as the desk shows it (check-in and desk filing): final channel and level, the
 * credited staff member, the referrer (masked, R9) and the rule that decided it with its explanation.
 */
export function AttributionCard({ attribution: a }: { attribution: AttributionView }) {
  return (
    <View className="attribution" data-testid="attribution">
      <View className="kv">
        <Text className="kv__key">归属渠道</Text>
        <Text className="kv__value" data-testid="attribution-channel">
          {channelLine(a)}
          {a.provisional ? '（暂定，首次到院后确定）' : ''}
        </Text>
      </View>
      <View className="kv">
        <Text className="kv__key">业绩归属</Text>
        <Text className="kv__value" data-testid="attribution-staff">
          {a.creditedStaffName ?? '未指定'}
        </Text>
      </View>
      {a.referrerDisplayName ? (
        <View className="kv">
          <Text className="kv__key">推荐老客</Text>
          <Text className="kv__value" data-testid="attribution-referrer">
            {a.referrerDisplayName}
          </Text>
        </View>
      ) : null}
      <View className="attribution__rule" data-testid="attribution-rule">
        <Text className="attribution__rule-id">{a.rule}</Text>
        <Text data-testid="attribution-explanation">{a.explanation}</Text>
      </View>
    </View>
  );
}
