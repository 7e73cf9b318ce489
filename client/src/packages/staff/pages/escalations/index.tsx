import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { EmptyState, PageError, PageLoading } from '../../../../components/StateViews';
import { PAGES } from '../../../../constants';
import { loadEscalations, reassignTask } from '../../../../services/staff-team';
import { customerPageUrl } from '../../../../utils/customer-card';
import {
  ESCALATION_TEXT,
  LEVEL_TAGS,
  dueLabel,
  overdueLabel,
  ownerLine,
  reassignedText,
  withNewOwner,
  type EscalationItem,
} from '../../../../utils/escalations';
import { gradeLabel } from '../../../../utils/staff-labels';
import { PersonPicker } from '../../components/PersonPicker';
import { usePagedList } from '../../hooks/use-paged-list';
import '../../staff.scss';
import './index.scss';

/**
 * 逾期督办 (store managers for their store, the general manager for the chain; linked from the
 * workbench only when `canReassign`): open follow-ups overdue on the escalation ladder, oldest
 * first, tagged 督办 or 需改派. 改派 gives one to an active colleague of its store; the server
 * checks every action again.
 */
export default function EscalationsPage() {
  const { state, more, load, loadMore, update } = usePagedList(loadEscalations);
  // One reassign panel at a time.
  const [openId, setOpenId] = useState('');

  const reassigned = (taskId: string, owner: { ownerStaffId: string; ownerName: string }) => {
    setOpenId('');
    update((items) => withNewOwner(items, taskId, owner));
  };

  if (state.status === 'loading') return <PageLoading text="正在加载逾期回访…" testId="escalations-loading" />;
  if (state.status === 'error') {
    return <PageError message={state.message} onRetry={() => void load()} testId="escalations-error" />;
  }

  return (
    <View className="page staff escalations" data-testid="escalations-page">
      <View className="card">
        <Text className="card__title">{ESCALATION_TEXT.title}</Text>
        <Text className="card__subtitle">{ESCALATION_TEXT.subtitle}</Text>
        {state.items.length === 0 ? (
          <EmptyState title={ESCALATION_TEXT.empty} hint={ESCALATION_TEXT.emptyHint} testId="escalations-empty" />
        ) : null}
        {state.items.map((item) => (
          <EscalationRow
            key={item.id}
            item={item}
            open={openId === item.id}
            onToggle={(open) => setOpenId(open ? item.id : '')}
            onReassigned={(owner) => reassigned(item.id, owner)}
          />
        ))}
        {state.nextCursor ? (
          <View
            className={`btn btn--ghost btn--block escalations__more${more.busy ? ' btn--disabled' : ''}`}
            hoverClass="btn--pressed"
            data-testid="escalations-more"
            onClick={() => !more.busy && state.nextCursor && void loadMore(state.nextCursor)}
          >
            {more.busy ? '正在加载…' : '加载更多'}
          </View>
        ) : null}
        {more.error ? (
          <Text className="field__error" data-testid="escalations-more-error">
            {more.error}
          </Text>
        ) : null}
      </View>
    </View>
  );
}

function EscalationRow({
  item,
  open,
  onToggle,
  onReassigned,
}: {
  item: EscalationItem;
  open: boolean;
  onToggle: (open: boolean) => void;
  onReassigned: (owner: { ownerStaffId: string; ownerName: string }) => void;
}) {
  const [toStaffId, setToStaffId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const tag = LEVEL_TAGS[item.level];

  const toggle = (next: boolean) => {
    setToStaffId('');
    setError('');
    onToggle(next);
  };

  const save = async () => {
    if (busy) return;
    if (!toStaffId) return setError(ESCALATION_TEXT.pickColleague);
    setBusy(true);
    setError('');
    const res = await reassignTask(item.id, toStaffId);
    setBusy(false);
    if (!res.ok) return setError(res.message);
    setToStaffId('');
    void Taro.showToast({ title: reassignedText(res.data.ownerName), icon: 'none' });
    onReassigned({ ownerStaffId: res.data.ownerStaffId, ownerName: res.data.ownerName });
  };

  return (
    <View className="escalation" data-testid={`escalation-${item.id}`} data-level={item.level}>
      <View className="escalation__head">
        <View
          className="escalation__customer"
          hoverClass="btn--pressed"
          data-testid="escalation-customer"
          onClick={() => void Taro.navigateTo({ url: customerPageUrl(PAGES.staffCustomer, item.customerId) })}
        >
          <Text className="escalation__name">{item.displayName}</Text>
          <Text className="muted">{item.maskedPhone}</Text>
          <Text className="escalation__go">›</Text>
        </View>
        <Text className={`tag${tag.warn ? ' tag--warn' : ''}`} data-testid="escalation-level">
          {tag.text}
        </Text>
      </View>
      <View className="escalation__tags">
        <Text className="tag tag--grey" data-testid="escalation-kind">
          {item.kindLabel}
        </Text>
        {item.grade ? <Text className="tag tag--grey">{gradeLabel(item.grade)}</Text> : null}
      </View>
      <Text className="escalation__due">
        <Text className="escalation__overdue" data-testid="escalation-overdue">
          {overdueLabel(item.overdueDays)}
        </Text>
        <Text className="muted"> · {dueLabel(item.dueDate)}</Text>
      </Text>
      <Text className="escalation__owner" data-testid="escalation-owner">
        {ownerLine(item.ownerName)}
      </Text>
      {open ? (
        <View className="escalation__panel" data-testid="reassign-panel">
          <Text className="field__label">改派给</Text>
          <PersonPicker
            kind="staff"
            testId="reassign-to"
            value={toStaffId}
            storeId={item.storeId}
            exclude={item.ownerStaffId}
            emptyHint={ESCALATION_TEXT.noColleague}
            onChange={(id) => {
              setToStaffId(id);
              setError('');
            }}
          />
          <Text className="staff-hint">回访日期和顾客不变，接手的同事会在自己的逾期任务中看到</Text>
        </View>
      ) : null}
      {error ? (
        <Text className="field__error" data-testid="reassign-error">
          {error}
        </Text>
      ) : null}
      <View className="staff-row escalation__actions">
        {open ? (
          <>
            <View className="btn btn--ghost" hoverClass="btn--pressed" onClick={() => toggle(false)}>
              取消
            </View>
            <View
              className={`btn${busy ? ' btn--disabled' : ''}`}
              hoverClass="btn--pressed"
              data-testid={`reassign-save-${item.id}`}
              onClick={() => void save()}
            >
              {busy ? '正在改派…' : '确认改派'}
            </View>
          </>
        ) : (
          <View
            className={`btn${item.level === 'reassign' ? '' : ' btn--ghost'}`}
            hoverClass="btn--pressed"
            data-testid={`reassign-${item.id}`}
            onClick={() => toggle(true)}
          >
            改派
          </View>
        )}
      </View>
    </View>
  );
}
