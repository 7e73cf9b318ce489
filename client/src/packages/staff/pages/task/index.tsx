import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { Calendar } from '../../../../components/Calendar';
import { EmptyState, LoadingState, PageError, PageLoading } from '../../../../components/StateViews';
import { PAGES } from '../../../../constants';
import { refillDigestOnTap } from '../../../../services/digest-subscription';
import {
  getTask,
  previewResult,
  recordResult,
  remindLater,
  rescheduleTask,
  type RecordedResult,
  type ResultPreview,
  type TaskDetail,
} from '../../../../services/staff';
import { customerPageUrl } from '../../../../utils/customer-card';
import { clinicToday, formatDay } from '../../../../utils/dates';
import {
  EMPTY_RESULT_FORM,
  NOTE_MAX,
  REASON_OPTIONS,
  RESULT_OPTIONS,
  previewHint,
  previewKey,
  resultNeeds,
  toResultInput,
  validateResultForm,
  type ResultFormErrors,
  type ResultFormValues,
} from '../../../../utils/follow-up-form';
import { dueText, gradeLabel, nextStepLines, remindText, resultLabel, starText } from '../../../../utils/staff-labels';
import { HistoryTimeline } from '../../components/HistoryTimeline';
import { FieldError } from '../../components/FieldError';
import '../../staff.scss';
import './index.scss';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: TaskDetail };
type Preview =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; next: ResultPreview['next'] };

/**
 * One follow-up task (`?id=`): the customer's context and history, the result form (what saving
 * would do is previewed before saving), and 改期 / 稍后提醒 for a call that did not happen now.
 */
export default function TaskPage() {
  const taskId = useRouter().params.id ?? '';
  const [state, setState] = useState<State>({ status: 'loading' });
  const [saved, setSaved] = useState<RecordedResult | null>(null);

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    const res = await getTask(taskId);
    setState(res.ok ? { status: 'ready', data: res.data } : { status: 'error', message: res.message });
  }, [taskId]);

  useEffect(() => {
    if (taskId) void load();
  }, [taskId, load]);

  const patchTask = (patch: Partial<TaskDetail['task']>) =>
    setState((s) => (s.status === 'ready' ? { ...s, data: { ...s.data, task: { ...s.data.task, ...patch } } } : s));

  if (!taskId) {
    return (
      <View className="page staff">
        <View className="card">
          <EmptyState title="没有找到这条任务" hint="请从工作台的任务列表进入" testId="task-missing" />
        </View>
      </View>
    );
  }
  if (state.status === 'loading') return <PageLoading text="正在加载任务…" testId="task-loading" />;
  if (state.status === 'error') {
    return <PageError message={state.message} onRetry={() => void load()} testId="task-error" />;
  }

  const { task, history } = state.data;
  const today = clinicToday();
  return (
    <View className="page staff task" data-testid="task-page">
      <CustomerCard detail={state.data} today={today} />

      {saved ? (
        <SavedCard saved={saved} today={today} />
      ) : task.status !== 'open' ? (
        <View className="notice" data-testid="task-closed">
          <Text>{task.status === 'done' ? '这条任务已完成，无需再次记录。' : '这条任务已取消。'}</Text>
        </View>
      ) : (
        <>
          <ResultForm taskId={task.id} today={today} onSaved={setSaved} />
          <LaterActions
            taskId={task.id}
            today={today}
            onRescheduled={(dueDate) => patchTask({ dueDate, overdueDays: 0 })}
            onRemind={(remindAt) => patchTask({ remindAt })}
          />
        </>
      )}

      <View className="card">
        <Text className="card__title">跟进记录</Text>
        <HistoryTimeline history={history} />
      </View>
    </View>
  );
}

