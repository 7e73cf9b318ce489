import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { EmptyState, ErrorState, LoadingState, PageError, PageLoading } from '../../../../components/StateViews';
import { createInvite, loadWorkbench, type Workbench } from '../../../../services/staff';
import { deactivateColleague, listColleagues, loadTargets, setTargets } from '../../../../services/staff-team';
import { clinicToday, formatMonth } from '../../../../utils/dates';
import { formatDateTime } from '../../../../utils/format';
import {
  DEPARTMENT_OPTIONS,
  EMPTY_INVITE_FORM,
  EMPTY_TARGETS,
  MANAGER_KIND_OPTIONS,
  POST_OPTIONS,
  TARGET_FIELDS,
  TEAM_MESSAGES,
  VALID_DAYS,
  colleagueLine,
  deactivateModal,
  deactivatedText,
  inviteClipboardText,
  joinPath,
  successorOptions,
  targetMonths,
  toCreateInviteInput,
  targetValuesFrom,
  toSetTargetsInput,
  validateInviteForm,
  validateTargets,
  type Colleague,
  type InviteErrors,
  type InviteField,
  type InviteFormValues,
  type TargetErrors,
  type TargetValues,
} from '../../../../utils/team';
import { FieldError } from '../../components/FieldError';
import '../../staff.scss';
import './index.scss';

type BenchState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; bench: Workbench };

/**
 * 团队管理 (store managers and admins; linked from the workbench only when `canManageTeam`):
 * invite a colleague (a one-time code and its join link), and per colleague set the month's
 * targets or deactivate them, handing their open tasks and old customers to a colleague of the
 * same store. The server checks every action again.
 */
export default function TeamPage() {
  const [state, setState] = useState<BenchState>({ status: 'loading' });

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    const res = await loadWorkbench();
    setState(res.ok ? { status: 'ready', bench: res.data } : { status: 'error', message: res.message });
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.status === 'loading') return <PageLoading text="正在加载…" testId="team-loading" />;
  if (state.status === 'error') {
    return <PageError message={state.message} onRetry={() => void load()} testId="team-error" />;
  }
  const { bench } = state;
  if (!bench.canManageTeam) {
    return (
      <View className="page staff team" data-testid="team-page">
        <View className="card">
          <EmptyState
            title="仅店长或管理员可管理团队"
            hint="如需邀请同事或调整目标，请联系店长"
            testId="team-forbidden"
          />
        </View>
      </View>
    );
  }
  return (
    <View className="page staff team" data-testid="team-page">
      <InviteCard storeId={bench.storeId} storeName={bench.storeName} isAdmin={bench.isAdmin} />
      <Colleagues storeName={bench.storeName} selfId={bench.staffId} />
    </View>
  );
}

