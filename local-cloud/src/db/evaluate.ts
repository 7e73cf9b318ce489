/**
 * Query, update and aggregation semantics, delegated to mingo (MongoDB's language in memory) so the operators
 * behave like the real backend's MongoDB instead of a hand-written approximation.
 */
import { Aggregator, ProcessingMode, Query, update } from 'mingo';
import type { Doc } from './ejson';
import { encode, isPlainObject } from './ejson';
import { DbError, DbErrorCode } from './errors';

/** The server's own defaults (the SDK also sends them, docs/wire-protocol.md §5): page size 100, never more than 1000. */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

export interface FindOptions {
  order?: Doc;
  offset?: number;
  /** Absent = no limit (DOC reads, counts, update/remove selection). */
  limit?: number;
  projection?: Doc;
}

/** Maps mingo's exceptions to wire errors: unknown operators get their own code, the rest is a failed request. */
export function asDbError(err: unknown): DbError {
  if (err instanceof DbError) return err;
  const message = err instanceof Error ? err.message : String(err);
  const code = /(unknown|unregistered) .*operator|operator .*not (supported|registered)|' is not registered/i.test(
    message,
  )
    ? DbErrorCode.invalidOperator
    : DbErrorCode.requestFailed;
  return new DbError(code, message);
}

function guard<T>(run: () => T): T {
  try {
    return run();
  } catch (err) {
    throw asDbError(err);
  }
}

export function matcher(query: Doc): (doc: Doc) => boolean {
  const q = guard(() => new Query(query, {}));
  return (doc) => guard(() => q.test(doc));
}

/** Clamps a requested page size the way the real backend does: 1..1000, default 100. */
export function clampLimit(limit: unknown): number {
  if (typeof limit !== 'number' || !Number.isFinite(limit) || limit <= 0) return DEFAULT_LIMIT;
  return Math.min(Math.floor(limit), MAX_LIMIT);
}

/** Filter, sort (keys in the order given), skip, limit, project. */
export function find(docs: Doc[], query: Doc, opts: FindOptions = {}): Doc[] {
  return guard(() => {
    const projection = opts.projection && Object.keys(opts.projection).length > 0 ? opts.projection : undefined;
    let cursor = new Query(query, {}).find<Doc>(docs, projection);
    if (opts.order && Object.keys(opts.order).length > 0) cursor = cursor.sort(opts.order as Record<string, 1 | -1>);
    if (opts.offset && opts.offset > 0) cursor = cursor.skip(opts.offset);
    if (opts.limit !== undefined) cursor = cursor.limit(opts.limit);
    return cursor.all();
  });
}

const hasOperators = (u: Doc): boolean => Object.keys(u).some((k) => k.startsWith('$'));

/** mingo keeps duplicates of `$addToSet: {$each}` when the array field does not exist yet; MongoDB does not. */
function dedupeAddToSetEach(u: Doc): Doc {
  const add = u.$addToSet;
  if (!isPlainObject(add)) return u;
  const fixed: Doc = {};
  for (const [path, v] of Object.entries(add)) {
    if (isPlainObject(v) && Array.isArray(v.$each)) {
      const seen = new Set<string>();
      fixed[path] = { ...v, $each: v.$each.filter((x) => !seen.has(encode(x)) && !!seen.add(encode(x))) };
    } else fixed[path] = v;
  }
  return { ...u, $addToSet: fixed };
}

/**
 * Applies a `merge:true` update in place; returns whether anything changed (the wire's `updated` counts changed
 * documents, like MongoDB's nModified). The SDK always sends operators; a plain object is treated as `$set`.
 */
export function applyUpdate(doc: Doc, updateSpec: Doc): boolean {
  const spec = hasOperators(updateSpec) ? dedupeAddToSetEach(updateSpec) : { $set: updateSpec };
  if (Object.keys(spec).some((k) => !k.startsWith('$'))) {
    throw new DbError(DbErrorCode.invalidOperator, 'update mixes operators and plain fields');
  }
  return guard(() => update(doc, spec, undefined, undefined, { cloneMode: 'deep' }).length > 0);
}

/** Runs an aggregation pipeline; `$lookup`/`$unionWith` read other collections through `resolve`. */
export function aggregate(docs: Doc[], pipeline: Doc[], resolve: (name: string) => Doc[]): Doc[] {
  // The real backend reportedly caps a pipeline without $limit at 20 results (docs/wire-protocol.md §5, unverified):
  // deliberately not emulated, the pipeline's own stages decide.
  // CLONE_INPUT: stages such as $addFields must never write into the cached (shared, immutable) documents.
  const options = { collectionResolver: resolve, processingMode: ProcessingMode.CLONE_INPUT };
  return guard(() => new Aggregator(pipeline, options).run<Doc>(docs));
}
