import { useCallback } from 'react';
import { Text, View } from '@tarojs/components';
import { BindPhone } from '../../components/BindPhone';
import { MemberCard } from '../../components/MemberCard';
import { RoleEntries } from '../../components/RoleEntries';
import { PAGES } from '../../constants';
import { useMember } from '../../hooks/use-member';
import { openPage } from '../../services/navigation';
import { hasReferralCard, standingOf } from '../../utils/member';
import './index.scss';

/** One row of 我的: a full-width tap target that opens a page. */
function Row({ title, note, url, testId }: { title: string; note?: string; url: string; testId: string }) {
  return (
    <View className="mine-row" hoverClass="btn--pressed" data-testid={testId} onClick={() => void openPage(url)}>
      <Text className="mine-row__title">{title}</Text>
      <Text className="mine-row__note">{note ? `${note} ›` : '›'}</Text>
    </View>
  );
}

/**
 * 我的 (tab): the person's standing, their phone on record (or binding it), their appointments,
 * the referral card for a 老客 (a 新客 is told when it opens), staff and manager entries, the
 * privacy notice and, for someone who is not staff, joining the clinic with an invite code.
 */
export default function Mine() {
  const { state, signIn } = useMember();
  const retry = useCallback(() => void signIn(), [signIn]);
  const record = state.status === 'success' ? state.record : null;
  const standing = record ? standingOf(record) : 'visitor';

  return (
    <View className="page mine" data-testid="mine-page">
      <MemberCard state={state} onRetry={retry} />
      {state.status === 'idle' ? (
        <View className="mine-hint">
          <Text className="muted">本地演示：请先在首页选择一位演示人员</Text>
        </View>
      ) : null}
      {record && !record.customer ? (
        <View className="card" data-testid="mine-bind">
          <Text className="card__title">已在本院消费过？</Text>
          <Text className="muted mine-bind__text">绑定手机号后即可查看到院记录，老客可开通推荐卡</Text>
          <BindPhone onBound={() => void signIn(true)} />
        </View>
      ) : null}
      {record ? (
        <View className="card mine-list">
          <Row title="我的预约" note="预约码、改期与取消" url={PAGES.appointments} testId="mine-appointments" />
          {hasReferralCard(standing) ? (
            <Row title="我的推荐卡" note="邀请好友、推荐与奖励" url={PAGES.card} testId="mine-card" />
          ) : (
            <View className="mine-row mine-row--static" data-testid="mine-card-locked">
              <Text className="mine-row__title">我的推荐卡</Text>
              <Text className="mine-row__note">首次消费后开通</Text>
            </View>
          )}
          <Row title="隐私保护指引" url={PAGES.privacy} testId="mine-privacy" />
        </View>
      ) : null}
      {record ? <RoleEntries roles={record.roles} managesClinic={record.managesClinic === true} /> : null}
      {record && !record.roles.includes('staff') ? (
        // A new colleague with an invite code; whether they may join only the server decides.
        <View
          className="mine-join"
          hoverClass="btn--pressed"
          data-testid="home-join"
          onClick={() => void openPage(PAGES.staffJoin)}
        >
          <Text className="mine-join__text">员工加入（已收到邀请码）›</Text>
        </View>
      ) : null}
    </View>
  );
}
