/**
 * 团队管理: the invite form (→ `staff.createInvite`) and its answer (code, expiry, join link), the
 * month's targets of a colleague (→ `staff.setTargets`, 成交额 typed in yuan) and the handover
 * when a colleague leaves (→ `staff.deactivate`). What a caller may do is the server's to decide.
 */
import {
  DEPARTMENTS,
  KPI_LABELS,
  KPI_METRICS,
  MANAGER_KINDS,
  STAFF_POSTS,
  normalizePersonName,
  type ActionInput,
  type Department,
  type KpiMetric,
  type ManagerKind,
  type StaffContract,
  type StaffPost,
} from '@clinic/shared';
import { DANGER_COLOR } from '../constants';
import type { ColleagueList, Deactivated, TargetsInput } from '../services/staff-team';
import { addMonthsToMonth } from './dates';
import { formatDateTime } from './format';
import { yuanToFen } from './money-input';

export type Colleague = ColleagueList['items'][number];
export type CreateInviteInput = ActionInput<StaffContract, 'createInvite'>;

export const POST_OPTIONS = (Object.keys(STAFF_POSTS) as StaffPost[]).map((post) => ({
  id: post,
  label: STAFF_POSTS[post],
}));
export const DEPARTMENT_OPTIONS = (Object.keys(DEPARTMENTS) as Department[]).map((department) => ({
  id: department,
  label: DEPARTMENTS[department],
}));
export const MANAGER_KIND_OPTIONS = (Object.keys(MANAGER_KINDS) as ManagerKind[]).map((kind) => ({
  id: kind,
  label: MANAGER_KINDS[kind],
}));

export const VALID_DAYS = { min: 1, max: 30, default: 7 } as const;

export interface InviteFormValues {
  name: string;
  post: StaffPost | '';
  department: Department | '';
  /** Empty: an ordinary colleague. */
  managerKind: ManagerKind | '';
  validDays: string;
}
export type InviteField = keyof InviteFormValues;
export type InviteErrors = Partial<Record<InviteField, string>>;

export const EMPTY_INVITE_FORM: InviteFormValues = {
  name: '',
  post: '',
  department: '',
  managerKind: '',
  validDays: String(VALID_DAYS.default),
};

export const TEAM_MESSAGES = {
  post: '请选择岗位',
  department: '请选择部门',
  validDays: `有效天数须为 ${VALID_DAYS.min}–${VALID_DAYS.max} 的整数`,
  targetFormat: '目标须为不小于 0 的整数',
  targetsEmpty: '请至少填写一项目标',
  successor: '请选择接手工作的同事',
} as const;

export function validateInviteForm(values: InviteFormValues): InviteErrors {
  const errors: InviteErrors = {};
  const name = normalizePersonName(values.name);
  if (!name.ok) errors.name = name.message;
  if (!values.post) errors.post = TEAM_MESSAGES.post;
  if (!values.department) errors.department = TEAM_MESSAGES.department;
  const days = values.validDays.trim();
  if (!/^\d+$/.test(days) || Number(days) < VALID_DAYS.min || Number(days) > VALID_DAYS.max) {
    errors.validDays = TEAM_MESSAGES.validDays;
  }
  return errors;
}

/** The createInvite input for the caller's store, or null while `validateInviteForm` finds anything. */
export function toCreateInviteInput(values: InviteFormValues, storeId: string): CreateInviteInput | null {
  if (!values.post || !values.department || Object.keys(validateInviteForm(values)).length > 0) return null;
  return {
    name: values.name.trim(),
    storeId,
    post: values.post,
    department: values.department,
    ...(values.managerKind ? { managerKind: values.managerKind } : {}),
    validDays: Number(values.validDays.trim()),
  };
}

/** The page the new colleague opens (the code is in the link; it works once). */
export function joinPath(code: string): string {
  return `/packages/staff/pages/join/index?code=${encodeURIComponent(code)}`;
}

/** What the copy button puts on the clipboard: the code, its expiry and the link path. */
export function inviteClipboardText(invite: { code: string; expiresAt: string }, name: string): string {
  return `${name}，欢迎加入！在小程序中打开 ${joinPath(invite.code)} ，或在「员工加入」输入邀请码 ${invite.code}（${formatDateTime(invite.expiresAt)} 前有效，仅可使用一次）`;
}

// ---- targets ---------------------------------------------------------------------------------

