/**
 * Durability: a writer process is SIGKILLed while writing; every write it acknowledged must be there after a
 * reopen, and nothing may be half-applied (no partial batch, no half transaction, intact SQLite file).
 */
import { spawn } from 'child_process';
import { rmSync } from 'fs';
import { join, resolve } from 'path';
import BetterSqlite3 from 'better-sqlite3';
import { CloudDatabase } from '../../src/db';
import { tempDir } from './helpers';

const WRITER = join(__dirname, 'fixtures', 'durable-writer.ts');
const REPO_ROOT = resolve(__dirname, '../../..');

interface Acks {
  insert: number[];
  batch: number[];
  txn: number[];
}

/** Runs the writer until it has acknowledged `target` writes, then kill -9; returns what it acknowledged. */
function runAndKill(dataDir: string, firstIndex: number, target: number): Promise<Acks> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir, String(firstIndex)], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acks: Acks = { insert: [], batch: [], txn: [] };
    let count = 0;
    let buffered = '';
    let stderr = '';
    let killed = false;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const [, kind, n] = line.split(' ');
        if (kind === 'insert' || kind === 'batch' || kind === 'txn') acks[kind].push(Number(n));
        if (++count >= target && !killed) {
          killed = true;
          child.kill('SIGKILL');
        }
      }
    });
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') done(acks);
      else fail(new Error(`writer exited without being killed (code ${String(_code)}): ${stderr}`));
    });
  });
}

test('every acknowledged write survives kill -9 mid-write and nothing is half-applied', async () => {
  const dir = tempDir('cloud-db-durable-');
  const rounds: Acks[] = [];
  // two crash/restart rounds: the second also proves a crashed store reopens and keeps accepting writes
  rounds.push(await runAndKill(dir, 0, 240));
  rounds.push(await runAndKill(dir, 100_000, 120));

  const sqlite = new BetterSqlite3(join(dir, 'database.sqlite'));
  expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  sqlite.close();

  const db = CloudDatabase.open({ dataDir: dir, now: () => new Date() });
  try {
    const log = new Map(db.find('log').map((d) => [d._id, d]));
    for (const i of rounds.flatMap((r) => r.insert)) {
      const doc = log.get(`d${i}`);
      expect(doc).toEqual({ _id: `d${i}`, i, payload: 'x'.repeat(4000) });
    }
    // batches are all-or-nothing
    const perBatch = new Map<number, number>();
    for (const d of db.find('batch')) perBatch.set(d.i as number, (perBatch.get(d.i as number) ?? 0) + 1);
    for (const count of perBatch.values()) expect(count).toBe(3);
    for (const i of rounds.flatMap((r) => r.batch)) expect(perBatch.get(i)).toBe(3);
    // transactions are all-or-nothing: the transfer never leaves A and B out of balance
    const acct = Object.fromEntries(db.find('acct').map((d) => [d._id, d.v as number]));
    expect((acct.A ?? NaN) + (acct.B ?? NaN)).toBe(0);
    const ackedTxns = rounds.reduce((sum, r) => sum + r.txn.length, 0);
    expect(acct.B).toBeGreaterThanOrEqual(ackedTxns);
    expect(acct.B).toBeLessThanOrEqual(ackedTxns + rounds.length); // at most one unacknowledged commit per crash
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
