/**
 * 逾期督办 (`staff.escalations`, `staff.reassignTask`): the managers' view of overdue follow-ups,
 * as pure helpers. The ladder itself (督办 from `followUp.escalateAfterDays`, 需改派 from
 * `reassignAfterDays`) is decided on the server; the page only words it.
 */
import type { EscalationPage } from '../services/staff-team';
import { formatDay } from './dates';

export type EscalationItem = EscalationPage['items'][number];
export type EscalationLevel = EscalationItem['level'];

/** The level's tag: 督办 (the manager chases the owner), 需改派 (in the warning colour). */
export const LEVEL_TAGS: Record<EscalationLevel, { text: string; warn: boolean }> = {
  manager_digest: { text: '督办', warn: false },
  reassign: { text: '需改派', warn: true },
};

export const ESCALATION_TEXT = {
  title: '逾期回访',
  subtitle: '超过期限仍未完成的回访，最早逾期的在前；逾期较久的标为需改派，可一键交给同事',
  empty: '暂无逾期回访，团队跟进很及时',
  emptyHint: '逾期未完成的回访会在这里提醒您督办',
  pickColleague: '请选择接手的同事',
  noColleague: '本店暂无其他在职同事可以接手',
} as const;

/** `逾期 5 天`; a task due today (an escalation setting of 0 days) is `今天到期`. */
export function overdueLabel(overdueDays: number): string {
  return overdueDays > 0 ? `逾期 ${overdueDays} 天` : '今天到期';
}

/** `应于 11月18日 周三 回访`. */
export function dueLabel(dueDate: string): string {
  return `应于 ${formatDay(dueDate)} 回访`;
}

/** `负责人：陈静` (`未知` when the server found no name). */
export function ownerLine(ownerName: string): string {
  return `负责人：${ownerName.trim() || '未知'}`;
}

/** The toast after a reassignment (shown without an icon: WeChat cuts an icon toast at 7 characters). */
export function reassignedText(ownerName: string): string {
  return `已改派给 ${ownerName}`;
}

/** The shown list after a task went to someone else: it stays (still overdue) with its new owner. */
export function withNewOwner(
  items: readonly EscalationItem[],
  taskId: string,
  owner: { ownerStaffId: string; ownerName: string },
): EscalationItem[] {
  return items.map((item) =>
    item.id === taskId ? { ...item, ownerStaffId: owner.ownerStaffId, ownerName: owner.ownerName } : item,
  );
}
