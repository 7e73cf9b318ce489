import type { Database, Transaction } from './db-types';

/**
 * A write conflict: the raw code from a commit, or — for an operation inside the callback, which
 * wx-server-sdk reports as its catch-all -501001 — the conflict named in the message. A bare
 * -501001 (a timeout, a network failure) is not a conflict and is not retried.
 */
export function isTransactionConflict(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { code, message, errMsg } = e as Record<string, unknown>;
  if (code === 'DATABASE_TRANSACTION_CONFLICT') return true;
  return [message, errMsg].some((m) => typeof m === 'string' && /TRANSACTION_CONFLICT|transaction conflict/i.test(m));
}

export interface RetryOptions {
  attempts?: number;
  baseMs?: number;
  maxMs?: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * runTransaction with an application-level retry: wx-server-sdk retries a commit conflict only
 * 3 times, back to back, which a burst of bookings of one phone or one slot easily exhausts. Here
 * every conflict (on commit or on an operation) starts the callback again after a jittered,
 * exponentially growing pause ("full jitter"), so contenders spread out instead of colliding
 * again. The callback must be idempotent up to its writes (it is: it re-reads everything).
 */
export async function transact<R>(
  db: Database,
  fn: (tx: Transaction) => Promise<R>,
  options: RetryOptions = {},
): Promise<R> {
  const attempts = options.attempts ?? 40;
  const baseMs = options.baseMs ?? 8;
  const maxMs = options.maxMs ?? 250;
  for (let attempt = 1; ; attempt++) {
    try {
      // 0: no SDK-level retries; this loop owns them.
      return await db.runTransaction(fn, 0);
    } catch (e) {
      if (!isTransactionConflict(e) || attempt >= attempts) throw e;
      await sleep(Math.random() * Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 10)));
    }
  }
}