function InviteCard({ storeId, storeName, isAdmin }: { storeId: string; storeName: string; isAdmin: boolean }) {
  const [values, setValues] = useState<InviteFormValues>(EMPTY_INVITE_FORM);
  const [errors, setErrors] = useState<InviteErrors>({});
  const [busy, setBusy] = useState(false);
  const [submitError, setSubmitError] = useState('');
  const [invite, setInvite] = useState<{ code: string; expiresAt: string; name: string } | null>(null);
  const [copied, setCopied] = useState(false);

  const set = (patch: Partial<InviteFormValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(patch) as InviteField[]) delete next[k];
      return next;
    });
    setSubmitError('');
  };

  const submit = async () => {
    if (busy) return;
    setErrors(validateInviteForm(values));
    const input = toCreateInviteInput(values, storeId);
    if (!input) return setSubmitError('请完善标红的内容后再生成邀请');
    setBusy(true);
    const res = await createInvite(input);
    setBusy(false);
    if (!res.ok) return setSubmitError(res.message);
    setInvite({ ...res.data, name: input.name });
    setCopied(false);
  };

  const copy = async () => {
    if (!invite) return;
    try {
      await Taro.setClipboardData({ data: inviteClipboardText(invite, invite.name) });
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  if (invite) {
    return (
      <View className="card" data-testid="invite-result">
        <Text className="card__title">邀请已生成</Text>
        <Text className="card__subtitle">
          把邀请码或链接发给 {invite.name}，TA 在小程序中打开即可加入{storeName}
        </Text>
        <Text className="team__code" data-testid="invite-code">
          {invite.code}
        </Text>
        <View className="kv">
          <Text className="kv__key">有效期至</Text>
          <Text className="kv__value" data-testid="invite-expires">
            {formatDateTime(invite.expiresAt)}
          </Text>
        </View>
        <View className="kv">
          <Text className="kv__key">加入链接</Text>
          <Text className="kv__value team__path" data-testid="invite-path">
            {joinPath(invite.code)}
          </Text>
        </View>
        <Text className="staff-hint">邀请码只能使用一次，过期后请重新生成</Text>
        <View className="staff-row team__actions">
          <View className="btn" hoverClass="btn--pressed" data-testid="invite-copy" onClick={() => void copy()}>
            {copied ? '已复制' : '复制邀请信息'}
          </View>
          <View
            className="btn btn--ghost"
            hoverClass="btn--pressed"
            data-testid="invite-again"
            onClick={() => {
              setInvite(null);
              setValues(EMPTY_INVITE_FORM);
            }}
          >
            再邀请一位
          </View>
        </View>
        {copied ? (
          <Text className="team__ok" data-testid="invite-copied">
            已复制邀请码和链接，可粘贴到微信发给同事
          </Text>
        ) : null}
      </View>
    );
  }

  return (
    <View className="card" data-testid="invite-form">
      <Text className="card__title">邀请同事</Text>
      <Text className="card__subtitle">生成一次性邀请码，新同事用自己的微信打开后加入{storeName}</Text>
      <View className="field">
        <Text className="field__label">姓名</Text>
        <Input
          className={`field__input${errors.name ? ' field__input--invalid' : ''}`}
          data-testid="invite-name"
          value={values.name}
          maxlength={20}
          placeholder="新同事的姓名"
          onInput={(e) => set({ name: e.detail.value })}
        />
        <FieldError message={errors.name} testId="error-invite-name" />
      </View>
      <View className="field">
        <Text className="field__label">岗位</Text>
        <View className="chips" data-testid="invite-posts">
          {POST_OPTIONS.map((p) => (
            <View
              key={p.id}
              className={`chip${values.post === p.id ? ' chip--active' : ''}`}
              data-testid={`invite-post-${p.id}`}
              onClick={() => set({ post: p.id })}
            >
              {p.label}
            </View>
          ))}
        </View>
        <FieldError message={errors.post} testId="error-invite-post" />
      </View>
      <View className="field">
        <Text className="field__label">部门</Text>
        <View className="chips" data-testid="invite-departments">
          {DEPARTMENT_OPTIONS.map((d) => (
            <View
              key={d.id}
              className={`chip${values.department === d.id ? ' chip--active' : ''}`}
              data-testid={`invite-department-${d.id}`}
              onClick={() => set({ department: d.id })}
            >
              {d.label}
            </View>
          ))}
        </View>
        <FieldError message={errors.department} testId="error-invite-department" />
      </View>
      {/* Only an admin invites managers (the server refuses anyone else). */}
      {isAdmin ? (
        <View className="field">
          <Text className="field__label">管理岗位（选填）</Text>
          <View className="chips" data-testid="invite-manager-kinds">
            {MANAGER_KIND_OPTIONS.map((m) => (
              <View
                key={m.id}
                className={`chip${values.managerKind === m.id ? ' chip--active' : ''}`}
                data-testid={`invite-manager-${m.id}`}
                onClick={() => set({ managerKind: values.managerKind === m.id ? '' : m.id })}
              >
                {m.label}
              </View>
            ))}
          </View>
          <Text className="staff-hint">普通员工不选；管理岗位仅管理员可以邀请。再点一次可取消</Text>
        </View>
      ) : null}
      <View className="field">
        <Text className="field__label">
          有效天数（{VALID_DAYS.min}–{VALID_DAYS.max}）
        </Text>
        <Input
          className={`field__input team__days${errors.validDays ? ' field__input--invalid' : ''}`}
          data-testid="invite-days"
          type="number"
          value={values.validDays}
          maxlength={2}
          onInput={(e) => set({ validDays: e.detail.value })}
        />
        <FieldError message={errors.validDays} testId="error-invite-days" />
      </View>
      {submitError ? (
        <Text className="field__error team__submit-error" data-testid="invite-error">
          {submitError}
        </Text>
      ) : null}
      <View
        className={`btn btn--block team__submit${busy ? ' btn--disabled' : ''}`}
        hoverClass="btn--pressed"
        data-testid="invite-submit"
        onClick={() => void submit()}
      >
        {busy ? '正在生成…' : '生成邀请码'}
      </View>
    </View>
  );
}

type ListState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; items: Colleague[] };
type Panel = { staffId: string; mode: 'targets' | 'leave' } | null;

