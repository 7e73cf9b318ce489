import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ClinicHeader } from '../../components/ClinicHeader';
import { DemoSignIn } from '../../components/DemoSignIn';
import { MemberCard } from '../../components/MemberCard';
import { RoleEntries } from '../../components/RoleEntries';
import { StoresCard } from '../../components/StoresCard';
import { PAGES } from '../../constants';
import { useMember } from '../../hooks/use-member';
import { takeFlash, type Flash } from '../../services/flash';
import { getKeptReferral, type KeptReferral } from '../../services/kept-referral';
import { openPage } from '../../services/navigation';
import { hasReferralCard, standingOf } from '../../utils/member';
import './index.scss';

/**
 * 首页 (tab). Who the person is to the clinic (新客 / 老客) and what they can do now: book a visit,
 * for a 老客 share the referral card, for staff and managers their entries. In H5 a demo identity
 * is chosen first in the 演示登录 panel, which does not exist in the weapp build.
 */
export default function Index() {
  const { state, signIn } = useMember({ demoPanel: true });
  const [flash] = useState<Flash | null>(() => takeFlash());
  const [kept] = useState<KeptReferral | null>(() => getKeptReferral());
  const retry = useCallback(() => void signIn(), [signIn]);

  const record = state.status === 'success' ? state.record : null;
  const standing = record ? standingOf(record) : 'visitor';

  return (
    <View className="home">
      <ClinicHeader />
      <View className="home__body">
        {flash ? (
          <View className="notice" data-testid="home-notice">
            {flash.title ? <Text className="notice__title">{flash.title}</Text> : null}
            <Text>{flash.message}</Text>
          </View>
        ) : null}
        {kept && standing === 'visitor' ? (
          <View className="notice notice--info" data-testid="home-kept-referral">
            <Text>好友 {kept.referrerDisplayName} 的邀请已为您保留，预约时自动使用</Text>
          </View>
        ) : null}
        {process.env.TARO_ENV === 'h5' ? <DemoSignIn onSignIn={retry} /> : null}
        <MemberCard state={state} onRetry={retry} />
        {record ? (
          <View className="card home-actions" data-testid="home-actions">
            <View
              className="btn btn--block"
              hoverClass="btn--pressed"
              data-testid="home-book"
              onClick={() => void openPage(PAGES.booking)}
            >
              预约到院
            </View>
            {hasReferralCard(standing) ? (
              <View
                className="home-card-entry"
                hoverClass="btn--pressed"
                data-testid="home-card"
                onClick={() => void openPage(PAGES.card)}
              >
                <Text className="home-card-entry__title">我的推荐卡</Text>
                <Text className="home-card-entry__text">邀请好友来院，好友首次消费后您与好友均可获得礼遇 ›</Text>
              </View>
            ) : null}
          </View>
        ) : null}
        {record ? <RoleEntries roles={record.roles} managesClinic={record.managesClinic === true} /> : null}
        {record ? <StoresCard /> : null}
      </View>
    </View>
  );
}