export type TargetValues = Record<KpiMetric, string>;
export type TargetErrors = Partial<Record<KpiMetric | 'form', string>>;

export const EMPTY_TARGETS: TargetValues = Object.fromEntries(KPI_METRICS.map((m) => [m, ''])) as TargetValues;

export const TARGET_FIELDS = KPI_METRICS.map((metric) => ({
  metric,
  label: metric === 'dealAmountFen' ? `${KPI_LABELS[metric]}（元）` : KPI_LABELS[metric],
  money: metric === 'dealAmountFen',
}));

const MAX_COUNT_TARGET = 1e12;

function parseTarget(metric: KpiMetric, text: string): { ok: true; value: number } | { ok: false; message: string } {
  if (metric === 'dealAmountFen') {
    const fen = yuanToFen(text);
    return fen.ok ? { ok: true, value: fen.fen } : fen;
  }
  const tidy = text.replace(/[\s,，]/g, '');
  if (!/^\d+$/.test(tidy) || Number(tidy) > MAX_COUNT_TARGET) return { ok: false, message: TEAM_MESSAGES.targetFormat };
  return { ok: true, value: Number(tidy) };
}

export function validateTargets(values: TargetValues): TargetErrors {
  const errors: TargetErrors = {};
  let filled = 0;
  for (const metric of KPI_METRICS) {
    const text = values[metric].trim();
    if (!text) continue;
    filled += 1;
    const parsed = parseTarget(metric, text);
    if (!parsed.ok) errors[metric] = parsed.message;
  }
  if (filled === 0) errors.form = TEAM_MESSAGES.targetsEmpty;
  return errors;
}

/** The setTargets input (empty fields left out: no target for that KPI), or null on any error. */
export function toSetTargetsInput(staffId: string, month: string, values: TargetValues): TargetsInput | null {
  if (Object.keys(validateTargets(values)).length > 0) return null;
  const targets: TargetsInput['targets'] = {};
  for (const metric of KPI_METRICS) {
    const text = values[metric].trim();
    if (text) targets[metric] = (parseTarget(metric, text) as { value: number }).value;
  }
  return { staffId, month, targets };
}

/** The form's values from a month's targets as last set (成交额 back from fen to yuan). */
export function targetValuesFrom(targets: TargetsInput['targets']): TargetValues {
  const values = { ...EMPTY_TARGETS };
  for (const metric of KPI_METRICS) {
    const v = targets[metric];
    if (v === undefined) continue;
    values[metric] = metric === 'dealAmountFen' ? fenToYuanText(v) : String(v);
  }
  return values;
}

/** 1000050 → "10000.5", 100 → "1": what a person would have typed. */
function fenToYuanText(fen: number): string {
  const yuan = Math.floor(fen / 100);
  const cents = fen % 100;
  if (cents === 0) return String(yuan);
  return `${yuan}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}

/** The months targets can be set for: this month and the next two. */
export function targetMonths(current: string): string[] {
  return [0, 1, 2].map((n) => addMonthsToMonth(current, n));
}

// ---- leaving ---------------------------------------------------------------------------------

/** Who can take over: the same store's other active colleagues (the list is the store's). */
export function successorOptions(colleagues: readonly Colleague[], leavingId: string): Colleague[] {
  return colleagues.filter((c) => c.staffId !== leavingId);
}

export function colleagueLine(c: Pick<Colleague, 'postLabel' | 'departmentLabel' | 'isManager'>): string {
  return `${c.postLabel} · ${c.departmentLabel}${c.isManager ? ' · 管理岗' : ''}`;
}

/** The confirmation before 停用: what moves, what stays. */
export function deactivateModal(leaving: Pick<Colleague, 'name'>, successor: Pick<Colleague, 'name'>) {
  return {
    title: `停用 ${leaving.name}？`,
    content: `停用后 ${leaving.name} 的账号将无法再使用；其未完成的回访任务和名下老客将交给 ${successor.name}。已计入 ${leaving.name} 的业绩保持不变。`,
    confirmText: '确认停用',
    confirmColor: DANGER_COLOR,
  };
}

export function deactivatedText(res: Pick<Deactivated, 'handoverToName' | 'movedTasks' | 'movedCustomers'>): string {
  return `已停用。回访任务 ${res.movedTasks} 条、老客 ${res.movedCustomers} 位已交给 ${res.handoverToName}`;
}
