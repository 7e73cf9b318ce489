import type { FollowUpTask, VerificationItem } from '../model/entities';
import { addDays, calendarDaysBetween, compareDates, type LocalDate } from '../time/shanghai';
import type { NextStep } from './results';

export type TaskBucket = 'today' | 'overdue' | 'tomorrow' | 'upcoming';

/** The due dates a workbench tab shows, as a range of local dates (both ends included when set). */
export function bucketRange(bucket: TaskBucket, today: LocalDate): { from?: LocalDate; to?: LocalDate } {
  switch (bucket) {
    case 'today':
      return { from: today, to: today };
    case 'overdue':
      return { to: addDays(today, -1) };
    case 'tomorrow':
      return { from: addDays(today, 1), to: addDays(today, 1) };
    case 'upcoming':
      return { from: addDays(today, 2) };
  }
}

/** Days a task is past its due date (0 when due today or later). */
export function overdueDays(dueDate: LocalDate, today: LocalDate): number {
  return compareDates(dueDate, today) < 0 ? calendarDaysBetween(dueDate, today) : 0;
}

/**
 * The id of the task a result schedules: `<root>_r<n+1>` after `<root>_r<n>` (or after a cadence
 * task `<root>`), so a retried save writes the same document and ids never grow with the chain.
 */
export function nextTaskId(taskId: string): string {
  const m = /^(.*)_r(\d+)$/.exec(taskId);
  return m ? `${m[1]}_r${Number(m[2]) + 1}` : `${taskId}_r1`;
}

export interface ResultOutcome {
  /** The task closed by the result. */
  closed: Pick<FollowUpTask, 'status' | 'result' | 'reason' | 'note' | 'doneAt'>;
  /** The follow-up §6 schedules next, if any. */
  nextTask?: FollowUpTask;
  /** V4/N2: the record the 四部回访组 verifies. */
  verification?: VerificationItem;
}

/**
 * §6, second table, as records: the result closes the task; a next step that is a task becomes
 * one for the same owner and customer (id derived from the closed task, so a retried save writes
 * the same document); V4 and N2 go to the verification queue of the 四部回访组.
 */
export function outcomeOfResult(
  task: FollowUpTask,
  step: Exclude<NextStep, { kind: 'error' }>,
  result: { result: FollowUpTask['result'] & string; reason?: FollowUpTask['reason']; note?: string },
  at: string,
): ResultOutcome {
  const closed: ResultOutcome['closed'] = {
    status: 'done',
    result: result.result,
    ...(result.reason ? { reason: result.reason } : {}),
    ...(result.note ? { note: result.note } : {}),
    doneAt: at,
  };
  if (step.kind === 'task') {
    return {
      closed,
      nextTask: {
        id: nextTaskId(task.id),
        chainId: task.chainId,
        storeId: task.storeId,
        customerId: task.customerId,
        ownerStaffId: task.ownerStaffId,
        kind: step.taskKind,
        ...(task.grade ? { grade: task.grade } : {}),
        dueDate: step.dueDate,
        status: 'open',
        ...(step.eventId ? { eventId: step.eventId } : {}),
        createdAt: at,
      },
    };
  }
  if (step.kind === 'verification_queue') {
    return {
      closed,
      verification: {
        id: `q${task.id}`,
        chainId: task.chainId,
        storeId: task.storeId,
        customerId: task.customerId,
        result: step.result,
        ...(step.reason ? { reason: step.reason } : {}),
        ...(result.note ? { note: result.note } : {}),
        department: 'cs4_followup',
        status: 'pending',
        createdAt: at,
      },
    };
  }
  return { closed };
}
