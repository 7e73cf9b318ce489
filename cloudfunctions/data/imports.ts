import type { ErrorCounts, ImportCounts, ImportPolicy, ImportRow, TableFiles } from '@clinic/shared';
import type { Database, Transaction } from '../platform/db-types';
import { COLLECTIONS } from './collections';
import { getById } from './read';

/**
 * An import job (`_id` = `imp<hash of chain, file content, policy, store>`): the same file started
 * again is the same job. `nextChunk` is where it left off; a chunk's writes and the move past it
 * commit in one transaction, so a chunk is applied exactly once however often a batch is re-run.
 */
export type ImportJobDoc = {
  _id?: string;
  chainId: string;
  createdByStaffId: string;
  createdByOpenid: string;
  fileID: string;
  fileName: string;
  policy: ImportPolicy;
  defaultStoreId: string | null;
  state: 'running' | 'done';
  /** Data rows of the file. */
  total: number;
  /** Rows that failed the checks at start (they are counted as `error` from the start). */
  errorRows: number;
  chunks: number;
  nextChunk: number;
  /** Rows of the chunks done so far. */
  rowsDone: number;
  counts: ImportCounts;
  errorsByReason: ErrorCounts;
  /** Invocations that worked on the job. */
  batches: number;
  /** Rows one invocation works through at most. */
  batchRows: number;
  errorFile: TableFiles | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
};

/**
 * A checked row as a chunk keeps it; `known` when the chain had a customer or person for its phone
 * when the job started (only those need a look-up when the chunk runs; the others are inserted
 * create-only, and a phone filed meanwhile fails the insert and sends the chunk to a full look-up).
 */
export type ChunkRow = ImportRow & { known?: true };

/** A chunk of a job's checked rows (`_id` = `<jobId>_<n>`): what one transaction imports. */
export type ImportChunkDoc = {
  _id?: string;
  jobId: string;
  n: number;
  rows: ChunkRow[];
};

export const chunkIdFor = (jobId: string, n: number): string => `${jobId}_${n}`;

export const getImportJob = (db: Database, jobId: string) => getById<ImportJobDoc>(db, COLLECTIONS.importJobs, jobId);

export const getImportChunk = (db: Database, jobId: string, n: number) =>
  getById<ImportChunkDoc>(db, COLLECTIONS.importChunks, chunkIdFor(jobId, n));

/** Chunks are written before their job (a start cut short leaves chunks nobody reads; the next start rewrites them). */
export async function putImportChunks(db: Database, chunks: readonly ImportChunkDoc[]): Promise<void> {
  const coll = db.collection<ImportChunkDoc>(COLLECTIONS.importChunks);
  for (let i = 0; i < chunks.length; i += 10) {
    await Promise.all(
      chunks.slice(i, i + 10).map((chunk) => coll.doc(chunkIdFor(chunk.jobId, chunk.n)).set({ data: chunk })),
    );
  }
}

/** Creates the job once: a second start of the same job fails the insert and reads the first. */
export async function createImportJob(db: Database, jobId: string, job: Omit<ImportJobDoc, '_id'>): Promise<boolean> {
  try {
    await db.collection<ImportJobDoc>(COLLECTIONS.importJobs).add({ data: { ...job, _id: jobId } });
    return true;
  } catch (e) {
    if (isDuplicateKey(e)) return false;
    throw e;
  }
}

/** The caller's most recent job (the page picks its progress up again). */
export async function latestImportJobOf(db: Database, staffId: string) {
  const { data } = await db
    .collection<ImportJobDoc>(COLLECTIONS.importJobs)
    .where({ createdByStaffId: staffId })
    .orderBy('createdAt', 'desc')
    .limit(1)
    .get();
  return data[0] as (ImportJobDoc & { _id: string }) | undefined;
}

/** Running jobs not moved since `before` (an ISO instant), oldest first: the timer continues them. */
export async function stalledImportJobs(db: Database, before: string, limit: number) {
  const { data } = await db
    .collection<ImportJobDoc>(COLLECTIONS.importJobs)
    .where({ state: 'running', updatedAt: db.command.lt!(before) })
    .orderBy('updatedAt', 'asc')
    .limit(limit)
    .get();
  return data as (ImportJobDoc & { _id: string })[];
}

export function importJobsInTx(tx: Transaction) {
  const jobs = tx.collection<ImportJobDoc>(COLLECTIONS.importJobs);
  return {
    get: (jobId: string) => jobs.doc(jobId).get(),
    update: (jobId: string, patch: Partial<ImportJobDoc>) => jobs.doc(jobId).update(patch),
  };
}

/** Counts one more invocation that worked on the job (outside its chunks' transactions: a tally, not a decision). */
export async function countImportBatch(db: Database, jobId: string): Promise<void> {
  await db
    .collection(COLLECTIONS.importJobs)
    .doc(jobId)
    .update({ data: { batches: db.command.inc!(1) } });
}

/** The database's answer to a second insert of an `_id` (E11000, wx-server-sdk errCode -502001). */
export function isDuplicateKey(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { message, errMsg } = e as Record<string, unknown>;
  return [message, errMsg].some((m) => typeof m === 'string' && /E11000|duplicate key/i.test(m));
}
