/** Shared setup for the database suites: a CloudDatabase in a fresh temp dir behind the real SDK. */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { CloudDatabase, type CloudDatabaseOptions } from '../../src/db';
import { startSdkHarness, type Loose, type SdkHarness } from '../support/sdk-harness';

/** A settable emulated clock. */
export class TestClock {
  constructor(public current = new Date('2025-03-01T08:00:00.000Z')) {}
  now = (): Date => new Date(this.current.getTime());
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export function tempDir(prefix = 'cloud-db-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface WireRecord {
  action: string;
  body: Record<string, unknown>;
}

export interface DbFixture {
  database: CloudDatabase;
  dir: string;
  clock: TestClock;
  harness: SdkHarness;
  /** The SDK's `cloud.database()`. */
  db: Loose;
  /** Every request the SDK sent, in order (bodies as received, common fields included). */
  requests: WireRecord[];
  close(): Promise<void>;
}

/** One per jest file (the SDK is a singleton); the wire handler is the CloudDatabase itself. */
export async function startDbFixture(opts: Partial<CloudDatabaseOptions> = {}): Promise<DbFixture> {
  const dir = tempDir();
  const clock = new TestClock();
  const database = CloudDatabase.open({ dataDir: dir, now: clock.now, ...opts });
  const requests: WireRecord[] = [];
  const harness = await startSdkHarness((action, body) => {
    requests.push({ action, body });
    return database.handle(action, body);
  });
  return {
    database,
    dir,
    clock,
    harness,
    db: harness.db,
    requests,
    close: async () => {
      await harness.close();
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs a promise that must reject; returns the rejection. */
export async function rejection(p: Promise<unknown>): Promise<Loose> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
