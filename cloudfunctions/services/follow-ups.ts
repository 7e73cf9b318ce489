import { planCadenceTasks, type CadencePlanInput, type ClinicSettings, type FollowUpTask } from '@clinic/shared';
import type { StoreCalendar } from '@clinic/shared';
import { tasksInTx } from '../data/tasks';
import type { Transaction } from '../platform/db-types';

/** Plans a new filing's cadence tasks (§6, shared `planCadenceTasks`) and writes them in the transaction. */
export async function planFollowUps(
  tx: Transaction,
  input: CadencePlanInput,
  settings: ClinicSettings,
  store: StoreCalendar,
): Promise<FollowUpTask[]> {
  const tasks = planCadenceTasks(input, settings, store);
  const repo = tasksInTx(tx);
  for (const task of tasks) await repo.put(task);
  return tasks;
}
