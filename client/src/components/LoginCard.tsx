import { Text, View } from '@tarojs/components';
import type { UserRecord } from '@clinic/shared';
import { formatDateTime, formatRoles } from '../utils/format';
import { EmptyState, ErrorState, LoadingState } from './StateViews';
import './LoginCard.scss';

export type LoginState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'success'; record: UserRecord };

export function LoginCard({ state, onRetry }: { state: LoginState; onRetry: () => void }) {
  return (
    <View className="card login-card">
      <Text className="card__title">我的账户</Text>
      {state.status === 'idle' ? (
        <EmptyState title="尚未登录" hint="请在上方选择一个演示身份" testId="login-empty" />
      ) : null}
      {state.status === 'loading' ? <LoadingState text="正在登录…" testId="login-loading" /> : null}
      {state.status === 'error' ? <ErrorState message={state.message} onRetry={onRetry} /> : null}
      {state.status === 'success' ? <LoginRecord record={state.record} /> : null}
    </View>
  );
}

function LoginRecord({ record }: { record: UserRecord }) {
  const noRoles = record.roles.length === 0;
  return (
    <View className="login-record" data-testid="login-record">
      <View className="login-record__row">
        <Text className="login-record__key">用户编号</Text>
        <Text className="login-record__value login-record__value--mono" data-testid="login-user-id">
          {record.id}
        </Text>
      </View>
      <View className="login-record__row">
        <Text className="login-record__key">角色</Text>
        <Text
          className={`login-record__value${noRoles ? ' login-record__value--muted' : ''}`}
          data-testid="login-roles"
        >
          {formatRoles(record.roles)}
        </Text>
      </View>
      <View className="login-record__row">
        <Text className="login-record__key">创建时间</Text>
        <Text className="login-record__value" data-testid="login-created-at">
          {formatDateTime(record.createdAt)}
        </Text>
      </View>
    </View>
  );
}
