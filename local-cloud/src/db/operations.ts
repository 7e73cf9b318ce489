/**
 * Document operations (insert / select / modify / remove) over a Session, so the same code serves direct
 * requests and requests inside a transaction.
 */
import { decodeStored, encode, idKey, isPlainObject, newId, type Doc } from './ejson';
import { DbError, DbErrorCode } from './errors';
import { applyUpdate, find, type FindOptions } from './evaluate';
import type { Session } from './session';
import type { Change, Stored } from './store';

const toStored = (doc: Doc): Stored => {
  const text = encode(doc);
  // Re-decoded so the cached object is exactly what a reload from disk would give.
  return { doc: decodeStored(text), text };
};

const duplicateKey = (coll: string, id: unknown): DbError =>
  new DbError(
    DbErrorCode.requestFailed,
    `E11000 duplicate key error collection: ${coll} index: _id_ dup key: { _id: ${encode(id)} }`,
  );

/** `_id` first, like MongoDB stores it. */
const withId = (id: unknown, doc: Doc): Doc => {
  const { _id: _ignored, ...rest } = doc;
  return { _id: id, ...rest };
};

/** Scalar `_id` equality (every DOC request) is a key lookup; anything else scans the collection. */
function candidates(session: Session, coll: string, query: Doc): Doc[] {
  const id = query._id;
  if (typeof id === 'string' || typeof id === 'number') {
    const hit = session.read(coll, idKey(id));
    return hit ? [hit.doc] : [];
  }
  return Array.from(session.entries(coll).values(), (s) => s.doc);
}

export function select(session: Session, coll: string, query: Doc, opts: FindOptions = {}): Doc[] {
  return find(candidates(session, coll, query), query, opts);
}

/**
 * Inserts all documents or none (a duplicate `_id`, against the collection or within the batch, fails the
 * whole request; MongoDB's ordered insertMany would keep the ones before it). Returns the `_id`s.
 */
export function insert(session: Session, coll: string, docs: Doc[]): unknown[] {
  const changes: Change[] = [];
  const batch = new Set<string>();
  for (const raw of docs) {
    const id = raw._id === undefined ? newId() : raw._id;
    const key = idKey(id);
    if (batch.has(key) || session.read(coll, key)) throw duplicateKey(coll, id);
    batch.add(key);
    changes.push({ coll, key, next: toStored(withId(id, raw)) });
  }
  session.write(changes);
  return changes.map((c) => c.next?.doc._id);
}

export interface ModifySpec {
  query: Doc;
  data: Doc;
  multi: boolean;
  /** true: `data` holds update operators; false: `data` replaces the document (`set`). */
  merge: boolean;
  upsert: boolean;
}

export interface ModifyResult {
  updated: number;
  upsert_id?: unknown;
}

/** The `_id` an upsert creates: the query's scalar `_id` (doc(id).set) or a new one. */
const upsertId = (query: Doc): unknown => (query._id !== undefined && !isPlainObject(query._id) ? query._id : newId());

/** `updated` counts documents that actually changed, like MongoDB's nModified. */
export function modify(session: Session, coll: string, spec: ModifySpec): ModifyResult {
  const targets = select(session, coll, spec.query, spec.multi ? {} : { limit: 1 });
  if (targets.length === 0) {
    if (!spec.upsert) return { updated: 0 };
    const id = upsertId(spec.query);
    let doc = withId(id, spec.merge ? {} : spec.data);
    if (spec.merge) applyUpdate(doc, spec.data);
    doc = withId(id, doc);
    insert(session, coll, [doc]);
    return { updated: 0, upsert_id: id };
  }
  const changes: Change[] = [];
  for (const current of targets) {
    const key = idKey(current._id);
    const before = encode(current);
    let next: Doc;
    if (spec.merge) {
      next = decodeStored(before);
      if (!applyUpdate(next, spec.data)) continue;
    } else {
      next = withId(current._id, spec.data);
    }
    const stored = toStored(next);
    if (stored.text !== before) changes.push({ coll, key, next: stored });
  }
  session.write(changes);
  return { updated: changes.length };
}

export function remove(session: Session, coll: string, query: Doc, multi: boolean): number {
  const targets = select(session, coll, query, multi ? {} : { limit: 1 });
  session.write(targets.map((d) => ({ coll, key: idKey(d._id), next: null })));
  return targets.length;
}
