import type { AuditLogEntry } from '@clinic/shared';
import { auditInTx } from '../data/audit';
import type { Transaction } from '../platform/db-types';

/** Writes an audit entry inside the caller's transaction: it commits with the change (or refusal) it records. */
export async function writeAudit(tx: Transaction, entry: AuditLogEntry): Promise<void> {
  await auditInTx(tx).append(entry);
}
