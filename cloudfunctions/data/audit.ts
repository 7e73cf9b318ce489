import type { AuditLogEntry } from '@clinic/shared';
import type { Transaction } from '../platform/db-types';
import { COLLECTIONS } from './collections';

/** The audit log: append-only. */
export function auditInTx(tx: Transaction) {
  const log = tx.collection<AuditLogEntry & { _id?: string }>(COLLECTIONS.auditLogs);
  return {
    append: (entry: AuditLogEntry) => log.doc(entry.id).set(entry),
  };
}
