import Database from 'better-sqlite3';
import * as path from 'node:path';
import { OpenApiDb } from '../../src/openapi/openapi-db';
import { makeTempDir, removeDir } from './support/temp-dir';

describe('OpenApiDb', () => {
  let dataDir: string;
  let db: OpenApiDb;
  beforeEach(() => {
    dataDir = makeTempDir('openapi-db');
    db = new OpenApiDb(dataDir);
  });
  afterEach(() => {
    db.close();
    removeDir(dataDir);
  });

  it('keeps its state in <dataDir>/openapi.sqlite in WAL mode', () => {
    db.addGrants('o', 't', 1);
    const probe = new Database(path.join(dataDir, 'openapi.sqlite'), { readonly: true });
    try {
      expect(probe.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(probe.prepare('SELECT remaining FROM subscribe_grants').get()).toEqual({ remaining: 1 });
    } finally {
      probe.close();
    }
  });

  it('accumulates grants and never goes below zero', () => {
    expect(db.addGrants('o', 't', 2)).toBe(2);
    expect(db.addGrants('o', 't', 1)).toBe(3);
    expect([
      db.consumeGrant('o', 't'),
      db.consumeGrant('o', 't'),
      db.consumeGrant('o', 't'),
      db.consumeGrant('o', 't'),
    ]).toEqual([true, true, true, false]);
    expect(db.remaining('o', 't')).toBe(0);
    expect(db.remaining('unknown', 't')).toBe(0);
  });

  it('rolls back a grant taken in a transaction that fails', () => {
    db.addGrants('o', 't', 1);
    expect(() =>
      db.transaction(() => {
        db.consumeGrant('o', 't');
        throw new Error('outbox write failed');
      }),
    ).toThrow('outbox write failed');
    expect(db.remaining('o', 't')).toBe(1);
  });
});
