import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import type { Role } from '@clinic/shared';

dayjs.extend(utc);

/** China Standard Time has no daylight saving: Asia/Shanghai is always UTC+8. */
const SHANGHAI_OFFSET_MINUTES = 8 * 60;

/** `2026-11-23T07:05:00.000Z` → `2026-11-23 15:05` (Asia/Shanghai). Unparseable input is shown as is. */
export function formatDateTime(iso: string): string {
  const d = dayjs.utc(iso);
  if (!d.isValid()) return iso;
  return d.utcOffset(SHANGHAI_OFFSET_MINUTES).format('YYYY-MM-DD HH:mm');
}

export const ROLE_LABELS: Record<Role, string> = {
  customer: '老客',
  staff: '员工',
  manager: '管理者',
  admin: '管理员',
};

/** `['customer','staff']` → `老客、员工`; none → `暂无角色`. */
export function formatRoles(roles: readonly Role[]): string {
  if (roles.length === 0) return '暂无角色';
  return roles.map((r) => ROLE_LABELS[r] ?? r).join('、');
}
