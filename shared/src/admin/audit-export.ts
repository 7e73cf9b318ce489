import type { AuditItem } from '../contract/admin';

/** How many entries one export holds at most (the file says when more matched). */
export const AUDIT_EXPORT_LIMIT = 5000;

export const AUDIT_EXPORT_HEADERS = [
  '时间',
  '类型',
  '门店',
  '操作人',
  '客户',
  '手机号',
  '说明',
  '规则',
  '渠道',
  '金额',
  '变更内容',
  '结果',
  '记录编号',
] as const;

/** An instant as Shanghai wall time, `2027-02-10 09:30` (UTC+8 all year). */
export function shanghaiMinute(at: string): string {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) return at;
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

const show = (v: unknown): string =>
  v === undefined ? '（无）' : v === null ? '不限' : typeof v === 'object' ? JSON.stringify(v) : String(v);

/**
 * The export's rows: one per entry, as the viewer shows it (already masked for the reader), with
 * Chinese headers — the amount in yuan, a reward in its unit, a filing's rule by name and channel,
 * a change as `名称：旧 → 新` lines.
 */
export function auditExportRows(items: readonly AuditItem[]): string[][] {
  return items.map((i) => [
    shanghaiMinute(i.at),
    i.rewardTypeLabel ? `${i.kindLabel}·${i.rewardTypeLabel}` : i.kindLabel,
    i.storeName ?? i.storeId ?? '全连锁',
    i.actorName ?? i.actorId ?? (i.source === 'reward' ? '系统' : i.source === 'filing' ? '顾客自助' : ''),
    i.customerName ?? '',
    i.customerPhone ?? '',
    i.message,
    i.ruleLabel ?? i.rule ?? '',
    i.channelLabel ?? '',
    i.amountText ?? '',
    i.changes.map((c) => `${c.label}：${show(c.before)} → ${show(c.after)}`).join('\n'),
    i.outcome === 'rejected' ? '已拒绝' : '已生效',
    i.id,
  ]);
}
