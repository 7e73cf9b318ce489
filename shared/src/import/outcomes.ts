import type { RowDecision, SkipReason } from './decide';
import { SKIP_REASONS } from './decide';
import { ROW_ERROR_REASONS, type RowCheck, type RowErrorReason } from './row';

/** Every way a row of an import ends, with the label the report shows. */
export const IMPORT_OUTCOMES = {
  created: '新建老客',
  updated: '更新老客',
  existing: '已有客户（跳过）',
  unchanged: '资料一致（跳过）',
  filed_new: '已建档新客（跳过，R1）',
  other_store: '其他门店客户（跳过）',
  owner_conflict: '归属冲突（跳过，R8）',
  error: '有错误（未导入）',
} as const satisfies Record<'created' | 'updated' | 'error' | SkipReason, string>;
export type ImportOutcome = keyof typeof IMPORT_OUTCOMES;
export const IMPORT_OUTCOME_KEYS = Object.keys(IMPORT_OUTCOMES) as ImportOutcome[];

export type ImportCounts = Record<ImportOutcome, number>;
/** Rows with each problem (a row with two problems counts under both; `error` counts it once). */
export type ErrorCounts = Partial<Record<RowErrorReason, number>>;

export const emptyCounts = (): ImportCounts =>
  Object.fromEntries(IMPORT_OUTCOME_KEYS.map((k) => [k, 0])) as ImportCounts;

export function addCounts(a: ImportCounts, b: Partial<ImportCounts>): ImportCounts {
  return Object.fromEntries(IMPORT_OUTCOME_KEYS.map((k) => [k, a[k] + (b[k] ?? 0)])) as ImportCounts;
}

export function outcomeOf(decision: RowDecision): ImportOutcome {
  if (decision.kind === 'create') return 'created';
  if (decision.kind === 'update') return 'updated';
  return decision.reason;
}

/** Skips a person has to look at (not the chosen policy's own skips): they go into the error file too. */
export const needsAttention = (reason: SkipReason): boolean =>
  reason === 'filed_new' || reason === 'other_store' || reason === 'owner_conflict';

export function countErrors(checks: readonly RowCheck[]): ErrorCounts {
  const counts: ErrorCounts = {};
  for (const check of checks) {
    if (check.ok) continue;
    for (const reason of new Set(check.problems.map((p) => p.reason))) counts[reason] = (counts[reason] ?? 0) + 1;
  }
  return counts;
}

/** The 错误原因 of a row: its problems, or the reason it was skipped. */
export function reasonText(outcome: { problems: readonly { message: string }[] } | { skip: SkipReason }): string {
  return 'skip' in outcome ? SKIP_REASONS[outcome.skip] : outcome.problems.map((p) => p.message).join('；');
}

export const errorReasonLabel = (reason: RowErrorReason): string => ROW_ERROR_REASONS[reason];
