import type { Database } from '../platform/db-types';
import { COLLECTIONS } from './collections';
import { getById } from './read';

/** Where a timer job that spans several runs left off (`_id` = the job's name). */
export async function getJobState<T extends Record<string, unknown>>(db: Database, name: string): Promise<T | null> {
  const doc = await getById<T>(db, COLLECTIONS.jobs, name);
  if (!doc) return null;
  const { _id: _ignored, ...state } = doc;
  return state as unknown as T;
}

export async function putJobState(db: Database, name: string, state: Record<string, unknown>): Promise<void> {
  await db.collection(COLLECTIONS.jobs).doc(name).set({ data: state });
}
