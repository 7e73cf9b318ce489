import type { ClinicSettings } from '../settings/clinic-settings';
import { addDays, type LocalDate } from '../time/shanghai';
import { overdueDays } from './workbench';

/**
 * The escalation ladder of an overdue follow-up: on time for the owner; from
 * `followUp.escalateAfterDays` days overdue it shows in the store manager's digest; from
 * `followUp.reassignAfterDays` the manager is asked to give it to someone else.
 */
export type EscalationLevel = 'none' | 'manager_digest' | 'reassign';

export function escalationLevel(dueDate: LocalDate, today: LocalDate, settings: ClinicSettings): EscalationLevel {
  const late = overdueDays(dueDate, today);
  if (late >= settings.followUp.reassignAfterDays) return 'reassign';
  if (late >= settings.followUp.escalateAfterDays) return 'manager_digest';
  return 'none';
}

/** The latest due date that is escalated today (a query bound: due ≤ this date). */
export function escalatedDueOnOrBefore(today: LocalDate, settings: ClinicSettings): LocalDate {
  return addDays(today, -settings.followUp.escalateAfterDays);
}

/** The latest due date the manager is asked to reassign today (a query bound: due ≤ this date). */
export function reassignDueOnOrBefore(today: LocalDate, settings: ClinicSettings): LocalDate {
  return addDays(today, -settings.followUp.reassignAfterDays);
}

export type ReassignCheck =
  { ok: true } | { ok: false; code: 'NOT_FOUND' | 'CONFLICT' | 'INVALID_INPUT'; message: string };

/**
 * A manager gives an open task of their store to an active colleague of that store. Nothing else
 * about the task changes (due date, kind, customer); the customer's owner stays who it was.
 */
export function checkReassign(
  task: { status: string; storeId: string; ownerStaffId: string } | null,
  to: { id: string; storeId: string; active: boolean } | null,
): ReassignCheck {
  if (!task) return { ok: false, code: 'NOT_FOUND', message: '没有找到这条回访任务' };
  if (task.status !== 'open') return { ok: false, code: 'CONFLICT', message: '该任务已完成，无需改派' };
  if (!to || !to.active || to.storeId !== task.storeId) {
    return { ok: false, code: 'INVALID_INPUT', message: '只能改派给本门店的在职同事' };
  }
  if (to.id === task.ownerStaffId) return { ok: false, code: 'INVALID_INPUT', message: '任务已由这位同事负责' };
  return { ok: true };
}
