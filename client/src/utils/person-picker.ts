/**
 * People pickers of the desk forms: an old customer found by full mobile number or exact name
 * (`staff.findCustomers`, masked results), or a colleague from the store's list
 * (`staff.listColleagues`, optionally of one post). The forms keep sending ids only.
 */
import { normalizePersonName, normalizePhone, type PersonPick, type StaffPost } from '@clinic/shared';
import type { Colleague } from './team';

export const PICKER_MESSAGES = {
  empty: '请输入手机号或姓名',
  phone: '请输入完整的 11 位手机号，或顾客的全名',
  tooLong: '搜索内容过长',
  notFound: '没有找到，请核对完整手机号或全名',
  newCustomer: '新客，不能作为老客',
} as const;

/** What the search box may send: a full mobile number or a whole name (no partial numbers). */
export function customerQuery(raw: string): { ok: true; query: string } | { ok: false; message: string } {
  const text = raw.trim();
  if (!text) return { ok: false, message: PICKER_MESSAGES.empty };
  if (text.length > 20) return { ok: false, message: PICKER_MESSAGES.tooLong };
  // Digits only (spaces, dashes, +86 allowed): a phone, and it must be whole.
  if (/^[\d\s+-]+$/.test(text)) {
    const phone = normalizePhone(text);
    return phone.ok ? { ok: true, query: text } : { ok: false, message: PICKER_MESSAGES.phone };
  }
  const name = normalizePersonName(text);
  return name.ok ? { ok: true, query: name.name } : { ok: false, message: name.message };
}

/** `王* · 130****1966`. */
export function pickLabel(pick: Pick<PersonPick, 'displayName' | 'maskedPhone'>): string {
  return `${pick.displayName} · ${pick.maskedPhone}`;
}

export const KIND_LABELS: Record<PersonPick['kind'], string> = { existing: '老客', new: '新客' };

/** Whether a found person can be picked: the desk's fields name old customers (the server checks too). */
export function pickable(pick: Pick<PersonPick, 'kind'>, existingOnly: boolean): boolean {
  return !existingOnly || pick.kind === 'existing';
}

/**
 * The colleagues a staff picker offers: of `post` when given, without `exclude` (say, a task's
 * current owner), in the list's order.
 */
export function colleagueChoices(colleagues: readonly Colleague[], post?: StaffPost, exclude?: string): Colleague[] {
  return colleagues.filter((c) => (!post || c.post === post) && c.staffId !== exclude);
}
