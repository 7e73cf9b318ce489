import { DEPARTMENTS, STAFF_POSTS, checkHandover, type Staff, type StaffContract } from '@clinic/shared';
import type { z } from 'zod';
import { getStore } from '../../data/clinic';
import { handOverCustomers } from '../../data/customers';
import type { Stored } from '../../data/documents';
import { activeStaffOfStore, deactivateStaff, getStaff, staffFactsOf } from '../../data/staff';
import { handOverOpenTasks } from '../../data/tasks';
import { getTargets as readTargets, putTargets } from '../../data/targets';
import { canSeePerson, type Caller } from '../../platform/access';
import type { Database } from '../../platform/db-types';
import { AppError } from '../../platform/errors';
import { transact } from '../../platform/transaction';
import { writeAudit } from '../../services/audit';

type In<A extends keyof StaffContract> = z.output<StaffContract[A]['input']>;
type Me = NonNullable<Caller['staff']>;

/** A store's active colleagues, for pickers and the handover choice (the caller's store unless chain-wide). */
export async function listColleagues(input: In<'listColleagues'>, caller: Caller, db: Database) {
  const me = caller.staff as Me;
  const storeId = input.storeId ?? me.storeId;
  const store = storeId === me.storeId ? { chainId: me.chainId } : await getStore(db, storeId);
  if (!store || !canSeePerson(caller, { chainId: store.chainId, storeId })) {
    throw new AppError('NOT_FOUND', '没有找到这家门店');
  }
  const staff = await activeStaffOfStore(db, storeId);
  return {
    items: staff
      .filter((s) => input.post === undefined || s.post === input.post)
      .sort((a, b) => a.post.localeCompare(b.post) || a.name.localeCompare(b.name, 'zh-CN'))
      .map((s) => ({
        staffId: s._id,
        name: s.name,
        post: s.post,
        postLabel: STAFF_POSTS[s.post],
        departmentLabel: DEPARTMENTS[s.department],
        isManager: s.managerKind !== undefined,
      })),
  };
}

/**
 * A colleague leaves: their account stops working first (so they cannot act while their work
 * moves), then their open tasks and their customers go to the successor in two multi-document
 * updates. Credited performance, filings and attributions stay as they are (no retroactive change).
 */
export async function deactivate(input: In<'deactivate'>, caller: Caller, db: Database, now: Date) {
  const me = caller.staff as Me;
  const [leaving, successor] = await Promise.all([getStaff(db, input.staffId), getStaff(db, input.handoverToStaffId)]);
  // A store manager sees only their store's colleagues; anyone else's look missing.
  const visible = leaving && canSeePerson(caller, leaving) ? leaving : null;
  const check = checkHandover(
    staffFactsOf(me),
    visible ? staffFactsOf(visible) : null,
    successor ? staffFactsOf(successor) : null,
  );
  if (!check.ok) throw new AppError(check.code, check.message);
  const target = visible as Stored<Staff>;
  const heir = successor as Stored<Staff>;
  const at = now.toISOString();
  if (!check.alreadyDeactivated) {
    await deactivateStaff(db, target._id, { handoverToStaffId: heir._id, by: me.id, at });
  }
  const movedTasks = await handOverOpenTasks(db, target._id, heir._id);
  const movedCustomers = await handOverCustomers(db, target._id, { staffId: heir._id, department: heir.department });
  await transact(db, (tx) =>
    writeAudit(tx, {
      id: `a_leave_${target._id}_${at.replace(/\D/g, '')}`.slice(0, 64),
      chainId: target.chainId,
      at,
      actorId: me.id,
      action: 'staff.deactivate',
      targetId: target._id,
      storeId: target.storeId,
      outcome: 'allowed',
      message: `停用 ${target.name}，回访任务 ${movedTasks} 条、老客 ${movedCustomers} 位交给 ${heir.name}`,
    }),
  );
  return {
    staffId: target._id,
    handoverToStaffId: heir._id,
    handoverToName: heir.name,
    movedTasks,
    movedCustomers,
  };
}

/** A manager sets a colleague's targets for a month (§4 assessment); the month's set replaces the last. */
export async function setTargets(input: In<'setTargets'>, caller: Caller, db: Database, now: Date) {
  const me = caller.staff as Me;
  const member = await getStaff(db, input.staffId);
  if (!member || !canSeePerson(caller, member)) throw new AppError('NOT_FOUND', '没有找到这位员工');
  const targets = Object.fromEntries(Object.entries(input.targets).filter(([, v]) => v !== undefined));
  await putTargets(db, {
    chainId: member.chainId,
    storeId: member.storeId,
    staffId: member._id,
    month: input.month,
    targets,
    setByStaffId: me.id,
    setAt: now.toISOString(),
  });
  return { staffId: member._id, month: input.month };
}

/** A colleague's targets of a month as last set (empty when none were). */
export async function getTargets(input: In<'getTargets'>, caller: Caller, db: Database) {
  const member = await getStaff(db, input.staffId);
  if (!member || !canSeePerson(caller, member)) throw new AppError('NOT_FOUND', '没有找到这位员工');
  const doc = await readTargets(db, member._id, input.month);
  return {
    staffId: member._id,
    month: input.month,
    targets: doc?.targets ?? {},
    ...(doc ? { setAt: doc.setAt } : {}),
  };
}
