import { useCallback, useEffect, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { AdminStore, AuditItem } from '@clinic/shared';
import { EmptyState, ErrorState, LoadingState } from '../../../../components/StateViews';
import { loadAdminSettings, loadAuditPage } from '../../../../services/admin-settings';
import { formatDateTime } from '../../../../utils/format';
import { FieldError } from '../../components/FieldError';
import { EMPTY_FILTER, KIND_FILTERS, changeLine, filterInput, type AuditFilterDraft } from '../../utils/audit-view';
import '../../../staff/staff.scss';
import '../../admin.scss';

type List =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; items: AuditItem[]; next?: string; more: 'idle' | 'loading' | 'error' };

const PAGE_SIZE = 20;

/**
 * 审计日志 (read only; the log has no way to edit or delete an entry): newest first, filtered by
 * kind, days, store and colleague, 20 at a time with 加载更多. A store manager's list holds only
 * their store's entries, with customers' phone numbers masked — the server decides both.
 */
export default function AuditPage() {
  const [filter, setFilter] = useState<AuditFilterDraft>(EMPTY_FILTER);
  const [applied, setApplied] = useState<AuditFilterDraft>(EMPTY_FILTER);
  const [errors, setErrors] = useState<Partial<Record<'from' | 'to', string>>>({});
  const [list, setList] = useState<List>({ status: 'loading' });
  const [stores, setStores] = useState<AdminStore[]>([]);

  useEffect(() => {
    void loadAdminSettings().then((res) => res.ok && setStores(res.data.stores));
  }, []);

  const load = useCallback(async (f: AuditFilterDraft) => {
    const input = filterInput(f);
    if (!input.ok) return setErrors(input.errors);
    setErrors({});
    setApplied(f);
    setList({ status: 'loading' });
    const res = await loadAuditPage({ ...input.input, limit: PAGE_SIZE });
    if (!res.ok) return setList({ status: 'error', message: res.message });
    setList({
      status: 'ready',
      items: res.data.items,
      ...(res.data.nextCursor ? { next: res.data.nextCursor } : {}),
      more: 'idle',
    });
  }, []);

  useEffect(() => {
    void load(EMPTY_FILTER);
  }, [load]);

  const more = async () => {
    if (list.status !== 'ready' || !list.next || list.more === 'loading') return;
    const input = filterInput(applied);
    if (!input.ok) return;
    setList({ ...list, more: 'loading' });
    const res = await loadAuditPage({ ...input.input, limit: PAGE_SIZE, cursor: list.next });
    if (!res.ok) return setList({ ...list, more: 'error' });
    const { next: _old, ...rest } = list;
    setList({
      ...rest,
      items: [...list.items, ...res.data.items],
      ...(res.data.nextCursor ? { next: res.data.nextCursor } : {}),
      more: 'idle',
    });
  };

  const pick = (patch: Partial<AuditFilterDraft>) => {
    const next = { ...filter, ...patch };
    setFilter(next);
    // Chips apply at once; typed dates apply with 查询.
    if (!('from' in patch) && !('to' in patch)) void load(next);
  };

  return (
    <View className="page staff admin" data-testid="audit-page">
      <View className="card" data-testid="audit-filters">
        <Text className="card__title">审计日志</Text>
        <Text className="card__subtitle">
          记录不可修改、不可删除：拒绝改单（R8）、设置与门店变更、任务改派、员工停用
        </Text>
        <View className="chips" data-testid="audit-kinds">
          {KIND_FILTERS.map((k) => (
            <View
              key={k.value || 'all'}
              className={`chip${filter.kind === k.value ? ' chip--active' : ''}`}
              data-testid={`audit-kind-${k.value || 'all'}`}
              data-selected={filter.kind === k.value ? 'true' : 'false'}
              onClick={() => pick({ kind: k.value })}
            >
              {k.label}
            </View>
          ))}
        </View>
        {stores.length > 1 ? (
          <View className="chips" data-testid="audit-stores">
            {[{ id: '', name: '全部门店' }, ...stores].map((s) => (
              <View
                key={s.id || 'all'}
                className={`chip${filter.storeId === s.id ? ' chip--active' : ''}`}
                data-testid={`audit-store-${s.id || 'all'}`}
                onClick={() => pick({ storeId: s.id })}
              >
                {s.name}
              </View>
            ))}
          </View>
        ) : null}
        <View className="admin-dates">
          <Input
            className={`field__input admin-date${errors.from ? ' field__input--invalid' : ''}`}
            data-testid="audit-from"
            value={filter.from}
            placeholder="开始日期"
            maxlength={10}
            onInput={(e) => setFilter({ ...filter, from: e.detail.value })}
          />
          <Text className="admin-weekday__dash">至</Text>
          <Input
            className={`field__input admin-date${errors.to ? ' field__input--invalid' : ''}`}
            data-testid="audit-to"
            value={filter.to}
            placeholder="结束日期"
            maxlength={10}
            onInput={(e) => setFilter({ ...filter, to: e.detail.value })}
          />
        </View>
        <Text className="staff-hint">日期格式如 2027-03-01，可只填一端</Text>
        <FieldError message={errors.from ?? errors.to} testId="error-audit-dates" />
        {applied.actorId ? (
          <View className="chip chip--active" data-testid="audit-actor" onClick={() => pick({ actorId: '' })}>
            只看此人 ×
          </View>
        ) : null}
        <View className="staff-row">
          <View className="btn" hoverClass="btn--pressed" data-testid="audit-apply" onClick={() => void load(filter)}>
            查询
          </View>
          <View
            className="btn btn--ghost"
            hoverClass="btn--pressed"
            data-testid="audit-reset"
            onClick={() => {
              setFilter(EMPTY_FILTER);
              void load(EMPTY_FILTER);
            }}
          >
            清除筛选
          </View>
        </View>
      </View>

      {list.status === 'loading' ? <LoadingState text="正在加载…" testId="audit-loading" /> : null}
      {list.status === 'error' ? (
        <ErrorState message={list.message} onRetry={() => void load(applied)} testId="audit-error" />
      ) : null}
      {list.status === 'ready' && list.items.length === 0 ? (
        <View className="card">
          <EmptyState title="没有符合条件的记录" testId="audit-empty" />
        </View>
      ) : null}
      {list.status === 'ready'
        ? list.items.map((item) => (
            <View
              key={item.id}
              className="card admin-entry"
              data-testid={`audit-item-${item.id}`}
              data-kind={item.kind}
            >
              <View className="admin-entry__head">
                <Text className={`admin-tag${item.outcome === 'rejected' ? ' admin-tag--danger' : ''}`}>
                  {item.kindLabel}
                </Text>
                <Text className="admin-entry__time">{formatDateTime(item.at)}</Text>
              </View>
              <Text className="admin-entry__message" data-testid="audit-message">
                {item.message}
              </Text>
              {item.changes.length > 0 ? (
                <View className="admin-entry__changes" data-testid="audit-changes">
                  {item.changes.map((c) => (
                    <Text key={c.path} className="admin-entry__change">
                      {changeLine(c)}
                    </Text>
                  ))}
                </View>
              ) : null}
              <View className="admin-entry__meta">
                <Text
                  className="admin-link"
                  data-testid="audit-who"
                  onClick={() => {
                    const next = { ...filter, actorId: item.actorId ?? '' };
                    setFilter(next);
                    void load(next);
                  }}
                >
                  {item.actorName ?? '顾客（小程序）'}
                </Text>
                {item.storeName ? <Text> · {item.storeName}</Text> : null}
                {item.rule ? <Text> · 规则 {item.rule}</Text> : null}
                {item.version !== undefined ? <Text> · 第 {item.version} 版</Text> : null}
              </View>
            </View>
          ))
        : null}
      {list.status === 'ready' && list.next ? (
        <View
          className={`btn btn--ghost btn--block admin-more${list.more === 'loading' ? ' btn--disabled' : ''}`}
          hoverClass="btn--pressed"
          data-testid="audit-more"
          onClick={() => void more()}
        >
          {list.more === 'loading' ? '正在加载…' : list.more === 'error' ? '加载失败，点此重试' : '加载更多'}
        </View>
      ) : null}
    </View>
  );
}
