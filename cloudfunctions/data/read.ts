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

/** The server's largest page (wx-server-sdk clamps `limit` at 1000). */
export const MAX_PAGE = 1000;

/**
 * Every document matching `query`, in `_id` order, a server page at a time with keyset paging
 * (after the last `_id` seen), so a long result never needs a large skip. For sets a function must
 * read whole (a balance, a staff member's old customers); a function has ~60 s at most.
 */
export async function findAllByKeyset<T>(
  db: Database,
  collection: string,
  query: Record<string, unknown>,
): Promise<Stored<T>[]> {
  const _ = db.command;
  const all: Stored<T>[] = [];
  for (;;) {
    const last = all[all.length - 1]?._id;
    const { data } = await db
      .collection<Stored<T> & Record<string, unknown>>(collection)
      .where({ ...query, ...(last !== undefined ? { _id: _.gt!(last) } : {}) })
      .orderBy('_id', 'asc')
      .limit(MAX_PAGE)
      .get();
    all.push(...(data as Stored<T>[]));
    if (data.length < MAX_PAGE) return all;
  }
}