function CustomerCard({ detail, today }: { detail: TaskDetail; today: string }) {
  const { task, customer: c } = detail;
  return (
    <View className="card" data-testid="customer-card">
      <View className="task__head">
        <Text className="task__name" data-testid="customer-name">
          {c.displayName}
        </Text>
        <Text className="tag">{c.kind === 'existing' ? '老客' : '新客'}</Text>
        {c.starLevel ? (
          <Text className="task__stars" data-testid="customer-star">
            {starText(c.starLevel)}
          </Text>
        ) : null}
      </View>
      <View className="task__phone">
        <Text data-testid="customer-phone">{c.maskedPhone}</Text>
        {c.phone ? (
          <View
            className="btn btn--small"
            hoverClass="btn--pressed"
            data-testid="call-button"
            onClick={() => void Taro.makePhoneCall({ phoneNumber: c.phone as string }).catch(() => undefined)}
          >
            拨打电话
          </View>
        ) : (
          <Text className="staff-hint">仅任务负责人可直接拨打</Text>
        )}
      </View>
      <View className="kv">
        <Text className="kv__key">任务</Text>
        <Text className="kv__value" data-testid="task-kind">
          {task.kindLabel} · {dueText(task, today)}
        </Text>
      </View>
      {task.remindAt ? (
        <View className="kv">
          <Text className="kv__key">稍后提醒</Text>
          <Text className="kv__value" data-testid="task-remind">
            {remindText(task.remindAt, today)}
          </Text>
        </View>
      ) : null}
      {c.grade ? (
        <View className="kv">
          <Text className="kv__key">意向等级</Text>
          <Text className="kv__value" data-testid="customer-grade">
            {gradeLabel(c.grade)}
          </Text>
        </View>
      ) : null}
      {c.channelLabel ? (
        <View className="kv">
          <Text className="kv__key">归属渠道</Text>
          <Text className="kv__value" data-testid="customer-channel">
            {c.channelLabel}
          </Text>
        </View>
      ) : null}
      {c.referrerDisplayName ? (
        <View className="kv">
          <Text className="kv__key">推荐老客</Text>
          <Text className="kv__value" data-testid="customer-referrer">
            {c.referrerDisplayName}
          </Text>
        </View>
      ) : null}
      {task.note ? (
        <View className="kv">
          <Text className="kv__key">任务备注</Text>
          <Text className="kv__value">{task.note}</Text>
        </View>
      ) : null}
      {c.rule ? (
        <View className="attribution__rule" data-testid="customer-rule">
          <Text className="attribution__rule-id">{c.rule}</Text>
          <Text>{c.ruleExplanation ?? ''}</Text>
        </View>
      ) : null}
      <View
        className="btn btn--ghost btn--block task__customer-open"
        hoverClass="btn--pressed"
        data-testid="customer-open"
        onClick={() => void Taro.navigateTo({ url: customerPageUrl(PAGES.staffCustomer, task.customerId) })}
      >
        顾客详情（全部跟进与成交）
      </View>
    </View>
  );
}

