import * as z from 'zod';
import {
  FOLLOW_UP_TASK_KINDS,
  STAFF_POSTS,
  bucketRange,
  localDate,
  maskName,
  maskPhone,
  nextStepAfterResult,
  outcomeOfResult,
  overdueDays,
  type FollowUpTask,
  type NextStep,
  type NextStepView,
  type StaffContract,
  type TaskBucket,
  type TaskCard,
} from '@clinic/shared';
import { getStore, loadSettings } from '../../data/clinic';
import { customersByIds, getCustomer } from '../../data/customers';
import type { Stored } from '../../data/documents';
import { comingEvents } from '../../data/events';
import { decodeOffsetCursor, encodeOffsetCursor } from '../../data/pagination';
import { countOpenTasks, getTask, openTasksOf, tasksInTx } from '../../data/tasks';
import { customerContext } from './customer-context';
import { digestReach } from './subscriptions';
import { countUnseenInApp, markInAppSeen } from '../../data/notifications';
import { verificationInTx } from '../../data/verification';
import { canSeePerson, type Caller } from '../../platform/access';
import type { Database } from '../../platform/db-types';
import { AppError } from '../../platform/errors';
import { transact } from '../../platform/transaction';
import { DEAL_MAKERS, ESCALATION_MANAGERS, TEAM_MANAGERS, VERIFIERS, callerMay } from '../../platform/staff-roles';

type In<A extends keyof StaffContract> = z.output<StaffContract[A]['input']>;
type Me = NonNullable<Caller['staff']>;

const me = (caller: Caller) => caller.staff as Me;
const taskNotFound = () => new AppError('NOT_FOUND', '没有找到这条回访任务');

/** The task, if the caller owns it or manages its store; anyone else: NOT_FOUND. */
async function taskFor(db: Database, caller: Caller, taskId: string): Promise<Stored<FollowUpTask>> {
  const task = await getTask(db, taskId);
  if (!task) throw taskNotFound();
  const owner = task.ownerStaffId === me(caller).id;
  const manages = me(caller).managerKind !== undefined && canSeePerson(caller, task);
  if (!owner && !manages) throw taskNotFound();
  return task;
}

export function cardOf(task: FollowUpTask, who: { name: string; phone: string } | undefined, today: string): TaskCard {
  const remindAt = task.remindAt ?? undefined;
  return {
    id: task.id,
    kind: task.kind,
    kindLabel: FOLLOW_UP_TASK_KINDS[task.kind],
    dueDate: task.dueDate,
    ...(remindAt ? { remindAt } : {}),
    ...(task.grade ? { grade: task.grade } : {}),
    customerId: task.customerId,
    displayName: who ? maskName(who.name) : '',
    maskedPhone: who ? maskPhone(who.phone) : '',
    overdueDays: overdueDays(task.dueDate, today),
  };
}

const BUCKETS: TaskBucket[] = ['today', 'overdue', 'tomorrow', 'upcoming'];

export async function workbench(caller: Caller, db: Database, now: Date) {
  const staff = me(caller);
  const today = localDate(now);
  const [counts, settings, store, inAppUnread] = await Promise.all([
    Promise.all(BUCKETS.map((b) => countOpenTasks(db, staff.id, bucketRange(b, today)))),
    loadSettings(db, staff.chainId),
    getStore(db, staff.storeId),
    countUnseenInApp(db, staff.id),
  ]);
  const reach = await digestReach(db, caller.openid, settings);
  // Opening the workbench is seeing its in-app digests: the count is what is new since last time.
  if (inAppUnread > 0) await markInAppSeen(db, staff.id, now.toISOString());
  return {
    staffName: staff.name,
    postLabel: STAFF_POSTS[staff.post],
    storeName: store?.name ?? '',
    counts: { today: counts[0] ?? 0, overdue: counts[1] ?? 0, tomorrow: counts[2] ?? 0, upcoming: counts[3] ?? 0 },
    digestTemplateId: settings.notifications.staffDigestTemplateId,
    reach,
    inAppUnread,
    storeId: staff.storeId,
    staffId: staff.id,
    isAdmin: staff.admin === true,
    canVerify: callerMay(caller, VERIFIERS),
    canRecordDeals: callerMay(caller, DEAL_MAKERS),
    canManageTeam: callerMay(caller, TEAM_MANAGERS),
    canReassign: callerMay(caller, ESCALATION_MANAGERS),
  };
}

export async function listTasks(input: In<'listTasks'>, caller: Caller, db: Database, now: Date) {
  const today = localDate(now);
  const offset = decodeOffsetCursor(input.cursor);
  const found = await openTasksOf(db, me(caller).id, bucketRange(input.bucket, today), {
    skip: offset,
    limit: input.limit + 1,
  });
  const page = found.slice(0, input.limit);
  const byId = await customersByIds(
    db,
    page.map((t) => t.customerId),
  );
  // A task snoozed with "remind me later" comes after the others of its day until its time.
  const nowIso = now.toISOString();
  const snoozed = (t: FollowUpTask) => (t.remindAt ?? '') > nowIso;
  const ordered = [...page].sort((a, b) => Number(snoozed(a)) - Number(snoozed(b)));
  return {
    items: ordered.map((t) => cardOf(t, byId.get(t.customerId), today)),
    ...(found.length > input.limit ? { nextCursor: encodeOffsetCursor(offset + input.limit) } : {}),
  };
}

