/**
 * The `database.*` wire-action handler: what the real CloudBase backend does for wx-server-sdk 4.0.2
 * (docs/wire-protocol.md §3–§6), over a durable SQLite store.
 */
import { decodeStored, encode, normalize, type Doc } from './ejson';
import { collectionNotExist, DbError, DbErrorCode } from './errors';
import { aggregate, asDbError, clampLimit, matcher } from './evaluate';
import { insert, modify, remove, select } from './operations';
import * as req from './request';
import { DirectSession, type Session } from './session';
import { DocStore } from './store';
import { TransactionManager } from './transactions';

export interface WireReply {
  [key: string]: unknown;
}

export interface CloudDatabaseOptions {
  dataDir: string;
  /** The emulated clock; `db.serverDate()` resolves against it. */
  now: () => Date;
  /** Wall clock for transaction expiry (tests inject one). */
  wallClock?: () => number;
}

type Action = (body: req.Body) => WireReply;

export class CloudDatabase {
  private readonly txns: TransactionManager;
  private readonly direct: DirectSession;
  private readonly actions: Record<string, Action>;

  private constructor(
    private readonly store: DocStore,
    private readonly now: () => Date,
    wallClock: () => number,
  ) {
    this.txns = new TransactionManager(store, wallClock);
    this.direct = new DirectSession(store, (applied) => this.txns.noteCommit(applied));
    this.actions = {
      'database.insertDocument': (b) => this.insertDocument(b),
      'database.getDocument': (b) => this.getDocument(b),
      'database.calculateDocument': (b) => this.calculateDocument(b),
      'database.modifyDocument': (b) => this.modifyDocument(b),
      'database.removeDocument': (b) => this.removeDocument(b),
      'database.aggregateDocuments': (b) => this.aggregateDocuments(b),
      'database.addCollection': (b) => this.addCollection(b),
      'database.startTransaction': () => ({ transactionId: this.txns.start().id }),
      'database.commitTransaction': (b) => (this.txns.commit(this.requireTxnId(b)), {}),
      'database.abortTransaction': (b) => (this.txns.abort(this.requireTxnId(b)), {}),
    };
  }

  static open(opts: CloudDatabaseOptions): CloudDatabase {
    return new CloudDatabase(DocStore.open(opts.dataDir), opts.now, opts.wallClock ?? Date.now);
  }

  /** Handles one `database.*` action. Never throws: failures are `{ code, message }` replies. */
  handle(action: string, body: Record<string, unknown>): WireReply {
    try {
      this.txns.expireIdle();
      const run = this.actions[action];
      if (!run) throw new DbError(DbErrorCode.invalidParam, `unknown action ${action}`);
      return run(body);
    } catch (err) {
      const e = asDbError(err);
      return { code: e.code, message: e.message };
    }
  }

  // ---- direct API for seeding, tests and the gateway (bypasses the wire) ----

  insertMany(collection: string, docs: Record<string, unknown>[]): string[] {
    this.store.createCollection(collection);
    const plain = docs.map((d) => normalize(d) as Doc);
    return insert(this.direct, collection, plain).map((id) => (typeof id === 'string' ? id : encode(id)));
  }

  createCollection(name: string): void {
    this.store.createCollection(name);
  }

  /** Plain JS copies of the matching documents (mingo query, natural order); [] for a missing collection. */
  find(collection: string, query: Record<string, unknown> = {}): Record<string, unknown>[] {
    if (!this.store.hasCollection(collection)) return [];
    const test = matcher(normalize(query) as Doc);
    const out: Doc[] = [];
    for (const s of this.store.entries(collection).values()) if (test(s.doc)) out.push(decodeStored(s.text));
    return out;
  }

  close(): void {
    this.store.close();
  }

  // ---- actions ----

  private requireTxnId(body: req.Body): string {
    const id = req.transactionId(body);
    if (!id) throw new DbError(DbErrorCode.invalidParam, 'transactionId is required');
    return id;
  }