function ResultForm({
  taskId,
  today,
  onSaved,
}: {
  taskId: string;
  today: string;
  onSaved: (saved: RecordedResult) => void;
}) {
  const [values, setValues] = useState<ResultFormValues>(EMPTY_RESULT_FORM);
  const [errors, setErrors] = useState<ResultFormErrors>({});
  const [preview, setPreview] = useState<Preview>({ status: 'idle' });
  const [saving, setSaving] = useState(false);
  const [submitError, setSubmitError] = useState('');
  const latest = useRef(0);
  const rules = useMemo(() => ({ today }), [today]);

  const key = previewKey(values, today);
  const needs = resultNeeds(values.result);

  // Whenever the choice (result, date, reason) changes: what saving would do, before saving.
  useEffect(() => {
    const request = ++latest.current;
    const input = key ? toResultInput(values, today, { withNote: false }) : null;
    if (!input) {
      setPreview({ status: 'idle' });
      return;
    }
    setPreview({ status: 'loading' });
    void previewResult(taskId, input).then((res) => {
      if (request !== latest.current) return;
      setPreview(res.ok ? { status: 'ready', next: res.data.next } : { status: 'error', message: res.message });
    });
    // `values` is read through `key` on purpose: typing a note does not ask again.
  }, [key, taskId, today]);

  const set = (patch: Partial<ResultFormValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(patch) as (keyof ResultFormValues)[]) delete next[k];
      if (patch.result) {
        delete next.reason;
        delete next.plannedVisitDate;
      }
      return next;
    });
    setSubmitError('');
  };

  const save = async () => {
    if (saving) return;
    // Inside the tap, before anything awaited (WeChat's rule for the subscribe dialog).
    refillDigestOnTap();
    const found = validateResultForm(values, today);
    setErrors(found);
    const input = toResultInput(values, today);
    if (Object.keys(found).length > 0 || !input) {
      setSubmitError('请完善标红的内容后再保存');
      return;
    }
    setSaving(true);
    const res = await recordResult(taskId, input);
    setSaving(false);
    if (!res.ok) return setSubmitError(res.message);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
    onSaved(res.data);
  };

  const hint = previewHint(values, today);
  return (
    <View className="card" data-testid="result-form">
      <Text className="card__title">记录回访结果</Text>
      <View data-testid="result-options">
        {RESULT_OPTIONS.map((o) => (
          <View
            key={o.code}
            className={`option${values.result === o.code ? ' option--active' : ''}`}
            data-testid={`result-${o.code}`}
            data-selected={values.result === o.code ? 'true' : 'false'}
            onClick={() => set({ result: o.code })}
          >
            <Text className="option__title">
              {o.code} {o.label}
            </Text>
          </View>
        ))}
      </View>
      <FieldError message={errors.result} testId="error-result" />

      {needs.date ? (
        <View className="field" data-testid="planned-visit">
          <Text className="field__label">计划到院日期</Text>
          <Calendar rules={rules} selected={values.plannedVisitDate} onSelect={(d) => set({ plannedVisitDate: d })} />
          {values.plannedVisitDate ? (
            <Text className="staff-hint" data-testid="planned-visit-date">
              已选：{formatDay(values.plannedVisitDate, today)}
            </Text>
          ) : null}
          <FieldError message={errors.plannedVisitDate} testId="error-plannedVisitDate" />
        </View>
      ) : null}

      {needs.reason ? (
        <View className="field" data-testid="reason-picker">
          <Text className="field__label">{values.result === 'V4' ? '原因（必填）' : '本次不参加的原因'}</Text>
          <View className="chips">
            {REASON_OPTIONS.map((r) => (
              <View
                key={r.reason}
                className={`chip${values.reason === r.reason ? ' chip--active' : ''}`}
                data-testid={`reason-${r.reason}`}
                onClick={() => set({ reason: r.reason })}
              >
                {r.label}
              </View>
            ))}
          </View>
          <FieldError message={errors.reason} testId="error-reason" />
        </View>
      ) : null}

      <View className="field">
        <Text className="field__label">备注（选填）</Text>
        <Textarea
          className={`staff-textarea${errors.note ? ' field__input--invalid' : ''}`}
          data-testid="result-note"
          value={values.note}
          maxlength={NOTE_MAX}
          autoHeight
          placeholder="沟通要点、顾客顾虑等"
          onInput={(e) => set({ note: e.detail.value })}
        />
        <FieldError message={errors.note} testId="error-note" />
      </View>

      <View className="preview" data-testid="result-preview" data-status={preview.status}>
        {preview.status === 'idle' ? <Text className="muted">{hint ?? '选择回访结果后显示保存后的安排'}</Text> : null}
        {preview.status === 'loading' ? <LoadingState text="正在计算保存后的安排…" /> : null}
        {preview.status === 'error' ? <Text className="field__error">{preview.message}</Text> : null}
        {preview.status === 'ready' ? <NextStep next={preview.next} today={today} testId="preview-next" /> : null}
      </View>

      {submitError ? (
        <Text className="field__error" data-testid="result-submit-error">
          {submitError}
        </Text>
      ) : null}
      <View
        className={`btn btn--block task__save${saving ? ' btn--disabled' : ''}`}
        hoverClass="btn--pressed"
        data-testid="result-save"
        onClick={() => void save()}
      >
        {saving ? '正在保存…' : '保存回访结果'}
      </View>
    </View>
  );
}

function NextStep({ next, today, testId }: { next: ResultPreview['next']; today: string; testId: string }) {
  const lines = nextStepLines(next, today);
  return (
    <View data-testid={testId}>
      <Text className="preview__title">{lines.title}</Text>
      <Text className="preview__why">{lines.why}</Text>
    </View>
  );
}