function Colleagues({ storeName, selfId }: { storeName: string; selfId: string }) {
  const [list, setList] = useState<ListState>({ status: 'loading' });
  const [panel, setPanel] = useState<Panel>(null);
  const [notice, setNotice] = useState('');

  const load = useCallback(async () => {
    setList((l) => (l.status === 'ready' ? l : { status: 'loading' }));
    const res = await listColleagues();
    setList(res.ok ? { status: 'ready', items: res.data.items } : { status: 'error', message: res.message });
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const toggle = (staffId: string, mode: 'targets' | 'leave') => {
    setNotice('');
    setPanel((p) => (p && p.staffId === staffId && p.mode === mode ? null : { staffId, mode }));
  };

  return (
    <View className="card" data-testid="colleagues">
      <Text className="card__title">同事列表</Text>
      <Text className="card__subtitle">{storeName}在职的同事</Text>
      {notice ? (
        <View className="notice notice--info team__notice" data-testid="leave-result">
          <Text>{notice}</Text>
        </View>
      ) : null}
      {list.status === 'loading' ? <LoadingState text="正在加载同事…" testId="colleagues-loading" /> : null}
      {list.status === 'error' ? (
        <ErrorState message={list.message} onRetry={() => void load()} testId="colleagues-error" />
      ) : null}
      {list.status === 'ready' && list.items.length === 0 ? (
        <EmptyState title="本店暂无在职同事" testId="colleagues-empty" />
      ) : null}
      {list.status === 'ready'
        ? list.items.map((c) => (
            <View className="colleague" key={c.staffId} data-testid={`colleague-${c.staffId}`}>
              <View className="colleague__head">
                <View className="colleague__who">
                  <Text className="colleague__name">{c.name}</Text>
                  <Text className="colleague__line">{colleagueLine(c)}</Text>
                </View>
                <View className="colleague__buttons">
                  <View
                    className="btn btn--ghost btn--small"
                    hoverClass="btn--pressed"
                    data-testid={`targets-open-${c.staffId}`}
                    onClick={() => toggle(c.staffId, 'targets')}
                  >
                    设目标
                  </View>
                  {/* Nobody deactivates their own account (the server refuses it too). */}
                  {c.staffId !== selfId ? (
                    <View
                      className="btn btn--danger btn--small"
                      hoverClass="btn--pressed"
                      data-testid={`leave-open-${c.staffId}`}
                      onClick={() => toggle(c.staffId, 'leave')}
                    >
                      停用
                    </View>
                  ) : null}
                </View>
              </View>
              {panel?.staffId === c.staffId && panel.mode === 'targets' ? (
                <TargetsPanel colleague={c} onClose={() => setPanel(null)} />
              ) : null}
              {panel?.staffId === c.staffId && panel.mode === 'leave' ? (
                <LeavePanel
                  colleague={c}
                  colleagues={list.items}
                  onDone={(text) => {
                    setPanel(null);
                    setNotice(text);
                    void load();
                  }}
                  onClose={() => setPanel(null)}
                />
              ) : null}
            </View>
          ))
        : null}
    </View>
  );
}

function TargetsPanel({ colleague, onClose }: { colleague: Colleague; onClose: () => void }) {
  const months = targetMonths(clinicToday().slice(0, 7));
  const [month, setMonth] = useState(months[0] as string);
  const [values, setValues] = useState<TargetValues>(EMPTY_TARGETS);
  const [errors, setErrors] = useState<TargetErrors>({});
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  // The form starts from the month's targets as last set (saving replaces the month's set).
  useEffect(() => {
    let live = true;
    setValues(EMPTY_TARGETS);
    void loadTargets(colleague.staffId, month).then((res) => {
      if (live && res.ok) setValues(targetValuesFrom(res.data.targets));
    });
    return () => {
      live = false;
    };
  }, [colleague.staffId, month]);

  const save = async () => {
    if (busy) return;
    const found = validateTargets(values);
    setErrors(found);
    const input = toSetTargetsInput(colleague.staffId, month, values);
    if (!input) return setMessage({ text: found.form ?? '请修改标红的目标', error: true });
    setBusy(true);
    const res = await setTargets(input);
    setBusy(false);
    if (!res.ok) return setMessage({ text: res.message, error: true });
    setMessage({ text: `已保存 ${colleague.name} ${formatMonth(res.data.month)}的目标`, error: false });
  };

  return (
    <View className="colleague__panel" data-testid="targets-panel">
      <Text className="field__label">{colleague.name} 的月度目标</Text>
      <View className="chips" data-testid="targets-months">
        {months.map((m) => (
          <View
            key={m}
            className={`chip${m === month ? ' chip--active' : ''}`}
            data-testid={`targets-month-${m}`}
            onClick={() => {
              setMonth(m);
              setMessage(null);
            }}
          >
            {formatMonth(m)}
          </View>
        ))}
      </View>
      <View className="team__targets">
        {TARGET_FIELDS.map((f) => (
          <View className="field team__target" key={f.metric}>
            <Text className="field__label">{f.label}</Text>
            <Input
              className={`field__input${errors[f.metric] ? ' field__input--invalid' : ''}`}
              data-testid={`target-${f.metric}`}
              type={f.money ? 'digit' : 'number'}
              value={values[f.metric]}
              maxlength={16}
              placeholder="不设留空"
              onInput={(e) => {
                const text = e.detail.value;
                setValues((v) => ({ ...v, [f.metric]: text }));
                setErrors((er) => {
                  const next = { ...er };
                  delete next[f.metric];
                  delete next.form;
                  return next;
                });
                setMessage(null);
              }}
            />
            <FieldError message={errors[f.metric]} testId={`error-target-${f.metric}`} />
          </View>
        ))}
      </View>
      <Text className="staff-hint">保存后替换该月已设的全部目标；留空的指标不设目标</Text>
      {message ? (
        <Text
          className={message.error ? 'field__error' : 'team__ok'}
          data-testid={message.error ? 'targets-error' : 'targets-saved'}
        >
          {message.text}
        </Text>
      ) : null}
      <View className="staff-row team__actions">
        <View className="btn btn--ghost" hoverClass="btn--pressed" data-testid="targets-close" onClick={onClose}>
          收起
        </View>
        <View
          className={`btn${busy ? ' btn--disabled' : ''}`}
          hoverClass="btn--pressed"
          data-testid="targets-save"
          onClick={() => void save()}
        >
          {busy ? '正在保存…' : '保存目标'}
        </View>
      </View>
    </View>
  );
}

function LeavePanel({
  colleague,
  colleagues,
  onDone,
  onClose,
}: {
  colleague: Colleague;
  colleagues: Colleague[];
  onDone: (text: string) => void;
  onClose: () => void;
}) {
  const options = successorOptions(colleagues, colleague.staffId);
  const [successorId, setSuccessorId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const confirm = async () => {
    if (busy) return;
    const successor = options.find((o) => o.staffId === successorId);
    if (!successor) return setError(TEAM_MESSAGES.successor);
    const modal = deactivateModal(colleague, successor);
    const answer = await Taro.showModal({ ...modal, cancelText: '再想想' });
    if (!answer.confirm) return;
    setBusy(true);
    setError('');
    const res = await deactivateColleague(colleague.staffId, successor.staffId);
    setBusy(false);
    if (!res.ok) return setError(res.message);
    onDone(`${colleague.name}：${deactivatedText(res.data)}`);
  };

  return (
    <View className="colleague__panel" data-testid="leave-panel">
      <Text className="field__label">谁来接手 {colleague.name} 的工作？</Text>
      <Text className="staff-hint">未完成的回访任务和名下老客将交给所选同事；已计入的业绩保持不变</Text>
      {options.length === 0 ? (
        <EmptyState title="本店没有其他在职同事可以接手" testId="leave-no-successor" />
      ) : (
        <View className="pick-grid" data-testid="successors">
          {options.map((o) => (
            <View
              key={o.staffId}
              className={`pick-grid__item${o.staffId === successorId ? ' pick-grid__item--active' : ''}`}
              data-testid={`successor-${o.staffId}`}
              data-selected={o.staffId === successorId ? 'true' : 'false'}
              onClick={() => {
                setSuccessorId(o.staffId);
                setError('');
              }}
            >
              <Text className="pick-grid__name">{o.name}</Text>
              <Text className="pick-grid__meta">{o.postLabel}</Text>
            </View>
          ))}
        </View>
      )}
      {error ? (
        <Text className="field__error" data-testid="leave-error">
          {error}
        </Text>
      ) : null}
      <View className="staff-row team__actions">
        <View className="btn btn--ghost" hoverClass="btn--pressed" data-testid="leave-close" onClick={onClose}>
          取消
        </View>
        <View
          className={`btn btn--danger${busy || options.length === 0 ? ' btn--disabled' : ''}`}
          hoverClass="btn--pressed"
          data-testid="leave-confirm"
          onClick={() => options.length > 0 && void confirm()}
        >
          {busy ? '正在停用…' : '停用并交接'}
        </View>
      </View>
    </View>
  );
}
