import { expireRewards, localDate, rewardEventOf, type RewardLedgerEntry } from '@clinic/shared';
import { customersByIds } from '../../data/customers';
import { getJobState, putJobState } from '../../data/jobs';
import { drawsOn, expiringCreditsPage, ledgerInTx } from '../../data/ledger';
import type { Database } from '../../platform/db-types';
import { transact } from '../../platform/transaction';
import { rollUp, type RolledEvent } from '../../services/report-rollups';
import type { HandlerContext } from '../../platform/define-function';

export const REWARD_EXPIRY_JOB = 'rewardExpiry';
/** wx-server-sdk clamps a query's limit at 1000. */
const PAGE = 1000;
/** Stop taking new pages well before the 60 s timeout; the next run goes on from the saved cursor. */
const TIME_BUDGET_MS = 45_000;

/**
 * Where the scan stands. Every credit expiring on or before `doneThrough` has had its expiry
 * written; a scan in progress covers (doneThrough, scan.through] and has passed `scan.afterId`.
 * Credits are always created expiring after the day they are credited, so nothing new ever
 * appears behind `doneThrough`, and a finished window is never scanned again.
 */
interface ExpiryState extends Record<string, unknown> {
  doneThrough: string | null;
  scan: { through: string; afterId: string | null } | null;
  updatedAt?: string;
}

export interface ExpiryRun {
  /** Expired credits looked at (their remaining balance may already be written off). */
  credits: number;
  /** Expiry entries written by this run. */
  expired: number;
  pages: number;
  /** True when every credit expired by today is written off; false when the budget ran out. */
  done: boolean;
}

/**
 * §8 expiry (timer, 03:00 Shanghai — hours away from any deal of the evening before, whose uses
 * draw only on credits still usable that day): writes the shared `expireRewards` entries for
 * every credit whose remaining balance has expired. Pages through the ledger's expired credits by
 * `_id` (≤ 1000 a query) with what was drawn on them, saving the cursor after each page, so a run
 * that reaches its time budget is continued by the next. Entry ids are `<credit id>:expire` and a
 * credit's remaining balance counts earlier expiries: a repeated or overlapping run writes nothing twice.
 */
/** Expiry entries written per transaction (with their roll-ups). */
const ENTRIES_PER_TRANSACTION = 50;

/**
 * Expiry entries and their roll-ups (§8 usage: expired), each once: an entry already written by an
 * earlier or overlapping run is left alone, so the roll-up never counts it twice. Returns how
 * many were written.
 */
async function writeExpiries(
  db: Database,
  entries: readonly RewardLedgerEntry[],
  storeOf: (customerId: string) => string | undefined,
  nowIso: string,
): Promise<number> {
  let written = 0;
  for (let i = 0; i < entries.length; i += ENTRIES_PER_TRANSACTION) {
    const chunk = entries.slice(i, i + ENTRIES_PER_TRANSACTION);
    written += await transact(db, async (tx) => {
      const ledger = ledgerInTx(tx);
      const fresh: RewardLedgerEntry[] = [];
      for (const entry of chunk) if (!(await ledger.get(entry.id))) fresh.push(entry);
      const byStore = new Map<string, { chainId: string; events: RolledEvent[] }>();
      for (const entry of fresh) {
        await ledger.put(entry);
        const storeId = storeOf(entry.customerId);
        if (!storeId) continue;
        const group = byStore.get(storeId) ?? { chainId: entry.chainId, events: [] };
        group.events.push({ event: rewardEventOf(entry) });
        byStore.set(storeId, group);
      }
      for (const [storeId, { chainId, events }] of byStore) await rollUp(tx, { chainId, storeId }, events, nowIso);
      return fresh.length;
    });
  }
  return written;
}

export async function expireDueRewards({ db, now }: HandlerContext): Promise<ExpiryRun> {
  const started = Date.now();
  const nowIso = now.toISOString();
  const today = localDate(now);
  let state: ExpiryState = (await getJobState<ExpiryState>(db, REWARD_EXPIRY_JOB)) ?? {
    doneThrough: null,
    scan: null,
  };
  const run: ExpiryRun = { credits: 0, expired: 0, pages: 0, done: false };
  while (Date.now() - started < TIME_BUDGET_MS) {
    const scan = state.scan ?? { through: today, afterId: null };
    if (!state.scan && state.doneThrough !== null && state.doneThrough >= today) {
      run.done = true;
      break;
    }
    const credits = await expiringCreditsPage(db, { after: state.doneThrough, through: scan.through }, scan.afterId);
    if (credits.length > 0) {
      const draws = await drawsOn(
        db,
        credits.map((c) => c._id),
      );
      const entries = expireRewards([...credits, ...draws], nowIso);
      const owners = await customersByIds(db, [...new Set(entries.map((e) => e.customerId))]);
      run.expired += await writeExpiries(db, entries, (id) => owners.get(id)?.storeId, nowIso);
      run.credits += credits.length;
      run.pages += 1;
    }
    const last = credits[credits.length - 1];
    state =
      credits.length < PAGE || !last
        ? { doneThrough: scan.through, scan: null, updatedAt: nowIso }
        : { doneThrough: state.doneThrough, scan: { through: scan.through, afterId: last._id }, updatedAt: nowIso };
    await putJobState(db, REWARD_EXPIRY_JOB, state);
  }
  return run;
}
