import { useCallback, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { EmptyState, PageError, PageLoading } from '../../../../components/StateViews';
import { PAGES } from '../../../../constants';
import { loadCustomerCard, type CustomerCardView } from '../../../../services/staff-team';
import {
  CUSTOMER_KIND_LABELS,
  callablePhone,
  dealPageUrl,
  profileRows,
  taskPageUrl,
} from '../../../../utils/customer-card';
import { clinicToday } from '../../../../utils/dates';
import { dueText, starText } from '../../../../utils/staff-labels';
import { HistoryTimeline } from '../../components/HistoryTimeline';
import '../../staff.scss';
import './index.scss';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; card: CustomerCardView };

/**
 * 顾客详情 (`?customerId=`): contact (tap to call only when the server gives the full number),
 * kind, stars, grade, channel with the deciding rule, referrer, open follow-ups, the history
 * (deals too), and 录入成交 when the workbench says the caller records deals.
 */
export default function CustomerPage() {
  const customerId = useRouter().params.customerId ?? '';
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = useCallback(async () => {
    if (!customerId) return;
    setState((s) => (s.status === 'ready' ? s : { status: 'loading' }));
    const card = await loadCustomerCard(customerId);
    setState(card.ok ? { status: 'ready', card: card.data } : { status: 'error', message: card.message });
  }, [customerId]);

  // Every show: back from a deal or a task, the history and open follow-ups are current.
  useDidShow(() => void load());

  if (!customerId) {
    return (
      <View className="page staff">
        <View className="card">
          <EmptyState title="没有找到这位顾客" hint="请从任务或签到结果进入" testId="customer-missing" />
        </View>
      </View>
    );
  }
  if (state.status === 'loading') return <PageLoading text="正在加载顾客…" testId="customer-loading" />;
  if (state.status === 'error') {
    return <PageError message={state.message} onRetry={() => void load()} testId="customer-error" />;
  }

  const { card } = state;
  const c = card.customer;
  const phone = callablePhone(c);
  const today = clinicToday();
  return (
    <View className="page staff customer" data-testid="customer-page">
      <View className="card" data-testid="customer-card">
        <View className="customer__head">
          <Text className="customer__name" data-testid="customer-name">
            {c.displayName}
          </Text>
          <Text className={`tag${c.kind === 'existing' ? '' : ' tag--grey'}`} data-testid="customer-kind">
            {CUSTOMER_KIND_LABELS[c.kind]}
          </Text>
          {c.starLevel ? (
            <Text className="customer__stars" data-testid="customer-star">
              {starText(c.starLevel)}
            </Text>
          ) : null}
        </View>
        <View className="customer__phone">
          <Text data-testid="customer-phone">{c.maskedPhone}</Text>
          {phone ? (
            <View
              className="btn btn--small"
              hoverClass="btn--pressed"
              data-testid="call-button"
              onClick={() => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)}
            >
              拨打电话
            </View>
          ) : (
            <Text className="staff-hint" data-testid="call-hint">
              仅负责人或有回访任务的同事可直接拨打
            </Text>
          )}
        </View>
        {profileRows(c).map((row) => (
          <View className="kv" key={row.key}>
            <Text className="kv__key">{row.label}</Text>
            <Text className="kv__value" data-testid={`customer-row-${row.key}`}>
              {row.value}
            </Text>
          </View>
        ))}
        {c.rule ? (
          <View className="attribution__rule" data-testid="customer-rule">
            <Text className="attribution__rule-id">{c.rule}</Text>
            <Text data-testid="customer-rule-explanation">{c.ruleExplanation ?? ''}</Text>
          </View>
        ) : null}
        {card.canRecordDeals ? (
          <View className="customer__actions">
            <View
              className="btn btn--block"
              hoverClass="btn--pressed"
              data-testid="customer-deal"
              onClick={() => void Taro.navigateTo({ url: dealPageUrl(PAGES.deal, card.customerId) })}
            >
              录入成交
            </View>
            {card.checkedIn ? null : (
              <Text className="staff-hint" data-testid="customer-not-checked-in">
                顾客尚未到院签到：签到后才能录入成交
              </Text>
            )}
          </View>
        ) : null}
      </View>

      <View className="card" data-testid="customer-tasks">
        <Text className="card__title">待跟进（{card.openTasks.length}）</Text>
        {card.openTasks.length === 0 ? <EmptyState title="没有未完成的回访任务" testId="customer-tasks-empty" /> : null}
        {card.openTasks.map((t) => (
          <View
            key={t.id}
            className="customer-task"
            hoverClass="btn--pressed"
            data-testid={`customer-task-${t.id}`}
            onClick={() => void Taro.navigateTo({ url: taskPageUrl(PAGES.staffTask, t.id) })}
          >
            <View className="customer-task__main">
              <Text className="customer-task__kind">{t.kindLabel}</Text>
              <Text className={`customer-task__due${t.overdueDays > 0 ? ' customer-task__due--overdue' : ''}`}>
                {dueText(t, today)}
              </Text>
            </View>
            <Text className="customer-task__go">›</Text>
          </View>
        ))}
      </View>

      <View className="card">
        <Text className="card__title">跟进记录</Text>
        <HistoryTimeline history={card.history} />
      </View>
    </View>
  );
}
