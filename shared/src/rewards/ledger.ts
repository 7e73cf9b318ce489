import type { RewardLedgerEntry } from '../model/entities';
import type { RewardKind } from '../settings/clinic-settings';
import { ratioBp } from '../money/fen';
import { localDate } from '../time/shanghai';
import { compareText } from '../util/compare';

/**
 * The ledger is append-only: credits, and uses and expiries that draw on a credit by `creditId`.
 * A credit is usable while today < `expiresOn`.
 */
export function remainingByCredit(ledger: readonly RewardLedgerEntry[]): Map<string, number> {
  const remaining = new Map<string, number>();
  for (const e of ledger) if (e.type === 'credit') remaining.set(e.id, e.amount);
  for (const e of ledger) {
    if (e.type !== 'credit' && e.creditId !== undefined && remaining.has(e.creditId)) {
      remaining.set(e.creditId, (remaining.get(e.creditId) as number) - e.amount);
    }
  }
  return remaining;
}

function usable(e: RewardLedgerEntry, today: string): boolean {
  return e.expiresOn === undefined || today < e.expiresOn;
}

/** What a customer can still use today, per kind. */
export function availableBalance(
  ledger: readonly RewardLedgerEntry[],
  customerId: string,
  kind: RewardKind,
  now: string,
): number {
  const today = localDate(now);
  const remaining = remainingByCredit(ledger);
  return ledger
    .filter((e) => e.type === 'credit' && e.customerId === customerId && e.kind === kind && usable(e, today))
    .reduce((s, e) => s + (remaining.get(e.id) as number), 0);
}

export interface UseRequest {
  customerId: string;
  kind: RewardKind;
  amount: number;
  /** Deal or order the reward is spent on; part of the entry ids, so a retry writes the same ids. */
  useId: string;
  at: string;
}

export type UseResult =
  | { ok: true; entries: RewardLedgerEntry[] }
  | { ok: false; code: 'INSUFFICIENT_BALANCE' | 'INVALID_INPUT'; message: string };

/** Spends from the credits that expire first (then the oldest), never from expired ones. */
export function useReward(ledger: readonly RewardLedgerEntry[], req: UseRequest): UseResult {
  if (!Number.isSafeInteger(req.amount) || req.amount <= 0) {
    return { ok: false, code: 'INVALID_INPUT', message: '使用数量必须是正整数' };
  }
  if (ledger.some((e) => e.type === 'use' && e.id.startsWith(`${req.useId}:`))) {
    return { ok: false, code: 'INVALID_INPUT', message: '该笔使用已记录' };
  }
  const today = localDate(req.at);
  const remaining = remainingByCredit(ledger);
  const credits = ledger
    .filter((e) => e.type === 'credit' && e.customerId === req.customerId && e.kind === req.kind && usable(e, today))
    .filter((e) => (remaining.get(e.id) as number) > 0)
    .sort((a, b) => compareText(a.expiresOn ?? '9999', b.expiresOn ?? '9999') || Date.parse(a.at) - Date.parse(b.at));
  const total = credits.reduce((s, e) => s + (remaining.get(e.id) as number), 0);
  if (total < req.amount) return { ok: false, code: 'INSUFFICIENT_BALANCE', message: `可用余额不足（可用 ${total}）` };
  const entries: RewardLedgerEntry[] = [];
  let left = req.amount;
  for (const c of credits) {
    if (left === 0) break;
    const take = Math.min(left, remaining.get(c.id) as number);
    left -= take;
    entries.push({ ...drawOn(c), id: `${req.useId}:${c.id}`, type: 'use', amount: take, at: req.at, creditId: c.id });
  }
  return { ok: true, entries };
}

/** Expiry entries for every credit whose remaining balance has expired by `now`; idempotent. */
export function expireRewards(ledger: readonly RewardLedgerEntry[], now: string): RewardLedgerEntry[] {
  const today = localDate(now);
  const remaining = remainingByCredit(ledger);
  const out: RewardLedgerEntry[] = [];
  for (const c of ledger) {
    if (c.type !== 'credit' || usable(c, today)) continue;
    const left = remaining.get(c.id) as number;
    if (left > 0)
      out.push({ ...drawOn(c), id: `${c.id}:expire`, type: 'expire', amount: left, at: now, creditId: c.id });
  }
  return out;
}

function drawOn(c: RewardLedgerEntry): RewardLedgerEntry {
  // A use/expire keeps the credit's who/what but not its expiry or gift valuation.
  const { expiresOn: _e, valueFen: _v, giftName: _g, ...rest } = c;
  return rest;
}

export interface UsageSummary {
  credited: number;
  used: number;
  expired: number;
  outstanding: number;
  /** used / credited, basis points rounded down (docs/business-rules.md §8: only about a quarter of rebates were ever used). */
  usageRateBp: number;
}

/** Usage per unit (fen, points, items). */
export function rewardUsage(ledger: readonly RewardLedgerEntry[]): Record<'fen' | 'points' | 'item', UsageSummary> {
  const blank = (): UsageSummary => ({ credited: 0, used: 0, expired: 0, outstanding: 0, usageRateBp: 0 });
  const out = { fen: blank(), points: blank(), item: blank() };
  for (const e of ledger) {
    const s = out[e.unit];
    if (e.type === 'credit') s.credited += e.amount;
    else if (e.type === 'use') s.used += e.amount;
    else s.expired += e.amount;
  }
  for (const s of Object.values(out)) {
    s.outstanding = s.credited - s.used - s.expired;
    s.usageRateBp = ratioBp(s.used, s.credited);
  }
  return out;
}
