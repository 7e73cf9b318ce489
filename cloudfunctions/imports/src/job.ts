import { createHash } from 'crypto';
import {
  countErrors,
  emptyCounts,
  reasonText,
  type ImportJobStatus,
  type ImportRequest,
  type ImportRow,
} from '@clinic/shared';
import {
  createImportJob,
  getImportChunk,
  getImportJob,
  putImportChunks,
  stalledImportJobs,
  countImportBatch,
  type ChunkRow,
  type ImportChunkDoc,
  type ImportJobDoc,
} from '../../data/imports';
import type { Stored } from '../../data/documents';
import type { Caller } from '../../platform/access';
import type { Database } from '../../platform/db-types';
import { AppError, refuse } from '../../platform/errors';
import { applyChunk } from './apply-chunk';
import { writeErrorFile } from './error-file';
import { defaultStoreOf, importerStaff, loadImporter, rowContextOf } from './importer';
import { loadOnRecord } from './on-record';
import { readAndCheck } from './read-file';

/** Rows per chunk: one transaction (two batched inserts, a few updates, the job). */
export const CHUNK_ROWS = 200;
/** Rows one invocation works through by default: well within the 60 s timeout (npm run bench). */
export const DEFAULT_BATCH_ROWS = 2_000;
/** An invocation starts no new chunk after this long, whatever is left of its batch. */
export const BATCH_BUDGET_MS = 20_000;

export type StartInput = ImportRequest & { batchRows?: number };

export function statusOf(job: ImportJobDoc & { _id?: string }, jobId: string): ImportJobStatus {
  return {
    jobId,
    state: job.state,
    fileName: job.fileName,
    policy: job.policy,
    total: job.total,
    processed: job.errorRows + job.rowsDone,
    counts: job.counts,
    errorsByReason: job.errorsByReason,
    batches: job.batches,
    ...(job.errorFile ? { errorFile: job.errorFile } : {}),
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    ...(job.finishedAt ? { finishedAt: job.finishedAt } : {}),
  };
}

const jobIdFor = (chainId: string, contentHash: string, policy: string, storeId: string | undefined) =>
  'imp' +
  createHash('sha256')
    .update(`${chainId}:${contentHash}:${policy}:${storeId ?? ''}`)
    .digest('hex')
    .slice(0, 24);

/**
 * Starts the job of a file: validate and check every row (as the dry run does), keep the checked
 * rows in chunks, write the error file of the rows that failed, then create the job — the job doc
 * is the commit point. The same content, policy and store again (a double tap, a re-upload) is the
 * same job, answered as it stands: nothing is imported twice.
 */
export async function startImport(
  input: StartInput,
  caller: Caller,
  db: Database,
  now: Date,
  openid: string,
): Promise<ImportJobStatus> {
  const importer = await loadImporter(db, caller);
  const defaultStoreId = defaultStoreOf(importer, input.storeId);
  const context = await rowContextOf(db, importer, defaultStoreId, now);
  const file = await readAndCheck(input.fileID, openid, context);
  const jobId = jobIdFor(importer.chainId, file.contentHash, input.policy, defaultStoreId);
  const existing = await getImportJob(db, jobId);
  if (existing) return statusOf(existing, jobId);

  const batchRows = input.batchRows ?? DEFAULT_BATCH_ROWS;
  const chunkRows = Math.min(CHUNK_ROWS, batchRows);
  const checked: ImportRow[] = file.rows.flatMap(({ check }) => (check.ok ? [check.row] : []));
  const onRecord = await loadOnRecord(
    db,
    importer.chainId,
    checked.map((r) => r.phone),
  );
  const rows: ChunkRow[] = checked.map((r) => (onRecord.has(r.phone) ? { ...r, known: true } : r));
  const chunks: ImportChunkDoc[] = [];
  for (let i = 0; i < rows.length; i += chunkRows) {
    chunks.push({ jobId, n: chunks.length, rows: rows.slice(i, i + chunkRows) });
  }
  await putImportChunks(db, chunks);

  const failed = file.rows.flatMap(({ original, check }) =>
    check.ok ? [] : [{ row: check.row, original, reason: reasonText(check) }],
  );
  const errorFile =
    failed.length > 0
      ? await writeErrorFile(file.headers, failed, `import-reports/${importer.chainId}/${jobId}/rows-not-imported`)
      : null;
  const at = now.toISOString();
  const job: Omit<ImportJobDoc, '_id'> = {
    chainId: importer.chainId,
    createdByStaffId: importer.staff.id,
    createdByOpenid: openid,
    fileID: input.fileID,
    fileName: input.fileName ?? '导入文件',
    policy: input.policy,
    defaultStoreId: defaultStoreId ?? null,
    state: chunks.length === 0 ? 'done' : 'running',
    total: file.rows.length,
    errorRows: failed.length,
    chunks: chunks.length,
    nextChunk: 0,
    rowsDone: 0,
    counts: { ...emptyCounts(), error: failed.length },
    errorsByReason: countErrors(file.rows.map((r) => r.check)),
    batches: 0,
    batchRows,
    errorFile,
    createdAt: at,
    updatedAt: at,
    finishedAt: chunks.length === 0 ? at : null,
  };
  if (await createImportJob(db, jobId, job)) return statusOf(job, jobId);
  // A concurrent start of the same job created it first.
  return statusOf((await getImportJob(db, jobId)) as ImportJobDoc, jobId);
}

