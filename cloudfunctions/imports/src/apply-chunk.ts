import { createHash } from 'crypto';
import {
  addCounts,
  decideRow,
  emptyCounts,
  isAuditedSkip,
  outcomeOf,
  ownerConflictAudit,
  type Customer,
  type ImportRow,
  type RowDecision,
} from '@clinic/shared';
import { COLLECTIONS } from '../../data/collections';
import { importJobsInTx, isDuplicateKey, type ImportChunkDoc, type ImportJobDoc } from '../../data/imports';
import { customerIdFor, personIdFor } from '../../data/keys';
import type { PersonDoc } from '../../data/people';
import type { Database } from '../../platform/db-types';
import { isTransactionConflict, transact } from '../../platform/transaction';
import { writeAudit } from '../../services/audit';
import { loadOnRecord, onRecordOf } from './on-record';

/** Tries at a chunk whose transaction lost to a concurrent write (a booking of one of its phones). */
const CHUNK_TRIES = 8;
/** Customers updated at once inside the chunk's transaction (each is a read and a write). */
const UPDATE_CONCURRENCY = 10;

/** A customer the load saw is gone inside the transaction: the chunk starts over from the load. */
class ChunkRaced extends Error {}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const auditIdFor = (jobId: string, row: number) =>
  'a' + createHash('sha256').update(`import:${jobId}:${row}`).digest('hex').slice(0, 24);

export interface ChunkContext {
  jobId: string;
  actorId: string;
  now: Date;
}

/** A new 老客 from a CRM row (docs/business-rules.md §1): known before this product, so no filing of ours. */
function customerOf(row: ImportRow, chainId: string, at: string): Customer & { _id: string } {
  const id = customerIdFor(chainId, row.phone);
  return {
    _id: id,
    id,
    chainId,
    storeId: row.storeId,
    name: row.name,
    phone: row.phone,
    openids: [],
    kind: 'existing',
    ...(row.starLevel !== undefined ? { starLevel: row.starLevel } : {}),
    segment: 'general',
    ...(row.ownerStaffId ? { ownerStaffId: row.ownerStaffId } : {}),
    ...(row.ownerDepartment ? { ownerDepartment: row.ownerDepartment } : {}),
    ...(row.lastTreatmentDate ? { lastTreatmentDate: row.lastTreatmentDate } : {}),
    hasReferred: false,
    source: 'crm_import',
    ...(row.note ? { note: row.note } : {}),
    createdAt: at,
  };
}

/**
 * The person doc of an imported customer: one per phone and chain, with no filing (`filingId`
 * null: a person known before this product, PersonDoc). Every later booking of the phone reads it
 * in its transaction, so a booking racing the import either sees the customer or conflicts.
 */
function personOf(row: ImportRow, chainId: string, at: string): PersonDoc & { _id: string } {
  return {
    _id: personIdFor(chainId, row.phone),
    chainId,
    customerId: customerIdFor(chainId, row.phone),
    filingId: null,
    referrerCustomerId: null,
    upcomingBookingId: null,
    bookings: 0,
    touches: 0,
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * Imports one chunk exactly once: load (what the chain holds for its phones) → shared `decideRow`
 * → one transaction that re-reads the job (someone else may have done this chunk), inserts the new
 * customers and their person docs create-only (a phone filed meanwhile fails the insert), updates
 * customers from a fresh read, writes the R8 audits, and moves the job past the chunk with its
 * counts. A lost race starts over from the load; nothing of a chunk is ever half written.
 * Answers the job as it stands after this chunk (or as someone else left it).
 */
export async function applyChunk(db: Database, chunk: ImportChunkDoc, c: ChunkContext): Promise<ImportJobDoc> {
  for (let attempt = 1; ; attempt++) {
    try {
      // First try: look up only the phones that were on record at the start; after a lost race, all.
      return await transactChunk(db, chunk, c, attempt === 1);
    } catch (e) {
      const raced = e instanceof ChunkRaced || isTransactionConflict(e) || isDuplicateKey(e);
      if (!raced || attempt >= CHUNK_TRIES) throw e;
      await sleep(Math.random() * Math.min(500, 20 * 2 ** attempt));
    }
  }
}

async function transactChunk(
  db: Database,
  chunk: ImportChunkDoc,
  c: ChunkContext,
  knownOnly: boolean,
): Promise<ImportJobDoc> {
  const at = c.now.toISOString();
  const first = await db.collection<ImportJobDoc>(COLLECTIONS.importJobs).doc(c.jobId).get();
  const job = first.data as ImportJobDoc;
  const chainId = job.chainId;
  const onRecord = await loadOnRecord(
    db,
    chainId,
    chunk.rows.filter((r) => !knownOnly || r.known).map((r) => r.phone),
  );
  const planned = chunk.rows.map((row) => ({
    row,
    decision: decideRow(row, onRecord.get(row.phone) ?? null, job.policy),
  }));

  return transact(
    db,
    async (tx) => {
      const jobs = importJobsInTx(tx);
      const current = (await jobs.get(c.jobId)) as ImportJobDoc;
      if (current.nextChunk !== chunk.n) return current;

      const creates = planned.filter((p) => p.decision.kind === 'create').map((p) => p.row);
      await tx.collection<Customer>(COLLECTIONS.customers).addMany(creates.map((r) => customerOf(r, chainId, at)));
      await tx.collection<PersonDoc>(COLLECTIONS.persons).addMany(creates.map((r) => personOf(r, chainId, at)));

      // An update decides again on the record read inside the transaction (a deal may have moved its
      // treatment date since the load); the commit conflicts if it changes before we commit.
      const decided: RowDecision[] = [];
      const customers = tx.collection<Customer & { _id?: string }>(COLLECTIONS.customers);
      for (let i = 0; i < planned.length; i += UPDATE_CONCURRENCY) {
        const slice = planned.slice(i, i + UPDATE_CONCURRENCY);
        decided.push(
          ...(await Promise.all(
            slice.map(async ({ row, decision }) => {
              if (decision.kind !== 'update') return decision;
              const fresh = await customers.doc(decision.customerId).get();
              const again = decideRow(row, fresh ? onRecordOf(fresh) : null, job.policy);
              if (again.kind === 'update') await customers.doc(again.customerId).update({ ...again.patch });
              if (again.kind === 'create') throw new ChunkRaced();
              return again;
            }),
          )),
        );
      }

      const counts = emptyCounts();
      for (const [i, decision] of decided.entries()) {
        counts[outcomeOf(decision)] += 1;
        const row = (planned[i] as { row: ImportRow }).row;
        if (decision.kind === 'skip' && isAuditedSkip(decision.reason) && row.ownerStaffId) {
          const recorded = onRecord.get(row.phone)?.ownerStaffId;
          await writeAudit(
            tx,
            ownerConflictAudit({
              id: auditIdFor(c.jobId, row.row),
              chainId,
              at,
              actorId: c.actorId,
              customerId: decision.customerId,
              row: row.row,
              ownerStaffId: row.ownerStaffId,
              ...(recorded ? { recordedOwnerStaffId: recorded } : {}),
            }),
          );
        }
      }
      const nextChunk = chunk.n + 1;
      const done = nextChunk >= current.chunks;
      const patch: Partial<ImportJobDoc> = {
        nextChunk,
        rowsDone: current.rowsDone + chunk.rows.length,
        counts: addCounts(current.counts, counts),
        updatedAt: at,
        ...(done ? { state: 'done' as const, finishedAt: at } : {}),
      };
      await jobs.update(c.jobId, patch);
      return { ...current, ...patch };
    },
    { attempts: 1 },
  );
}
