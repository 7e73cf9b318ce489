import Database from 'better-sqlite3';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { OutboxEntry } from './types';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS subscribe_grants (
  openid      TEXT    NOT NULL,
  template_id TEXT    NOT NULL,
  remaining   INTEGER NOT NULL CHECK (remaining >= 0),
  PRIMARY KEY (openid, template_id)
);
CREATE TABLE IF NOT EXISTS outbox (
  seq           INTEGER PRIMARY KEY AUTOINCREMENT,
  id            TEXT    NOT NULL UNIQUE,
  at            TEXT    NOT NULL,
  api_name      TEXT    NOT NULL,
  function_name TEXT    NOT NULL,
  caller        TEXT    NOT NULL,
  params        TEXT    NOT NULL,
  result        TEXT    NOT NULL,
  err_code      INTEGER,
  err_msg       TEXT,
  file_id       TEXT
);`;

interface OutboxRow {
  id: string;
  at: string;
  api_name: string;
  function_name: string;
  caller: string;
  params: string;
  result: 'ok' | 'error';
  err_code: number | null;
  err_msg: string | null;
  file_id: string | null;
}

/**
 * Durable state of the openapi module: one-time subscribe grants and the outbox.
 * WAL + synchronous=FULL so every acknowledged grant, send and outbox row survives a crash.
 */
export class OpenApiDb {
  private readonly db: Database.Database;

  constructor(dataDir: string) {
    fs.mkdirSync(dataDir, { recursive: true });
    this.db = new Database(path.join(dataDir, 'openapi.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(SCHEMA);
  }

  addGrants(openid: string, templateId: string, count: number): number {
    this.db
      .prepare(
        `INSERT INTO subscribe_grants (openid, template_id, remaining) VALUES (?, ?, ?)
         ON CONFLICT (openid, template_id) DO UPDATE SET remaining = remaining + excluded.remaining`,
      )
      .run(openid, templateId, count);
    return this.remaining(openid, templateId);
  }

  remaining(openid: string, templateId: string): number {
    const row = this.db
      .prepare('SELECT remaining FROM subscribe_grants WHERE openid = ? AND template_id = ?')
      .get(openid, templateId) as { remaining: number } | undefined;
    return row?.remaining ?? 0;
  }

  /** Takes one grant if any is left; the conditional UPDATE makes check-and-take a single step. */
  consumeGrant(openid: string, templateId: string): boolean {
    const info = this.db
      .prepare(
        'UPDATE subscribe_grants SET remaining = remaining - 1 WHERE openid = ? AND template_id = ? AND remaining > 0',
      )
      .run(openid, templateId);
    return info.changes === 1;
  }

  appendOutbox(entry: OutboxEntry): void {
    this.db
      .prepare(
        `INSERT INTO outbox (id, at, api_name, function_name, caller, params, result, err_code, err_msg, file_id)
         VALUES (@id, @at, @apiName, @functionName, @caller, @params, @result, @errCode, @errMsg, @fileId)`,
      )
      .run({
        ...entry,
        params: JSON.stringify(entry.params),
        errCode: entry.errCode ?? null,
        errMsg: entry.errMsg ?? null,
        fileId: entry.fileId ?? null,
      });
  }

  outbox(): OutboxEntry[] {
    const rows = this.db.prepare('SELECT * FROM outbox ORDER BY seq').all() as OutboxRow[];
    return rows.map(toEntry);
  }

  /** Runs fn in one SQLite transaction (e.g. take a grant and log the send together). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  close(): void {
    this.db.close();
  }
}

function toEntry(row: OutboxRow): OutboxEntry {
  const entry: OutboxEntry = {
    id: row.id,
    at: row.at,
    apiName: row.api_name,
    functionName: row.function_name,
    caller: row.caller,
    params: JSON.parse(row.params) as Record<string, unknown>,
    result: row.result,
  };
  if (row.err_code !== null) entry.errCode = row.err_code;
  if (row.err_msg !== null) entry.errMsg = row.err_msg;
  if (row.file_id !== null) entry.fileId = row.file_id;
  return entry;
}
