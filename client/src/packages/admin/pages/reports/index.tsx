import { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { EmptyState, PageError, PageLoading } from '../../../../components/StateViews';
import { login } from '../../../../services/user';
import './index.scss';

type State =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'allowed' } | { status: 'denied' };

/**
 * 经营看板 (placeholder until the manager tools land). Whoever opens it — a hidden link is no
 * guard — is checked again here against the roles the server reads from the staff records.
 */
export default function Dashboard() {
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    const res = await login();
    if (!res.ok) return setState({ status: 'error', message: res.message });
    const manager = res.data.roles.includes('manager') || res.data.roles.includes('admin');
    setState({ status: manager ? 'allowed' : 'denied' });
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.status === 'loading') return <PageLoading text="正在核对权限…" testId="admin-loading" />;
  if (state.status === 'error') return <PageError message={state.message} onRetry={() => void load()} />;
  if (state.status === 'denied') {
    return (
      <View className="placeholder">
        <View className="card" data-testid="admin-denied">
          <EmptyState title="无权查看经营看板" hint="经营看板仅向店长、总经理与管理员开放" />
        </View>
      </View>
    );
  }
  return (
    <View className="placeholder" data-testid="admin-placeholder">
      <View className="card placeholder__card">
        <Text className="card__title">经营看板</Text>
        <Text className="placeholder__soon">即将上线</Text>
        <Text className="card__subtitle">渠道占比、员工业绩与门店设置等功能正在建设中，敬请期待。</Text>
      </View>
    </View>
  );
}
