import type { FollowUpTask } from '@clinic/shared';
import type { Transaction } from '../platform/db-types';
import { COLLECTIONS } from './collections';

/** Follow-up tasks (§6): `_id` = task id. */
export function tasksInTx(tx: Transaction) {
  const tasks = tx.collection<FollowUpTask & { _id?: string }>(COLLECTIONS.followUpTasks);
  return {
    put: (task: FollowUpTask) => tasks.doc(task.id).set(task),
  };
}
