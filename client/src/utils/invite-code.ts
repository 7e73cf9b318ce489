/**
 * 员工加入: the 8-character invite code a new colleague types (or opens in a link), checked with the
 * contract's own schema before anything is sent, and how the welcome reads. Whether the code works
 * (unknown, used, expired, already staff) only the server says.
 */
import { inviteCodeSchema } from '@clinic/shared';
import type { JoinedStaff } from '../services/staff';

export const INVITE_CODE_LENGTH = 8;

export const INVITE_MESSAGES = {
  empty: '请输入 8 位邀请码',
  invalid: '邀请码为 8 位字母或数字，请核对',
} as const;

/** What the field shows while typing: upper case, without spaces or hyphens, at most 8 characters. */
export function tidyInviteCode(raw: string): string {
  return raw
    .replace(/[\s\-‐‑–—]/g, '')
    .toUpperCase()
    .slice(0, INVITE_CODE_LENGTH);
}

/** The code as the contract takes it, or the reason it cannot be sent. */
export function checkInviteCode(raw: string): { ok: true; code: string } | { ok: false; message: string } {
  const tidy = tidyInviteCode(raw);
  if (!tidy) return { ok: false, message: INVITE_MESSAGES.empty };
  const parsed = inviteCodeSchema.safeParse(tidy);
  return parsed.success ? { ok: true, code: parsed.data } : { ok: false, message: INVITE_MESSAGES.invalid };
}

/** A code arriving in the page's query (`?code=`), tidied for the field (checked when sent). */
export function inviteCodeFromQuery(value: string | undefined): string {
  if (!value) return '';
  let text = value;
  try {
    text = decodeURIComponent(value);
  } catch {
    // kept as it came
  }
  return tidyInviteCode(text);
}

/** `欢迎加入 悦美一店，岗位：咨询师`. */
export function welcomeText(joined: Pick<JoinedStaff, 'storeName' | 'postLabel'>): string {
  return `欢迎加入 ${joined.storeName}，岗位：${joined.postLabel}`;
}