  /**
   * Requests carrying a transactionId run inside it only for single-document (DOC) operations and inserts.
   * WHERE-type queries, counts and aggregations run outside the transaction, as on the real backend
   * (docs/platform-limits.md, "Transactions": where().update/remove and count() silently run outside it).
   * The transaction id is still checked, so a stale one fails loudly.
   */
  private session(body: req.Body, transactional: boolean): Session {
    const id = req.transactionId(body);
    if (!id) return this.direct;
    const txn = this.txns.get(id);
    return transactional ? txn : this.direct;
  }

  private collection(body: req.Body): string {
    const name = req.collectionName(body);
    if (!this.store.hasCollection(name)) throw collectionNotExist();
    return name;
  }

  private insertDocument(body: req.Body): WireReply {
    const coll = this.collection(body);
    const docs = req.documents(body, this.now());
    return { data: { insertedIds: insert(this.session(body, true), coll, docs) } };
  }

  private getDocument(body: req.Body): WireReply {
    const coll = this.collection(body);
    const now = this.now();
    const isDoc = req.isDocQuery(body);
    const query = req.optionalObject(body, 'query', now);
    const projection = req.optionalObject(body, 'projection', now);
    const session = this.session(body, isDoc);
    if (isDoc) {
      // In a transaction a missing document is an empty list; the SDK turns that into "does not exist".
      return { data: { list: select(session, coll, query, { projection }).map(encode) } };
    }
    const offset = Math.max(0, req.number(body, 'offset') ?? 0);
    const limit = clampLimit(req.number(body, 'limit'));
    const order = req.optionalObject(body, 'order', now);
    const list = select(session, coll, query, { order, offset, limit, projection }).map(encode);
    return { data: { list, offset, limit } };
  }

  /** count ignores limit/offset. */
  private calculateDocument(body: req.Body): WireReply {
    const coll = this.collection(body);
    const query = req.optionalObject(body, 'query', this.now());
    return { data: { total: select(this.session(body, false), coll, query).length } };
  }

  private modifyDocument(body: req.Body): WireReply {
    const coll = this.collection(body);
    const now = this.now();
    const isDoc = req.isDocQuery(body);
    const result = modify(this.session(body, isDoc), coll, {
      query: req.optionalObject(body, 'query', now),
      data: req.requiredObject(body, 'data', now),
      // A DOC request addresses one document whatever `multi` says.
      multi: !isDoc && req.flag(body, 'multi', false),
      merge: req.flag(body, 'merge', true),
      upsert: req.flag(body, 'upsert', false),
    });
    return { data: result };
  }

  private removeDocument(body: req.Body): WireReply {
    const coll = this.collection(body);
    const isDoc = req.isDocQuery(body);
    const query = req.optionalObject(body, 'query', this.now());
    const multi = !isDoc && req.flag(body, 'multi', false);
    return { data: { deleted: remove(this.session(body, isDoc), coll, query, multi) } };
  }

  private aggregateDocuments(body: req.Body): WireReply {
    const coll = this.collection(body);
    const pipeline = req.stages(body, this.now());
    this.session(body, false); // validates a transactionId if one is sent; aggregation runs outside it
    const docs = Array.from(this.store.entries(coll).values(), (s) => s.doc);
    // Copies: looked-up documents end up inside results that later stages may modify.
    const resolve = (name: string): Doc[] => Array.from(this.store.entries(name).values(), (s) => decodeStored(s.text));
    return { data: { list: aggregate(docs, pipeline, resolve).map(encode) } };
  }

  private addCollection(body: req.Body): WireReply {
    const name = req.collectionName(body);
    if (!this.store.createCollection(name)) {
      throw new DbError(DbErrorCode.collectionAlreadyExist, `[ResourceInUse] Table ${name} already exists.`);
    }
    return {};
  }
}
