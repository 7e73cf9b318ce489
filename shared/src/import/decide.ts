import type { AuditLogEntry } from '../model/entities';
import { compareDates, type LocalDate } from '../time/shanghai';
import type { ImportRow } from './row';

/** What to do with a row whose phone is already a customer of the chain. */
export const IMPORT_POLICIES = {
  skip: '跳过已有客户',
  update: '更新已有老客的星级、最近治疗日期和备注',
} as const;
export type ImportPolicy = keyof typeof IMPORT_POLICIES;

/** What the database holds for a row's phone in the chain (customer record and person doc, if any). */
export interface CustomerOnRecord {
  customerId: string;
  kind: 'new' | 'existing';
  storeId: string;
  ownerStaffId?: string;
  starLevel?: number;
  lastTreatmentDate?: LocalDate;
  note?: string;
}

/** The fields an update may change: the CRM's own facts. Never the owner, store, channel or kind (R1, R8). */
export interface CustomerPatch {
  starLevel?: number;
  lastTreatmentDate?: LocalDate;
  note?: string;
}

export const SKIP_REASONS = {
  existing: '已是客户，按「跳过已有客户」未导入',
  unchanged: '已是老客，资料与系统一致，无需更新',
  filed_new: '该手机号已在本系统建档为新客：首次建档优先（R1），导入不改变其渠道与归属',
  other_store: '该手机号已是其他门店的客户，导入不改变客户所属门店',
  owner_conflict: '已是老客，归属员工与系统记录不同：不允许补单和改单（R8），本行未导入',
} as const;
export type SkipReason = keyof typeof SKIP_REASONS;

export type RowDecision =
  | { kind: 'create' }
  | { kind: 'update'; customerId: string; patch: CustomerPatch }
  | { kind: 'skip'; reason: SkipReason; customerId: string };

/**
 * R1/R8 for an imported row, against what the chain holds for its phone:
 * - nobody → a new 老客 (create);
 * - a 新客 filed in this product → skipped: first filing wins, the import makes nobody 老客 (R1);
 * - a customer of another store → skipped: an import moves nobody;
 * - a 老客 whose owner the row names differently → skipped and audited (R8: no re-attribution);
 * - otherwise the policy: skip, or update the CRM's facts (star level; the treatment date only
 *   forward, so an older export never undoes a treatment recorded since; note) — unchanged when
 *   nothing differs.
 */
export function decideRow(row: ImportRow, onRecord: CustomerOnRecord | null, policy: ImportPolicy): RowDecision {
  if (!onRecord) return { kind: 'create' };
  const customerId = onRecord.customerId;
  if (onRecord.kind === 'new') return { kind: 'skip', reason: 'filed_new', customerId };
  if (onRecord.storeId !== row.storeId) return { kind: 'skip', reason: 'other_store', customerId };
  if (row.ownerStaffId !== undefined && row.ownerStaffId !== onRecord.ownerStaffId) {
    return { kind: 'skip', reason: 'owner_conflict', customerId };
  }
  if (policy === 'skip') return { kind: 'skip', reason: 'existing', customerId };
  const patch: CustomerPatch = {
    ...(row.starLevel !== undefined && row.starLevel !== onRecord.starLevel ? { starLevel: row.starLevel } : {}),
    ...(row.lastTreatmentDate !== undefined &&
    (onRecord.lastTreatmentDate === undefined || compareDates(row.lastTreatmentDate, onRecord.lastTreatmentDate) > 0)
      ? { lastTreatmentDate: row.lastTreatmentDate }
      : {}),
    ...(row.note !== undefined && row.note !== onRecord.note ? { note: row.note } : {}),
  };
  if (Object.keys(patch).length === 0) return { kind: 'skip', reason: 'unchanged', customerId };
  return { kind: 'update', customerId, patch };
}

/** Whether a skip is one the audit log keeps (R8: a refused attempt to change an owner). */
export const isAuditedSkip = (reason: SkipReason): boolean => reason === 'owner_conflict';

/** R8: the audit entry of a row that tried to give an existing customer another owner. */
export function ownerConflictAudit(input: {
  id: string;
  chainId: string;
  at: string;
  actorId: string;
  customerId: string;
  row: number;
  ownerStaffId: string;
  recordedOwnerStaffId?: string;
}): AuditLogEntry {
  return {
    id: input.id,
    chainId: input.chainId,
    at: input.at,
    actorId: input.actorId,
    action: 'import.reassign_owner',
    targetId: input.customerId,
    outcome: 'rejected',
    rule: 'R8',
    message: `客户导入第 ${input.row} 行将归属员工改为 ${input.ownerStaffId}（系统记录：${input.recordedOwnerStaffId ?? '无'}）：不允许补单和改单，未导入`,
  };
}
