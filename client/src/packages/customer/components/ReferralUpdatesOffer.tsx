import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { subscribeToReferralUpdates } from '../../../services/customer-subscription';
import './ReferralUpdatesOffer.scss';

/**
 * On the referral card: 好友进度提醒. Each 允许 covers one more update (好友已预约 / 已到院 /
 * 奖励已到账, WeChat's one-time messages), so the card says how many are left and offers more.
 */
export function ReferralUpdatesOffer({
  templateId,
  grants,
  onSubscribed,
}: {
  templateId: string;
  grants: number;
  onSubscribed: (grants: number) => void;
}) {
  const [note, setNote] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);

  const ask = async () => {
    setAsking(true);
    const outcome = await subscribeToReferralUpdates(templateId);
    setAsking(false);
    if (outcome === 'accepted') {
      onSubscribed(grants + 1);
      setNote('已开启，好友有新进展时会通过微信通知您');
    } else {
      setNote(outcome === 'rejected' ? '未开启提醒，好友进度仍可在下方“我的推荐”中查看' : '提醒开启失败，请稍后重试');
    }
  };

  return (
    <View className="card" data-testid="referral-updates">
      <Text className="card__title">好友进度提醒</Text>
      <View className="referral-updates__line">
        <Text className="muted">好友预约、到院，或您的推荐奖励到账时，通过微信通知您。</Text>
      </View>
      <View className="referral-updates__line">
        <Text data-testid="referral-updates-left">
          {grants > 0 ? `还可通知您 ${grants} 次，多开启几次可收到每一步进展` : '尚未开启，开启后才能收到微信通知'}
        </Text>
      </View>
      <View
        className={`btn btn--block${asking ? ' btn--disabled' : ''}`}
        hoverClass="btn--pressed"
        data-testid="referral-updates-subscribe"
        onClick={() => !asking && void ask()}
      >
        {grants > 0 ? '再开启一次' : '开启好友进度提醒'}
      </View>
      {note ? (
        <Text className="muted" data-testid="referral-updates-note">
          {note}
        </Text>
      ) : null}
    </View>
  );
}
