/**
 * A session is the view document operations read through and the place their writes go:
 * either straight to the store (committed before the request is answered) or into a transaction's buffer.
 */
import type { Applied, Change, DocStore, Stored } from './store';

export interface Session {
  read(coll: string, key: string): Stored | null;
  /** The collection in natural order, as this session sees it. */
  entries(coll: string): ReadonlyMap<string, Stored>;
  write(changes: Change[]): void;
}

/** Outside any transaction: reads the latest state, each write is its own durable commit. */
export class DirectSession implements Session {
  constructor(
    private readonly store: DocStore,
    /** Told about every commit so open transactions can keep their snapshot and detect conflicts. */
    private readonly onCommit: (applied: Applied[]) => void,
  ) {}

  read(coll: string, key: string): Stored | null {
    return this.store.get(coll, key) ?? null;
  }

  entries(coll: string): ReadonlyMap<string, Stored> {
    return this.store.entries(coll);
  }

  write(changes: Change[]): void {
    this.onCommit(this.store.commit(changes));
  }
}
