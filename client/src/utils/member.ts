import type { Role, UserRecord } from '@clinic/shared';
import { PAGES } from '../constants';

/**
 * Who the signed-in person is to the clinic, as `user.login` read it from the records:
 * a visitor (no customer record yet), a 新客 (filed, no paid deal yet) or a 老客 (paid before).
 */
export type Standing = 'visitor' | 'new' | 'existing';

export const standingOf = (record: UserRecord): Standing => record.customer?.kind ?? 'visitor';

export const STANDING_LABELS: Record<Exclude<Standing, 'visitor'>, string> = { new: '新客', existing: '老客' };

/** What the person can do now, said on the home page and on 我的. */
export const NEXT_STEP: Record<Standing, { title: string; text: string }> = {
  visitor: { title: '您好，欢迎来到本院', text: '在线预约到院，顾问一对一为您面诊' },
  new: { title: '您好，欢迎成为本院新客', text: '首次消费后即可开通专属推荐卡，邀请好友同享礼遇' },
  existing: { title: '您好，感谢您一直以来的信任', text: '分享推荐卡邀请好友，好友首次消费后您与好友均可获得礼遇' },
};

/** A colleague who is not (also) a customer: their tools, not a sales pitch. */
const STAFF_STEP = { title: '您好，欢迎回来', text: '今日回访、到院签到与经营数据在下方入口' };

/** What to say to this person now. */
export function nextStepOf(record: UserRecord): { title: string; text: string } {
  const standing = standingOf(record);
  return standing === 'visitor' && record.roles.includes('staff') ? STAFF_STEP : NEXT_STEP[standing];
}

/** Only a 老客 has a referral card to share. */
export const hasReferralCard = (standing: Standing): boolean => standing === 'existing';

export interface RoleEntry {
  key: 'workbench' | 'dashboard' | 'settings' | 'import';
  title: string;
  text: string;
  url: string;
}

/**
 * The staff and manager entries a person sees. Showing them is convenience only: every page they
 * open checks the role on the server again.
 */
export function roleEntriesOf(roles: readonly Role[], managesClinic = false): RoleEntry[] {
  const entries: RoleEntry[] = [];
  if (roles.includes('staff')) {
    entries.push({ key: 'workbench', title: '员工工作台', text: '今日回访、到院签到、前台建档', url: PAGES.workbench });
  }
  if (roles.includes('manager') || roles.includes('admin')) {
    entries.push({ key: 'dashboard', title: '经营看板', text: '渠道业绩、员工目标与门店设置', url: PAGES.dashboard });
    entries.push({ key: 'import', title: '导入老客', text: '从 CRM 导出的名单批量导入', url: PAGES.importCustomers });
  }
  // user.login says so from the admin function's own access list (not every manager post may).
  if (managesClinic) {
    entries.push({
      key: 'settings',
      title: '门店设置',
      text: '规则设置、门店与项目、审计日志',
      url: PAGES.adminSettings,
    });
  }
  return entries;
}
