import { existsSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import path from 'node:path';

/**
 * The emulated time shared by the database (`serverDate`), timer triggers and the functions' own
 * `Date`. Stored as an offset from the real clock so that time keeps flowing after a jump.
 * The offset is persisted so that a restart keeps the demo's "today".
 */
export class SettableClock {
  private offsetMs = 0;
  private readonly file: string | undefined;

  constructor(dataDir?: string) {
    this.file = dataDir ? path.join(dataDir, 'clock.json') : undefined;
    if (this.file && existsSync(this.file)) {
      const saved = JSON.parse(readFileSync(this.file, 'utf8')) as { offsetMs?: unknown };
      if (typeof saved.offsetMs === 'number' && Number.isFinite(saved.offsetMs)) this.offsetMs = saved.offsetMs;
    }
  }

  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  /** Moves the emulated time to `target` (forward or back); it then keeps running. */
  set(target: Date): void {
    this.offsetMs = target.getTime() - Date.now();
    if (this.file) {
      const tmp = `${this.file}.tmp`;
      writeFileSync(tmp, JSON.stringify({ offsetMs: this.offsetMs }));
      renameSync(tmp, this.file);
    }
  }
}
