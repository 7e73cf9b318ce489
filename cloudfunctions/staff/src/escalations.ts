import {
  checkReassign,
  escalatedDueOnOrBefore,
  escalationLevel,
  localDate,
  type Staff,
  type StaffContract,
} from '@clinic/shared';
import type { z } from 'zod';
import { loadSettings } from '../../data/clinic';
import { customersByIds } from '../../data/customers';
import { decodeOffsetCursor, encodeOffsetCursor } from '../../data/pagination';
import { getStaff } from '../../data/staff';
import { getTask, overdueTasksOf, tasksInTx } from '../../data/tasks';
import { COLLECTIONS } from '../../data/collections';
import { findWhere } from '../../data/read';
import { canSeePerson, type Caller } from '../../platform/access';
import type { Database } from '../../platform/db-types';
import { AppError } from '../../platform/errors';
import { transact } from '../../platform/transaction';
import { writeAudit } from '../../services/audit';
import { cardOf } from './tasks';

type In<A extends keyof StaffContract> = z.output<StaffContract[A]['input']>;
type Me = NonNullable<Caller['staff']>;

/** The manager's escalation list: overdue open tasks of their scope, with the ladder's level. */
export async function escalations(input: In<'escalations'>, caller: Caller, db: Database, now: Date) {
  const me = caller.staff as Me;
  const today = localDate(now);
  const settings = await loadSettings(db, me.chainId);
  const offset = decodeOffsetCursor(input.cursor);
  const where = caller.scope?.kind === 'chain' ? { chainId: me.chainId } : { chainId: me.chainId, storeId: me.storeId };
  const found = await overdueTasksOf(db, where, escalatedDueOnOrBefore(today, settings), {
    skip: offset,
    limit: input.limit + 1,
  });
  const page = found.slice(0, input.limit);
  const ownerIds = [...new Set(page.map((t) => t.ownerStaffId))];
  const [customers, owners] = await Promise.all([
    customersByIds(
      db,
      page.map((t) => t.customerId),
    ),
    ownerIds.length > 0
      ? findWhere<Staff>(db, COLLECTIONS.staff, { _id: db.command.in!(ownerIds) }, ownerIds.length)
      : Promise.resolve([]),
  ]);
  const ownerName = new Map(owners.map((s) => [s._id, s.name]));
  return {
    items: page.map((t) => {
      const level = escalationLevel(t.dueDate, today, settings);
      return {
        ...cardOf(t, customers.get(t.customerId), today),
        level: level === 'reassign' ? ('reassign' as const) : ('manager_digest' as const),
        ownerStaffId: t.ownerStaffId,
        ownerName: ownerName.get(t.ownerStaffId) ?? '',
        // A task goes only to a colleague of its own store (the general manager's list spans the chain).
        storeId: t.storeId,
      };
    }),
    ...(found.length > input.limit ? { nextCursor: encodeOffsetCursor(offset + input.limit) } : {}),
  };
}

/** One tap in the manager's view: the task goes to the colleague chosen (audited). */
export async function reassignTask(input: In<'reassignTask'>, caller: Caller, db: Database, now: Date) {
  const me = caller.staff as Me;
  const [task, to] = await Promise.all([getTask(db, input.taskId), getStaff(db, input.toStaffId)]);
  const visible = task && canSeePerson(caller, task) ? task : null;
  const check = checkReassign(visible, to ? { id: to._id, storeId: to.storeId, active: to.active } : null);
  if (!check.ok) throw new AppError(check.code, check.message);
  const target = visible as NonNullable<typeof visible>;
  const successor = to as NonNullable<typeof to>;
  const at = now.toISOString();
  await transact(db, async (tx) => {
    const tasks = tasksInTx(tx);
    const current = await tasks.get(target.id);
    if (!current || current.status !== 'open') throw new AppError('CONFLICT', '该任务已完成，无需改派');
    await tasks.update(target.id, { ownerStaffId: successor._id, remindAt: null });
    await writeAudit(tx, {
      id: `a_reassign_${target.id}_${at.replace(/\D/g, '')}`.slice(0, 64),
      chainId: target.chainId,
      at,
      actorId: me.id,
      action: 'task.reassign',
      targetId: target.id,
      storeId: target.storeId,
      outcome: 'allowed',
      message: `回访任务由 ${current.ownerStaffId} 改派给 ${successor.name}`,
    });
  });
  return { taskId: target.id, ownerStaffId: successor._id, ownerName: successor.name };
}
