import { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { SETTINGS_SECTIONS, SETTINGS_SECTION_IDS } from '@clinic/shared';
import { EmptyState, PageError, PageLoading } from '../../../../components/StateViews';
import { PAGES } from '../../../../constants';
import { loadAdminSettings, type AdminSettings } from '../../../../services/admin-settings';
import { openPage } from '../../../../services/navigation';
import { formatDateTime } from '../../../../utils/format';
import { ProductEditor } from '../../components/ProductEditor';
import { SectionEditor } from '../../components/SectionEditor';
import { StoreEditor } from '../../components/StoreEditor';
import '../../../staff/staff.scss';
import '../../admin.scss';

type State =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'denied' }
  | { status: 'ready'; data: AdminSettings };

/**
 * 门店设置 (store managers, the general manager, admins — the server decides, `admin.getSettings`):
 * every settings section (read-only unless the caller may change the chain's settings), the
 * stores the caller may edit, the products, and the way to the audit log. Each save carries the
 * version it was made from and is written with its audit entry.
 */
export default function SettingsPage() {
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = useCallback(async () => {
    setState((s) => (s.status === 'ready' ? s : { status: 'loading' }));
    const res = await loadAdminSettings();
    if (res.ok) return setState({ status: 'ready', data: res.data });
    setState(res.code === 'FORBIDDEN' ? { status: 'denied' } : { status: 'error', message: res.message });
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.status === 'loading') return <PageLoading text="正在加载设置…" testId="settings-loading" />;
  if (state.status === 'error')
    return <PageError message={state.message} onRetry={() => void load()} testId="settings-error" />;
  if (state.status === 'denied') {
    return (
      <View className="page staff admin" data-testid="settings-page">
        <View className="card" data-testid="settings-denied">
          <EmptyState title="无权查看门店设置" hint="门店设置仅向店长、总经理与管理员开放" />
        </View>
      </View>
    );
  }
  const { data } = state;
  const set = (patch: Partial<AdminSettings>) => setState({ status: 'ready', data: { ...data, ...patch } });
  const own = data.canEditSettings ? undefined : data.stores[0]?.id;

  return (
    <View className="page staff admin" data-testid="settings-page">
      <View className="card admin-summary">
        <Text className="card__title">规则设置</Text>
        <Text className="card__subtitle" data-testid="settings-version">
          {data.lastChange
            ? `第 ${data.version} 版 · ${data.lastChange.name} 于 ${formatDateTime(data.lastChange.at)} 修改了${
                SETTINGS_SECTIONS[data.lastChange.section as keyof typeof SETTINGS_SECTIONS]?.label ?? '设置'
              }`
            : '使用默认设置，尚未修改'}
        </Text>
        {data.canEditSettings ? null : (
          <Text className="staff-hint" data-testid="settings-read-only">
            全连锁的规则由总经理或管理员修改；您可修改本店的营业时间与项目
          </Text>
        )}
        <View
          className="btn btn--ghost admin-summary__audit"
          hoverClass="btn--pressed"
          data-testid="settings-audit"
          onClick={() => void openPage(PAGES.adminAudit)}
        >
          查看审计日志 ›
        </View>
      </View>

      {SETTINGS_SECTION_IDS.map((section) => (
        <SectionEditor
          key={section}
          section={section}
          settings={data.settings}
          version={data.version}
          canEdit={data.canEditSettings}
          onSaved={(saved) =>
            set({
              settings: saved.settings,
              version: saved.version,
              ...(saved.lastChange ? { lastChange: saved.lastChange } : {}),
            })
          }
          onReload={() => void load()}
        />
      ))}

      <Text className="admin-heading">门店</Text>
      {data.stores.map((store) => (
        <StoreEditor
          key={store.id}
          store={store}
          onSaved={(saved) => set({ stores: data.stores.map((s) => (s.id === saved.id ? saved : s)) })}
          onReload={() => void load()}
        />
      ))}

      <ProductEditor
        products={data.products}
        stores={data.stores}
        {...(own ? { ownStoreId: own } : {})}
        onSaved={(saved) =>
          set({
            products: data.products.some((p) => p.id === saved.id)
              ? data.products.map((p) => (p.id === saved.id ? saved : p))
              : [...data.products, saved],
          })
        }
        onReload={() => void load()}
      />
    </View>
  );
}
