/**
 * The kinds of entry the audit log holds, by the `action` its writers record. The log is written
 * only by: a refused change of a filing (R8: a claim of another referrer at booking or the desk,
 * a back-filing, another channel or owner), a manager reassigning an overdue follow-up, a colleague
 * deactivated with their work handed over, and the settings, store and product changes made here.
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

/**
 * Filings (with their deciding rule), deals and reward-ledger entries are kept in their own
 * append-only records (filings + attributions, deals, the reward ledger), not copied into the log:
 * the viewer reads them from there (one more source each) — no extra write per event.
 */
export const AUDIT_RECORD_KINDS = {
  filing: { label: '建档' },
  deal: { label: '成交' },
  reward: { label: '奖励' },
} as const satisfies Record<string, { label: string }>;

export type AuditRecordKind = keyof typeof AUDIT_RECORD_KINDS;
export const AUDIT_RECORD_KIND_IDS = Object.keys(AUDIT_RECORD_KINDS) as [AuditRecordKind, ...AuditRecordKind[]];

/** What the viewer filters by: a kind of log entry, or one of the record kinds. */
export type AuditFilterKind = AuditKind | AuditRecordKind;
export const AUDIT_FILTER_KIND_IDS = [...AUDIT_KIND_IDS, ...AUDIT_RECORD_KIND_IDS] as [
  AuditFilterKind,
  ...AuditFilterKind[],
];

export const isAuditRecordKind = (kind: string): kind is AuditRecordKind => kind in AUDIT_RECORD_KINDS;

/** The kind of an entry by its action; an action no kind lists (written by an older release) is `other`. */
export function auditKindOf(action: string): AuditKind | 'other' {
  return AUDIT_KIND_IDS.find((k) => (AUDIT_KINDS[k].actions as readonly string[]).includes(action)) ?? 'other';
}

export const auditKindLabel = (kind: AuditFilterKind | 'other'): string =>
  kind === 'other' ? '其他' : isAuditRecordKind(kind) ? AUDIT_RECORD_KINDS[kind].label : AUDIT_KINDS[kind].label;