/**
 * A job the caller may see and work on: their own, or — for an admin or the general manager — any
 * of their chain's. Anything else looks missing.
 */
async function jobOfCaller(db: Database, caller: Caller, jobId: string): Promise<Stored<ImportJobDoc>> {
  const staff = importerStaff(caller);
  const job = await getImportJob(db, jobId);
  const chainWide = staff.admin === true || staff.managerKind === 'general_manager';
  if (!job || job.chainId !== staff.chainId || (!chainWide && job.createdByStaffId !== staff.id)) {
    throw refuse('NOT_FOUND', '没有找到这次导入');
  }
  return job;
}

export async function importStatus(db: Database, caller: Caller, jobId: string): Promise<ImportJobStatus> {
  return statusOf(await jobOfCaller(db, caller, jobId), jobId);
}

/**
 * One bounded batch of the job: chunk after chunk (each its own transaction, `applyChunk`) until
 * the job's `batchRows` are done, the time budget is spent or the job is finished; where it left
 * off is the job's `nextChunk`. The client calls again until the state is done; a batch cut short
 * (a crash, a timeout) loses at most the chunk in flight, which the next call does again.
 */
export async function resumeImport(
  db: Database,
  caller: Caller,
  jobId: string,
  now: Date,
  clock: () => number = Date.now,
): Promise<ImportJobStatus> {
  const job = await jobOfCaller(db, caller, jobId);
  if (job.state === 'done') return statusOf(job, jobId);
  return statusOf(await workJob(db, job, jobId, importerStaff(caller).id, now, clock), jobId);
}

async function workJob(
  db: Database,
  start: ImportJobDoc,
  jobId: string,
  actorId: string,
  now: Date,
  clock: () => number,
): Promise<ImportJobDoc> {
  let job = start;
  const deadline = clock() + BATCH_BUDGET_MS;
  let rows = 0;
  while (job.state !== 'done' && rows < job.batchRows && clock() < deadline) {
    const chunk = await getImportChunk(db, jobId, job.nextChunk);
    if (!chunk) throw new AppError('INTERNAL');
    job = await applyChunk(db, chunk, { jobId, actorId, now });
    rows += chunk.rows.length;
  }
  await countImportBatch(db, jobId);
  return { ...job, batches: job.batches + 1 };
}

/** A running job nobody has worked on for this long is continued by the timer (the page was closed). */
export const STALLED_AFTER_MS = 2 * 60_000;
/** The timer starts no further job after this long (its run has the function's 60 s). */
const TIMER_BUDGET_MS = 30_000;

/**
 * Timer `continueImports` (every minute): works one batch of each running job that has not moved
 * for STALLED_AFTER_MS, oldest first, as the manager who started it (their audits), so an import
 * finishes when the page was closed. A job the page is still working is left to the page; if both
 * worked it at once, each chunk would still be applied exactly once.
 */
export async function continueStalledImports(
  db: Database,
  now: Date,
  clock: () => number = Date.now,
): Promise<{ continued: number; finished: number }> {
  const stalled = await stalledImportJobs(db, new Date(now.getTime() - STALLED_AFTER_MS).toISOString(), 5);
  const deadline = clock() + TIMER_BUDGET_MS;
  let continued = 0;
  let finished = 0;
  for (const job of stalled) {
    if (clock() >= deadline) break;
    const after = await workJob(db, job, job._id, job.createdByStaffId, now, clock);
    continued += 1;
    if (after.state === 'done') finished += 1;
  }
  return { continued, finished };
}
