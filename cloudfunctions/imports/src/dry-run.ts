import { createHash } from 'crypto';
import {
  REPORT_LINES_MAX,
  countErrors,
  decideRow,
  emptyCounts,
  needsAttention,
  outcomeOf,
  reasonText,
  type DryRunReport,
  type ImportOutcome,
  type ImportRequest,
} from '@clinic/shared';
import type { Caller } from '../../platform/access';
import type { Database } from '../../platform/db-types';
import { writeErrorFile, type ErrorLine } from './error-file';
import { defaultStoreOf, loadImporter, rowContextOf } from './importer';
import { loadOnRecord } from './on-record';
import { readAndCheck } from './read-file';

/**
 * 预检: validate → load (the file, the chain's stores and staff, what the chain holds for each
 * phone) → shared rules (`rowChecker`, `markDuplicates`, `decideRow`) → a report and the error
 * file. No customer, person or job is written; only the error file goes to storage.
 */
export async function dryRun(
  input: ImportRequest,
  caller: Caller,
  db: Database,
  now: Date,
  openid: string,
): Promise<DryRunReport> {
  const importer = await loadImporter(db, caller);
  const defaultStoreId = defaultStoreOf(importer, input.storeId);
  const context = await rowContextOf(db, importer, defaultStoreId, now);
  const file = await readAndCheck(input.fileID, openid, context);

  const phones = file.rows.flatMap(({ check }) => (check.ok ? [check.row.phone] : []));
  const onRecord = await loadOnRecord(db, importer.chainId, phones);

  const counts = emptyCounts();
  const lines: ErrorLine[] = [];
  const outcomes: ImportOutcome[] = [];
  for (const { original, check } of file.rows) {
    if (!check.ok) {
      counts.error += 1;
      outcomes.push('error');
      lines.push({ row: check.row, original, reason: reasonText(check) });
      continue;
    }
    const decision = decideRow(check.row, onRecord.get(check.row.phone) ?? null, input.policy);
    const outcome = outcomeOf(decision);
    counts[outcome] += 1;
    outcomes.push(outcome);
    if (decision.kind === 'skip' && needsAttention(decision.reason)) {
      lines.push({ row: check.row.row, original, reason: reasonText({ skip: decision.reason }) });
    }
  }

  const stamp = createHash('sha256')
    .update(`${file.contentHash}:${input.policy}:${defaultStoreId ?? ''}:${now.getTime()}`)
    .digest('hex')
    .slice(0, 16);
  const errorFile =
    lines.length > 0
      ? await writeErrorFile(file.headers, lines, `import-reports/${importer.chainId}/check-${stamp}/rows-not-imported`)
      : undefined;
  const lineOutcome = new Map(file.rows.map(({ check }, i) => [check.ok ? check.row.row : check.row, outcomes[i]]));
  return {
    fileName: input.fileName ?? '导入文件',
    policy: input.policy,
    total: file.rows.length,
    counts,
    errorsByReason: countErrors(file.rows.map((r) => r.check)),
    ignoredColumns: file.ignoredColumns.slice(0, 50).map((h) => h.slice(0, 100)),
    lines: lines.slice(0, REPORT_LINES_MAX).map((l) => ({
      row: l.row,
      outcome: lineOutcome.get(l.row) ?? 'error',
      reason: l.reason.slice(0, 600),
    })),
    ...(errorFile ? { errorFile } : {}),
  };
}
