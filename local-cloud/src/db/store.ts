/**
 * The durable store: `<dataDir>/database.sqlite` is the truth, an in-memory copy serves reads.
 *
 * Every call to `commit` is one SQLite transaction, committed (WAL, synchronous=FULL) before it returns, so an
 * acknowledged write survives SIGKILL or power loss and a killed process never leaves half of a write behind.
 * The cache is updated only after SQLite accepted the change. Cached entries are immutable: callers clone
 * (`decodeStored(entry.text)`) before changing anything.
 */
import { mkdirSync } from 'fs';
import { join } from 'path';
import BetterSqlite3 from 'better-sqlite3';
import { decodeStored, type Doc } from './ejson';

export interface Stored {
  readonly doc: Doc;
  /** Canonical EJSON of `doc`, exactly as persisted. */
  readonly text: string;
}

/** One document write: `next: null` deletes. */
export interface Change {
  readonly coll: string;
  readonly key: string;
  readonly next: Stored | null;
}

/** What a committed change replaced (`prev: null` = the document did not exist). */
export interface Applied {
  readonly coll: string;
  readonly key: string;
  readonly prev: Stored | null;
}

type Collection = Map<string, Stored>;

export class DocStore {
  private readonly collections = new Map<string, Collection>();
  private readonly upsertStmt: BetterSqlite3.Statement<[string, string, string]>;
  private readonly deleteStmt: BetterSqlite3.Statement<[string, string]>;
  private readonly addCollStmt: BetterSqlite3.Statement<[string]>;

  private constructor(private readonly sql: BetterSqlite3.Database) {
    sql.pragma('journal_mode = WAL');
    sql.pragma('synchronous = FULL');
    sql.exec(`
      CREATE TABLE IF NOT EXISTS collections (name TEXT PRIMARY KEY) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS documents (
        coll TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (coll, id));`);
    this.upsertStmt = sql.prepare(
      'INSERT INTO documents (coll, id, body) VALUES (?, ?, ?) ON CONFLICT (coll, id) DO UPDATE SET body = excluded.body',
    );
    this.deleteStmt = sql.prepare('DELETE FROM documents WHERE coll = ? AND id = ?');
    this.addCollStmt = sql.prepare('INSERT OR IGNORE INTO collections (name) VALUES (?)');
    this.load();
  }

  static open(dataDir: string): DocStore {
    mkdirSync(dataDir, { recursive: true });
    return new DocStore(new BetterSqlite3(join(dataDir, 'database.sqlite')));
  }

  /** Reload everything; rowid order keeps the natural (insertion) order across restarts. */
  private load(): void {
    for (const row of this.sql.prepare('SELECT name FROM collections').all() as { name: string }[]) {
      this.collections.set(row.name, new Map());
    }
    const rows = this.sql.prepare('SELECT coll, id, body FROM documents ORDER BY rowid').all() as {
      coll: string;
      id: string;
      body: string;
    }[];
    for (const { coll, id, body } of rows) {
      this.collections.get(coll)?.set(id, { doc: decodeStored(body), text: body });
    }
  }

  hasCollection(name: string): boolean {
    return this.collections.has(name);
  }

  /** Returns false if it already existed. */
  createCollection(name: string): boolean {
    if (this.collections.has(name)) return false;
    this.addCollStmt.run(name);
    this.collections.set(name, new Map());
    return true;
  }

  get(coll: string, key: string): Stored | undefined {
    return this.collections.get(coll)?.get(key);
  }

  /** Live read-only view of a collection in natural order (empty if it does not exist). */
  entries(coll: string): ReadonlyMap<string, Stored> {
    return this.collections.get(coll) ?? new Map<string, Stored>();
  }

  /** Applies all changes atomically; returns what each one replaced. Collections must exist. */
  commit(changes: readonly Change[]): Applied[] {
    if (changes.length === 0) return [];
    for (const c of changes) {
      if (!this.collections.has(c.coll)) throw new Error(`commit to missing collection ${c.coll}`);
    }
    this.sql.transaction(() => {
      for (const c of changes) {
        if (c.next) this.upsertStmt.run(c.coll, c.key, c.next.text);
        else this.deleteStmt.run(c.coll, c.key);
      }
    })();
    const applied: Applied[] = [];
    for (const c of changes) {
      const coll = this.collections.get(c.coll) as Collection;
      applied.push({ coll: c.coll, key: c.key, prev: coll.get(c.key) ?? null });
      if (c.next) coll.set(c.key, c.next);
      else coll.delete(c.key);
    }
    return applied;
  }

  close(): void {
    this.sql.close();
  }
}
