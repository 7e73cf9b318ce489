import type { Database } from '../platform/db-types';
import { isMissingCollection, type Stored } from './documents';

/** One document by `_id`; null when it (or its collection, before setup) does not exist. */
export async function getById<T>(db: Database, collection: string, id: string): Promise<Stored<T> | null> {
  try {
    const { data } = await db.collection<Stored<T> & Record<string, unknown>>(collection).doc(id).get();
    return (data as Stored<T> | null) ?? null;
  } catch (e) {
    if (isMissingCollection(e)) return null;
    throw e;
  }
}

/** Up to `limit` documents matching `query`; none when the collection does not exist yet. */
export async function findWhere<T>(
  db: Database,
  collection: string,
  query: Record<string, unknown>,
  limit: number,
): Promise<Stored<T>[]> {
  try {
    const { data } = await db
      .collection<Stored<T> & Record<string, unknown>>(collection)
      .where(query)
      .limit(limit)
      .get();
    return data as Stored<T>[];
  } catch (e) {
    if (isMissingCollection(e)) return [];
    throw e;
  }
}
