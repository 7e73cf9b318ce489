import type { FollowUpTask } from '@clinic/shared';
import type { Database, Transaction } from '../platform/db-types';
import { COLLECTIONS } from './collections';
import type { Stored } from './documents';
import { MAX_PAGE, findAllByKeyset, getById } from './read';

/** Follow-up tasks (§6): `_id` = task id. */
export const getTask = (db: Database, id: string) => getById<FollowUpTask>(db, COLLECTIONS.followUpTasks, id);

/** The due-date condition of a workbench tab (`bucketRange`), as a query. */
function dueWhere(db: Database, range: { from?: string; to?: string }) {
  const _ = db.command;
  if (range.from && range.to && range.from === range.to) return range.from;
  if (range.from && range.to) return _.and!(_.gte!(range.from), _.lte!(range.to));
  if (range.from) return _.gte!(range.from);
  return _.lte!(range.to as string);
}

/** A page of an owner's open tasks in a due-date range, earliest first (ties by id). */
export async function openTasksOf(
  db: Database,
  ownerStaffId: string,
  range: { from?: string; to?: string },
  page: { skip: number; limit: number },
): Promise<Stored<FollowUpTask>[]> {
  const { data } = await db
    .collection<Stored<FollowUpTask> & Record<string, unknown>>(COLLECTIONS.followUpTasks)
    .where({ ownerStaffId, status: 'open', dueDate: dueWhere(db, range) })
    .orderBy('dueDate', 'asc')
    .orderBy('_id', 'asc')
    .skip(page.skip)
    .limit(page.limit)
    .get();
  return data as Stored<FollowUpTask>[];
}

export async function countOpenTasks(db: Database, ownerStaffId: string, range: { from?: string; to?: string }) {
  const { total } = await db
    .collection(COLLECTIONS.followUpTasks)
    .where({ ownerStaffId, status: 'open', dueDate: dueWhere(db, range) })
    .count();
  return total;
}

/** A customer's tasks (for the task's history), newest first. */
export async function tasksOfCustomer(db: Database, customerId: string): Promise<Stored<FollowUpTask>[]> {
  const { data } = await db
    .collection<Stored<FollowUpTask> & Record<string, unknown>>(COLLECTIONS.followUpTasks)
    .where({ customerId })
    .orderBy('dueDate', 'desc')
    .limit(50)
    .get();
  return data as Stored<FollowUpTask>[];
}

export function tasksInTx(tx: Transaction) {
  const tasks = tx.collection<FollowUpTask & { _id?: string }>(COLLECTIONS.followUpTasks);
  return {
    get: (id: string) => tasks.doc(id).get(),
    put: (task: FollowUpTask) => tasks.doc(task.id).set(task),
    update: (id: string, patch: Record<string, unknown>) => tasks.doc(id).update(patch),
  };
}

/** Every task an owner has due in [from, to] (dates), open or not (my figures of a month). */
export const tasksDueBetween = (db: Database, ownerStaffId: string, from: string, to: string) =>
  findAllByKeyset<FollowUpTask>(db, COLLECTIONS.followUpTasks, {
    ownerStaffId,
    dueDate: db.command.and!(db.command.gte!(from), db.command.lte!(to)),
  });

/**
 * Gives every open task of one owner to another, in one multi-document update (no transaction can
 * hold thousands of documents; repeating it moves what is left). Returns how many moved.
 */
export async function handOverOpenTasks(db: Database, fromStaffId: string, toStaffId: string): Promise<number> {
  const { stats } = await db
    .collection(COLLECTIONS.followUpTasks)
    .where({ ownerStaffId: fromStaffId, status: 'open' })
    .update({ data: { ownerStaffId: toStaffId } });
  return stats.updated;
}

/** A page of a store's (or chain's) open tasks due on or before `dueOnOrBefore`, oldest first. */
export async function overdueTasksOf(
  db: Database,
  where: { chainId: string; storeId?: string },
  dueOnOrBefore: string,
  page: { skip: number; limit: number },
): Promise<Stored<FollowUpTask>[]> {
  const { data } = await db
    .collection<Stored<FollowUpTask> & Record<string, unknown>>(COLLECTIONS.followUpTasks)
    .where({ ...where, status: 'open', dueDate: db.command.lte!(dueOnOrBefore) })
    .orderBy('dueDate', 'asc')
    .orderBy('_id', 'asc')
    .skip(page.skip)
    .limit(page.limit)
    .get();
  return data as Stored<FollowUpTask>[];
}

/** An owner's open tasks due by a day, as the database groups them (the staff digest). */
export interface OwnerDue {
  ownerStaffId: string;
  today: number;
  overdue: number;
  /** The customer of the owner's earliest-due task (ties by task id). */
  firstCustomerId: string;
}

/**
 * One page of a chain's open tasks due on or before `today`, grouped by owner in the database
 * (`aggregate().match().sort().group()`, never loaded), in owner-id order after `afterOwner`
 * (a keyset cursor), at most `limit` owners (≤ 1000).
 */
export async function dueByOwnerPage(
  db: Database,
  query: { chainId?: string; today: string; afterOwner: string | null; limit: number },
): Promise<OwnerDue[]> {
  const _ = db.command;
  const $ = db.aggregateCommand;
  const { today } = query;
  const { list } = await db
    .collection(COLLECTIONS.followUpTasks)
    .aggregate()
    .match({
      ...(query.chainId ? { chainId: query.chainId } : {}),
      status: 'open',
      dueDate: _.lte!(today),
      ...(query.afterOwner !== null ? { ownerStaffId: _.gt!(query.afterOwner) } : {}),
    })
    .sort({ ownerStaffId: 1, dueDate: 1, _id: 1 })
    .group({
      _id: '$ownerStaffId',
      today: $.sum!($.cond!([$.eq!(['$dueDate', today]), 1, 0])),
      overdue: $.sum!($.cond!([$.lt!(['$dueDate', today]), 1, 0])),
      firstCustomerId: $.first!('$customerId'),
    })
    .sort({ _id: 1 })
    .limit(Math.min(query.limit, MAX_PAGE))
    .end();
  return list.map((g) => ({
    ownerStaffId: String(g._id),
    today: Number(g.today),
    overdue: Number(g.overdue),
    firstCustomerId: String(g.firstCustomerId),
  }));
}

/** A store's open follow-ups on the escalation ladder (for its manager's digest). */
export interface StoreEscalations {
  escalated: number;
  reassign: number;
}

/**
 * Every store's escalated open tasks of a chain, grouped in the database (one row per store):
 * `escalated` are due on or before `escalatedOnOrBefore`, `reassign` of those on or before
 * `reassignOnOrBefore`.
 */
export async function escalationsByStore(
  db: Database,
  query: { chainId?: string; escalatedOnOrBefore: string; reassignOnOrBefore: string },
): Promise<Map<string, StoreEscalations>> {
  const _ = db.command;
  const $ = db.aggregateCommand;
  const { list } = await db
    .collection(COLLECTIONS.followUpTasks)
    .aggregate()
    .match({
      ...(query.chainId ? { chainId: query.chainId } : {}),
      status: 'open',
      dueDate: _.lte!(query.escalatedOnOrBefore),
    })
    .group({
      _id: '$storeId',
      escalated: $.sum!(1),
      reassign: $.sum!($.cond!([$.lte!(['$dueDate', query.reassignOnOrBefore]), 1, 0])),
    })
    .limit(MAX_PAGE)
    .end();
  return new Map(list.map((g) => [String(g._id), { escalated: Number(g.escalated), reassign: Number(g.reassign) }]));
}
