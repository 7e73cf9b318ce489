import { useMemo } from 'react';
import { Text, View } from '@tarojs/components';
import { gaugeSpec, shareView, type ReferralShare } from '../utils/share-gauge';
import { ShareGauge } from './charts/ShareGauge';

/** 老带新业绩占比: the share against its target, met or not, and the two revenues it comes from. */
export function ShareSection({ share }: { share: ReferralShare }) {
  const view = useMemo(() => shareView(share), [share]);
  const spec = useMemo(() => gaugeSpec(share), [share]);
  return (
    <View className="card dashboard__section" data-testid="share-card">
      <View className="dashboard__title-row">
        <Text className="card__title">老带新业绩占比</Text>
        <Text
          className={`dashboard__badge${view.met ? ' dashboard__badge--met' : ''}`}
          data-testid="share-status"
          data-met={view.met ? 'true' : 'false'}
        >
          {view.met ? '✓ ' : ''}
          {view.status}
        </Text>
      </View>
      <ShareGauge
        spec={spec}
        shareText={view.share}
        targetText={view.target}
        summary={`老带新业绩占比 ${view.share}，目标 ${view.target}，${view.status}`}
        testId="share-gauge"
      />
      <View className="dashboard__stats">
        <View className="dashboard__stat">
          <Text className="dashboard__stat-value" data-testid="share-value">
            {view.share}
          </Text>
          <Text className="dashboard__stat-label">本月占比</Text>
        </View>
        <View className="dashboard__stat">
          <Text className="dashboard__stat-value" data-testid="share-target">
            {view.target}
          </Text>
          <Text className="dashboard__stat-label">目标占比</Text>
        </View>
      </View>
      <Text className={`dashboard__note${view.met ? ' dashboard__note--good' : ''}`} data-testid="share-gap">
        {view.gap}
      </Text>
      <View className="dashboard__line">
        <Text className="dashboard__line-label">老带新业绩</Text>
        <Text className="dashboard__line-value" data-testid="share-referral">
          {view.referralRevenue}
        </Text>
      </View>
      <View className="dashboard__line">
        <Text className="dashboard__line-label">总业绩</Text>
        <Text className="dashboard__line-value" data-testid="share-total">
          {view.totalRevenue}
        </Text>
      </View>
      {view.noRevenue ? (
        <Text className="dashboard__note" data-testid="share-no-revenue">
          本月尚无业绩入账
        </Text>
      ) : null}
    </View>
  );
}
