import type { AuditLogEntry } from '@clinic/shared';
import type { Database, Transaction } from '../platform/db-types';
import { COLLECTIONS } from './collections';

/**
 * The audit log: append-only. Entries are written only inside the transaction of what they record
 * (`append`) and read a page at a time (`auditPage`); nothing here, nor anywhere else, updates or
 * removes one (cloudfunctions/admin/test/audit-immutable.test.ts checks the sources).
 */
export function auditInTx(tx: Transaction) {
  const log = tx.collection<AuditLogEntry & { _id?: string }>(COLLECTIONS.auditLogs);
  return {
    append: (entry: AuditLogEntry) => log.doc(entry.id).set(entry),
  };
}

export interface AuditQuery {
  chainId: string;
  storeId?: string;
  actorId?: string;
  actions?: readonly string[];
  /** ISO instants, `[from, to)`. */
  from?: string;
  to?: string;
  /** Keyset: entries strictly after this one in (at desc, _id desc) order. */
  after?: { at: string; id: string };
  limit: number;
}

/** One page of the log, newest first (ties by id), with the filters applied in the database. */
export async function auditPage(db: Database, q: AuditQuery): Promise<(AuditLogEntry & { _id: string })[]> {
  const _ = db.command;
  const filters: Record<string, unknown>[] = [
    {
      chainId: q.chainId,
      ...(q.storeId ? { storeId: q.storeId } : {}),
      ...(q.actorId ? { actorId: q.actorId } : {}),
      ...(q.actions ? { action: _.in!([...q.actions]) } : {}),
    },
  ];
  if (q.from) filters.push({ at: _.gte!(q.from) });
  if (q.to) filters.push({ at: _.lt!(q.to) });
  if (q.after)
    filters.push(
      _.or!([{ at: _.lt!(q.after.at) }, { at: q.after.at, _id: _.lt!(q.after.id) }]) as Record<string, unknown>,
    );
  const { data } = await db
    .collection<AuditLogEntry & { _id: string }>(COLLECTIONS.auditLogs)
    .where(
      filters.length === 1 ? (filters[0] as Record<string, unknown>) : (_.and!(filters) as Record<string, unknown>),
    )
    .orderBy('at', 'desc')
    .orderBy('_id', 'desc')
    .limit(q.limit)
    .get();
  return data;
}
