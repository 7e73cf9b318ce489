/** Minimal typed view of the wx-server-sdk database API: just what the project uses. */
import type { Doc } from './sdk';

export type Query = Record<string, unknown>;

export interface DocRef<T extends Doc> {
  get(): Promise<{ data: T | null }>;
  set(opts: { data: Omit<T, '_id'> }): Promise<unknown>;
  update(opts: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}

export interface QueryRef<T extends Doc> {
  where(query: Query): QueryRef<T>;
  orderBy(field: string, order: 'asc' | 'desc'): QueryRef<T>;
  skip(n: number): QueryRef<T>;
  limit(n: number): QueryRef<T>;
  field(projection: Record<string, boolean>): QueryRef<T>;
  get(): Promise<{ data: T[] }>;
  count(): Promise<{ total: number }>;
  update(opts: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}

export interface Collection<T extends Doc> extends QueryRef<T> {
  doc(id: string): DocRef<T>;
  add(opts: { data: Omit<T, '_id'> & { _id?: string } }): Promise<{ _id: string }>;
  aggregate(): AggregateRef;
}

export interface AggregateRef {
  match(q: Query): AggregateRef;
  group(g: Record<string, unknown>): AggregateRef;
  sort(s: Record<string, 1 | -1>): AggregateRef;
  limit(n: number): AggregateRef;
  skip(n: number): AggregateRef;
  project(p: Record<string, unknown>): AggregateRef;
  end(): Promise<{ list: Record<string, unknown>[] }>;
}

/** db.command: typed loosely on purpose — its values are only ever passed back into queries. */
export type QueryCommand = Record<string, (...args: unknown[]) => unknown>;

/**
 * db.command.aggregate: the expression operators of aggregate pipelines (`sum`, `cond`, `eq`, `lt`,
 * `first` …), typed loosely like QueryCommand — their values only go back into a pipeline stage.
 */
export type AggregateCommand = Record<string, (...args: unknown[]) => unknown>;

export interface TransactionDocRef<T extends Doc> {
  get(): Promise<T | null>;
  set(data: Omit<T, '_id'>): Promise<void>;
  update(data: Record<string, unknown>): Promise<number>;
  remove(): Promise<number>;
}

export interface TransactionCollection<T extends Doc> {
  doc(id: string): TransactionDocRef<T>;
  add(data: Omit<T, '_id'> & { _id?: string }): Promise<string>;
  /**
   * Inserts several documents in one request, all or nothing: a duplicate `_id` (against the
   * collection or within the batch) fails the whole request. A create-only write, so it never
   * overwrites what someone else wrote (docs/wire-protocol.md §4).
   */
  addMany(docs: readonly (Omit<T, '_id'> & { _id: string })[]): Promise<string[]>;
}

export interface Transaction {
  collection<T extends Doc>(name: string): TransactionCollection<T>;
}

export interface Database {
  collection<T extends Doc>(name: string): Collection<T>;
  command: QueryCommand;
  /** db.command.aggregate (for `$group`'s accumulators and expressions). */
  aggregateCommand: AggregateCommand;
  serverDate(offsetMs?: number): unknown;
  createCollection(name: string): Promise<void>;
  runTransaction<R>(fn: (tx: Transaction) => Promise<R>, retries?: number): Promise<R>;
}
