/**
 * Snapshot-isolated transactions (docs/wire-protocol.md §6).
 *
 * Instead of copying the database at start, each open transaction keeps an undo image: whenever anyone else
 * commits, the value each touched document had *before* that commit is remembered (first time only). So
 *  - the snapshot read of a document = own buffered write, else the remembered pre-image, else the live value;
 *  - a write-write conflict = the transaction wrote a document that has a pre-image (someone else changed or
 *    created it after the start). The first committer wins; the loser's commit applies nothing.
 * Writes are buffered and applied at commit as one durable store transaction.
 */
import { randomBytes } from 'crypto';
import { DbError, DbErrorCode, transactionNotExist } from './errors';
import type { Session } from './session';
import type { Applied, Change, DocStore, Stored } from './store';

/** Real transactions must finish within 30 s (docs.cloudbase.net/error-code/DATABASE_TRANSACTION_FAIL). */
export const TRANSACTION_IDLE_MS = 30_000;

const ck = (coll: string, key: string): string => `${coll}\u0000${key}`;

export class Transaction implements Session {
  /** Documents changed by other commits since the start → the value they had at the start (`prev: null` = absent). */
  private readonly preimages = new Map<string, Applied>();
  private readonly writes = new Map<string, Change>();

  constructor(
    readonly id: string,
    private readonly store: DocStore,
    public lastUsed: number,
  ) {}

  read(coll: string, key: string): Stored | null {
    const k = ck(coll, key);
    const own = this.writes.get(k);
    if (own) return own.next;
    const before = this.preimages.get(k);
    if (before) return before.prev;
    return this.store.get(coll, key) ?? null;
  }

  entries(coll: string): ReadonlyMap<string, Stored> {
    const view = new Map(this.store.entries(coll));
    const overlay = (c: { coll: string; key: string }, value: Stored | null): void => {
      if (c.coll !== coll) return;
      if (value) view.set(c.key, value);
      else view.delete(c.key);
    };
    for (const a of this.preimages.values()) overlay(a, a.prev);
    for (const w of this.writes.values()) overlay(w, w.next);
    return view;
  }

  write(changes: Change[]): void {
    for (const c of changes) this.writes.set(ck(c.coll, c.key), c);
  }

  /** Called for every commit made by someone else while this transaction is open. */
  noteForeignCommit(applied: readonly Applied[]): void {
    for (const a of applied) {
      const k = ck(a.coll, a.key);
      if (!this.preimages.has(k)) this.preimages.set(k, a);
    }
  }

  hasConflict(): boolean {
    for (const k of this.writes.keys()) if (this.preimages.has(k)) return true;
    return false;
  }

  bufferedChanges(): Change[] {
    return [...this.writes.values()];
  }
}

export class TransactionManager {
  private readonly open = new Map<string, Transaction>();

  constructor(
    private readonly store: DocStore,
    /** Wall time, not the emulated clock: expiry protects against crashed callers. */
    private readonly wallClock: () => number = Date.now,
  ) {}

  start(): Transaction {
    const id = `txn-${randomBytes(12).toString('hex')}`;
    const txn = new Transaction(id, this.store, this.wallClock());
    this.open.set(id, txn);
    return txn;
  }

  /** An open transaction by id (and marks it used), or DATABASE_TRANSACTION_FAIL. */
  get(id: string): Transaction {
    const txn = this.open.get(id);
    if (!txn) throw transactionNotExist(id);
    txn.lastUsed = this.wallClock();
    return txn;
  }

  /** Applies the buffered writes atomically, or rejects with a conflict; either way the transaction ends. */
  commit(id: string): void {
    const txn = this.get(id);
    this.open.delete(id);
    if (txn.hasConflict()) {
      throw new DbError(
        DbErrorCode.transactionConflict,
        'database transaction conflict: a document written by this transaction was changed by another commit after it started',
      );
    }
    this.noteCommit(this.store.commit(txn.bufferedChanges()));
  }

  abort(id: string): void {
    this.get(id);
    this.open.delete(id);
  }

  /** Every commit (direct writes and transaction commits) goes through here so the open snapshots stay right. */
  noteCommit(applied: readonly Applied[]): void {
    if (applied.length === 0) return;
    for (const txn of this.open.values()) txn.noteForeignCommit(applied);
  }

  /** Drops transactions idle for more than 30 s so a crashed caller cannot pin pre-images forever. */
  expireIdle(): void {
    const cutoff = this.wallClock() - TRANSACTION_IDLE_MS;
    for (const [id, txn] of this.open) if (txn.lastUsed < cutoff) this.open.delete(id);
  }

  get openCount(): number {
    return this.open.size;
  }
}