export async function getTaskDetail(input: In<'getTask'>, caller: Caller, db: Database, now: Date) {
  const task = await taskFor(db, caller, input.taskId);
  const customer = await getCustomer(db, task.customerId);
  if (!customer) throw taskNotFound();
  // The full number only for the person who has to call (tap to call).
  const isOwner = task.ownerStaffId === me(caller).id;
  const context = await customerContext(db, customer, isOwner);
  return {
    task: {
      ...cardOf(task, customer, localDate(now)),
      status: task.status,
      ...(task.note ? { note: task.note } : {}),
    },
    customer: context.customer,
    history: context.history,
  };
}

/** The next step §6 gives this result for this task (shared `nextStepAfterResult`). */
async function nextStepFor(
  db: Database,
  task: FollowUpTask,
  result: In<'recordResult'>['result'],
  now: Date,
): Promise<Exclude<NextStep, { kind: 'error' }>> {
  const today = localDate(now);
  const [settings, store, events] = await Promise.all([
    loadSettings(db, task.chainId),
    getStore(db, task.storeId),
    comingEvents(db, task.chainId, today),
  ]);
  const step = nextStepAfterResult(
    result,
    { today, storeId: task.storeId, events, ...(store ? { store } : {}) },
    settings,
  );
  if (step.kind === 'error') throw new AppError('INVALID_INPUT', step.message);
  return step;
}

function view(step: Exclude<NextStep, { kind: 'error' }>): NextStepView {
  if (step.kind === 'task') return { kind: 'task', taskKind: step.taskKind, dueDate: step.dueDate, why: step.why };
  if (step.kind === 'await_event') return { kind: 'await_event', why: step.why };
  return { kind: 'verification_queue', leavesActivePool: step.leavesActivePool, why: step.why };
}

export async function previewResult(input: In<'previewResult'>, caller: Caller, db: Database, now: Date) {
  const task = await taskFor(db, caller, input.taskId);
  return { next: view(await nextStepFor(db, task, input.result, now)) };
}

/** Closes the task and writes what comes next, in one transaction; a repeated save changes nothing. */
export async function recordResult(input: In<'recordResult'>, caller: Caller, db: Database, now: Date) {
  const task = await taskFor(db, caller, input.taskId);
  if (task.status !== 'open') throw new AppError('CONFLICT', '该任务已记录过结果');
  const step = await nextStepFor(db, task, input.result, now);
  const r = input.result;
  const outcome = outcomeOfResult(
    task,
    step,
    {
      result: r.result,
      ...('reason' in r && r.reason ? { reason: r.reason } : {}),
      ...(r.note ? { note: r.note } : {}),
    },
    now.toISOString(),
  );
  await transact(db, async (tx) => {
    const tasks = tasksInTx(tx);
    const current = await tasks.get(task.id);
    if (!current || current.status !== 'open') throw new AppError('CONFLICT', '该任务已记录过结果');
    await tasks.update(task.id, outcome.closed);
    if (outcome.nextTask) await tasks.put(outcome.nextTask);
    if (outcome.verification) {
      await verificationInTx(tx).put({ ...outcome.verification, submittedByStaffId: me(caller).id });
    }
  });
  return {
    result: r.result,
    next: view(step),
    ...(outcome.nextTask ? { nextTaskId: outcome.nextTask.id } : {}),
    ...(outcome.verification ? { verificationItemId: outcome.verification.id } : {}),
  };
}

export async function rescheduleTask(input: In<'rescheduleTask'>, caller: Caller, db: Database, now: Date) {
  const task = await taskFor(db, caller, input.taskId);
  if (task.status !== 'open') throw new AppError('CONFLICT', '该任务已完成，无法改期');
  if (input.dueDate < localDate(now)) throw new AppError('DATE_IN_PAST', '新的回访日期不能早于今天');
  await transact(db, async (tx) => {
    await tasksInTx(tx).update(task.id, {
      dueDate: input.dueDate,
      remindAt: null,
      ...(input.note ? { note: input.note } : {}),
    });
  });
  return { taskId: task.id, dueDate: input.dueDate };
}

export async function remindLater(input: In<'remindLater'>, caller: Caller, db: Database, now: Date) {
  const task = await taskFor(db, caller, input.taskId);
  if (task.status !== 'open') throw new AppError('CONFLICT', '该任务已完成');
  const remindAt = new Date(now.getTime() + input.minutes * 60_000).toISOString();
  await transact(db, async (tx) => {
    await tasksInTx(tx).update(task.id, { remindAt });
  });
  return { taskId: task.id, remindAt };
}
