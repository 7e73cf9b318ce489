import { AUDIT_KINDS, AUDIT_KIND_IDS, isLocalDate, type AuditChange, type AuditKind } from '@clinic/shared';
import { bpToPercentText, fenToYuanText } from './field-kinds';

/**
 * The audit viewer's pure parts: the filter form → `admin.listAudit` input, and a changed value
 * as people read it (basis points as %, fen as 元, days with 天, null as 不限, lists joined).
 */
export const KIND_FILTERS: { value: AuditKind | ''; label: string }[] = [
  { value: '', label: '全部' },
  ...AUDIT_KIND_IDS.map((k) => ({ value: k, label: AUDIT_KINDS[k].label })),
];

export interface AuditFilterDraft {
  kind: AuditKind | '';
  from: string;
  to: string;
  storeId: string;
  actorId: string;
}

export const EMPTY_FILTER: AuditFilterDraft = { kind: '', from: '', to: '', storeId: '', actorId: '' };

export type FilterInput =
  | { ok: true; input: { kind?: AuditKind; from?: string; to?: string; storeId?: string; actorId?: string } }
  | { ok: false; errors: Partial<Record<'from' | 'to', string>> };

export function filterInput(f: AuditFilterDraft): FilterInput {
  const errors: Partial<Record<'from' | 'to', string>> = {};
  const from = f.from.trim();
  const to = f.to.trim();
  if (from && !isLocalDate(from)) errors.from = '请输入日期，例如 2027-03-01';
  if (to && !isLocalDate(to)) errors.to = '请输入日期，例如 2027-03-31';
  if (!errors.from && !errors.to && from && to && from > to) errors.to = '结束日期不能早于开始日期';
  if (errors.from || errors.to) return { ok: false, errors };
  return {
    ok: true,
    input: {
      ...(f.kind ? { kind: f.kind } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(f.storeId ? { storeId: f.storeId } : {}),
      ...(f.actorId ? { actorId: f.actorId } : {}),
    },
  };
}

const CHANNEL_WORDS: Record<string, string> = { subscribe: '订阅消息', wecom: '企业微信', in_app: '小程序内' };

/** A stored value as a short line, with the unit its field name says it has. */
export function formatChangeValue(path: string, value: unknown): string {
  if (value === undefined) return '（无）';
  if (value === null) return '不限';
  const key =
    path
      .split('.')
      .filter((p) => !/^\d+$/.test(p))
      .pop() ?? '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') {
    if (/Bp$/.test(key) || path.startsWith('commissionBpByChannel')) return `${bpToPercentText(value)}%`;
    if (/Fen$/.test(key)) return `${fenToYuanText(value)} 元`;
    if (/Days$/.test(key) || key === 'minLeadDays' || key === 'visitReminderDaysBefore') return `${value} 天`;
    if (/Months$/.test(key)) return `${value} 个月`;
    if (key === 'slotMinutes' || key === 'durationMinutes') return `${value} 分钟`;
    return String(value);
  }
  if (typeof value === 'string') return CHANNEL_WORDS[value] ?? value;
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object' || v === null)) {
      return value.length === 0 ? '（空）' : value.map((v) => formatChangeValue(path, v)).join('、');
    }
    return value.map((v) => formatRecord(v)).join('；');
  }
  return formatRecord(value);
}

function formatRecord(value: unknown): string {
  if (typeof value !== 'object' || value === null) return String(value);
  const v = value as Record<string, unknown>;
  if (typeof v.weekday === 'number' && typeof v.open === 'string') {
    return `${['周日', '周一', '周二', '周三', '周四', '周五', '周六'][v.weekday] ?? v.weekday} ${v.open}–${String(v.close)}`;
  }
  const name = [v.label, v.name, v.id].find((x) => typeof x === 'string');
  return typeof name === 'string' ? name : JSON.stringify(value);
}

/** One changed field as `名称：旧 → 新`. */
export const changeLine = (c: AuditChange): string =>
  `${c.label}：${formatChangeValue(c.path, c.before)} → ${formatChangeValue(c.path, c.after)}`;
