import { useMemo } from 'react';
import { Text, View } from '@tarojs/components';
import { gaugeSpec, shareView, type ReferralShare } from '../utils/share-gauge';
import { ShareGauge } from './charts/ShareGauge';
import { Phrases } from './Phrases';

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
      <Phrases
        className={`dashboard__share-line${view.met ? ' dashboard__good' : ''}`}
        parts={[
          { text: `本月占比 ${view.share}`, testId: 'share-value' },
          { text: `目标 ${view.target}`, testId: 'share-target' },
          { text: view.gap, testId: 'share-gap' },
        ]}
      />
      <View className="dashboard__stats">
        <View className="dashboard__stat">
          <Text className="dashboard__stat-value" data-testid="share-referral">
            {view.referralRevenue}
          </Text>
          <Text className="dashboard__stat-label">老带新业绩</Text>
        </View>
        <View className="dashboard__stat">
          <Text className="dashboard__stat-value" data-testid="share-total">
            {view.totalRevenue}
          </Text>
          <Text className="dashboard__stat-label">总业绩</Text>
        </View>
      </View>
      {view.noRevenue ? (
        <Text className="dashboard__note" data-testid="share-no-revenue">
          本月尚无业绩入账
        </Text>
      ) : null}
    </View>
  );
}
