import type { Department, ManagerKind, StaffPost } from '../model/people';
import { CODE_ALPHABET, type RandomInt } from '../referral-code/code';

/** A one-time invite for a new colleague: who they will be, and until when the code works. */
export type StaffInvite = {
  code: string;
  chainId: string;
  storeId: string;
  name: string;
  post: StaffPost;
  department: Department;
  managerKind?: ManagerKind;
  createdByStaffId: string;
  createdAt: string;
  expiresAt: string;
  /** Set once, when redeemed: the WeChat account that became this staff record. */
  redeemedByOpenid?: string;
  redeemedAt?: string;
  staffId: string;
};

export const INVITE_CODE_LENGTH = 8;

/** 8 characters of the unambiguous alphabet (no 0/O, 1/I/L): 31^8 ≈ 8.5e11 codes. */
export function generateInviteCode(random: RandomInt): string {
  let code = '';
  for (let i = 0; i < INVITE_CODE_LENGTH; i++) code += CODE_ALPHABET[random(CODE_ALPHABET.length)];
  return code;
}

export type RedeemCheck =
  { ok: true } | { ok: false; reason: 'unknown' | 'expired' | 'used' | 'already_staff'; message: string };

/**
 * An invite works once, before it expires, for a WeChat account that is not staff already. An
 * unknown code and one used by someone else get the same answer, so codes cannot be probed.
 */
export function checkRedeem(
  invite: StaffInvite | null,
  openid: string,
  now: string,
  callerIsStaff: boolean,
): RedeemCheck {
  const unknown = { ok: false, reason: 'unknown', message: '邀请码无效，请向管理员确认' } as const;
  if (!invite) return unknown;
  if (invite.redeemedByOpenid) {
    return invite.redeemedByOpenid === openid
      ? { ok: false, reason: 'used', message: '您已使用过该邀请码，无需重复加入' }
      : unknown;
  }
  if (Date.parse(now) >= Date.parse(invite.expiresAt)) {
    return { ok: false, reason: 'expired', message: '邀请码已过期，请向管理员重新索取' };
  }
  if (callerIsStaff) return { ok: false, reason: 'already_staff', message: '当前微信已绑定员工身份' };
  return { ok: true };
}
