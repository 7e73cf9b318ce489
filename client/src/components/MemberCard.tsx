import { Text, View } from '@tarojs/components';
import type { MemberState } from '../hooks/use-member';
import { STANDING_LABELS, nextStepOf, standingOf } from '../utils/member';
import { EmptyState, ErrorState, LoadingState } from './StateViews';
import './MemberCard.scss';

/**
 * Who the person is to the clinic and what they can do now: 新客 / 老客 (from the customer record,
 * never guessed from a role), the masked phone on record, and one line of what comes next.
 */
export function MemberCard({ state, onRetry }: { state: MemberState; onRetry: () => void }) {
  return (
    <View className="card member-card" data-testid="member-card">
      {state.status === 'idle' ? (
        <EmptyState title="尚未登录" hint="请在上方选择一个演示身份" testId="login-empty" />
      ) : null}
      {state.status === 'loading' ? <LoadingState text="正在登录…" testId="login-loading" /> : null}
      {state.status === 'error' ? <ErrorState message={state.message} onRetry={onRetry} /> : null}
      {state.status === 'success' ? <Member state={state} /> : null}
    </View>
  );
}

function Member({ state }: { state: Extract<MemberState, { status: 'success' }> }) {
  const standing = standingOf(state.record);
  const next = nextStepOf(state.record);
  const customer = state.record.customer;
  return (
    <View className="member" data-testid="home-member" data-standing={standing}>
      <View className="member__head">
        <Text className="member__title">{next.title}</Text>
        {standing !== 'visitor' ? (
          <Text className={`member__badge member__badge--${standing}`} data-testid="member-standing">
            {STANDING_LABELS[standing]}
          </Text>
        ) : null}
      </View>
      <Text className="member__text" data-testid="member-next-step">
        {next.text}
      </Text>
      {customer ? (
        <Text className="member__phone" data-testid="member-phone">
          预留手机号 {customer.maskedPhone}
        </Text>
      ) : null}
    </View>
  );
}