function SavedCard({ saved, today }: { saved: RecordedResult; today: string }) {
  return (
    <View className="card" data-testid="result-saved">
      <Text className="answer__title">已保存</Text>
      <Text className="answer__sub">{resultLabel(saved.result)}</Text>
      <View className="preview">
        <NextStep next={saved.next} today={today} testId="saved-next" />
      </View>
      <View
        className="btn btn--block"
        hoverClass="btn--pressed"
        data-testid="back-to-workbench"
        // Opened without a page below (a shared link): go to the workbench instead.
        onClick={() => void Taro.navigateBack().catch(() => Taro.redirectTo({ url: PAGES.workbench }))}
      >
        返回工作台
      </View>
    </View>
  );
}

/** 改期 (a new due date: the customer asked for another day) and 稍后提醒 (same due date, back in an hour). */
function LaterActions({
  taskId,
  today,
  onRescheduled,
  onRemind,
}: {
  taskId: string;
  today: string;
  onRescheduled: (dueDate: string) => void;
  onRemind: (remindAt: string) => void;
}) {
  const [panel, setPanel] = useState(false);
  const [date, setDate] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<'' | 'reschedule' | 'remind'>('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const rules = useMemo(() => ({ today }), [today]);

  const reschedule = async () => {
    if (busy) return;
    if (!date) return setMessage({ text: '请选择新的回访日期', error: true });
    if (note.trim().length > NOTE_MAX) return setMessage({ text: `备注不能超过 ${NOTE_MAX} 个字`, error: true });
    setBusy('reschedule');
    const res = await rescheduleTask(taskId, date, note.trim() || undefined);
    setBusy('');
    if (!res.ok) return setMessage({ text: res.message, error: true });
    onRescheduled(res.data.dueDate);
    setPanel(false);
    setMessage({ text: `已改期到 ${formatDay(res.data.dueDate, today)}`, error: false });
  };

  const remind = async () => {
    if (busy) return;
    setBusy('remind');
    const res = await remindLater(taskId, 60);
    setBusy('');
    if (!res.ok) return setMessage({ text: res.message, error: true });
    onRemind(res.data.remindAt);
    setMessage({ text: `已设置：${remindText(res.data.remindAt, today)}（到期日不变）`, error: false });
  };

  return (
    <View className="card" data-testid="later-actions">
      <Text className="card__title">暂时无法回访</Text>
      <View className="staff-row">
        <View
          className={`btn btn--ghost${panel ? ' btn--disabled' : ''}`}
          hoverClass="btn--pressed"
          data-testid="reschedule-open"
          onClick={() => {
            setPanel(true);
            setMessage(null);
          }}
        >
          改期
        </View>
        <View
          className={`btn btn--ghost${busy === 'remind' ? ' btn--disabled' : ''}`}
          hoverClass="btn--pressed"
          data-testid="remind-later"
          onClick={() => void remind()}
        >
          {busy === 'remind' ? '请稍候…' : '稍后提醒（1 小时后）'}
        </View>
      </View>
      <Text className="staff-hint">改期：顾客约了其他日子再联系；稍后提醒：到期日不变，1 小时后再提醒您</Text>
      {panel ? (
        <View className="task__reschedule" data-testid="reschedule-panel">
          <Text className="field__label">新的回访日期</Text>
          <Calendar rules={rules} selected={date} onSelect={setDate} />
          <View className="field">
            <Text className="field__label">改期原因（选填）</Text>
            <Textarea
              className="staff-textarea"
              data-testid="reschedule-note"
              value={note}
              maxlength={NOTE_MAX}
              autoHeight
              placeholder="例如：顾客出差，下周再联系"
              onInput={(e) => setNote(e.detail.value)}
            />
          </View>
          <View className="staff-row">
            <View className="btn btn--ghost" hoverClass="btn--pressed" onClick={() => setPanel(false)}>
              放弃
            </View>
            <View
              className={`btn${busy === 'reschedule' ? ' btn--disabled' : ''}`}
              hoverClass="btn--pressed"
              data-testid="reschedule-save"
              onClick={() => void reschedule()}
            >
              {busy === 'reschedule' ? '正在保存…' : date ? `改到 ${formatDay(date)}` : '确认改期'}
            </View>
          </View>
        </View>
      ) : null}
      {message ? (
        <Text
          className={message.error ? 'field__error' : 'task__done-text'}
          data-testid={message.error ? 'later-error' : 'later-result'}
        >
          {message.text}
        </Text>
      ) : null}
    </View>
  );
}
