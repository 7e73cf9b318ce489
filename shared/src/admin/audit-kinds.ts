/**
 * The kinds of entry the audit log holds, by the `action` its writers record. The log is written
 * only by: a refused change of a filing (R8: a claim of another referrer at booking or the desk,
 * a back-filing, another channel or owner), a manager reassigning an overdue follow-up, a colleague
 * deactivated with their work handed over, and the settings, store and product changes made here.
 * Filings' own deciding rule, deals and reward entries are kept in their own append-only records
 * (attributions, deals, the reward ledger), not copied into the log.
 */
export const AUDIT_KINDS = {
  refused_change: {
    label: '拒绝改单（R8）',
    actions: ['filing.claim_referrer', 'filing.backfill', 'filing.reassign_channel', 'filing.reassign_owner'],
  },
  settings: { label: '设置变更', actions: ['settings.update'] },
  store: { label: '门店变更', actions: ['store.update'] },
  product: { label: '项目变更', actions: ['product.create', 'product.update'] },
  task_reassign: { label: '任务改派', actions: ['task.reassign'] },
  staff_leave: { label: '员工停用', actions: ['staff.deactivate'] },
} as const satisfies Record<string, { label: string; actions: readonly string[] }>;

export type AuditKind = keyof typeof AUDIT_KINDS;
export const AUDIT_KIND_IDS = Object.keys(AUDIT_KINDS) as [AuditKind, ...AuditKind[]];
export type AuditAction = (typeof AUDIT_KINDS)[AuditKind]['actions'][number];

/** The kind of an entry by its action; an action no kind lists (written by an older release) is `other`. */
export function auditKindOf(action: string): AuditKind | 'other' {
  return AUDIT_KIND_IDS.find((k) => (AUDIT_KINDS[k].actions as readonly string[]).includes(action)) ?? 'other';
}

export const auditKindLabel = (kind: AuditKind | 'other'): string =>
  kind === 'other' ? '其他' : AUDIT_KINDS[kind].label;
