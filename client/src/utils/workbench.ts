/**
 * The workbench's tabs, paged lists and subscribe row: pure helpers for the staff pages.
 */
import type { TaskBucket } from '@clinic/shared';
import type { SubscribeOutcome } from '../services/subscribe';

export type WorkbenchTab = 'today' | 'overdue' | 'tomorrow' | 'golden';

/** The tabs in display order; 黄金时间 has no task bucket (its list is `staff.goldenTime`, uncounted). */
export const WORKBENCH_TABS: readonly { tab: WorkbenchTab; label: string; bucket?: TaskBucket; empty: string }[] = [
  { tab: 'today', label: '今日', bucket: 'today', empty: '今日暂无回访任务' },
  { tab: 'overdue', label: '逾期', bucket: 'overdue', empty: '没有逾期的回访任务' },
  { tab: 'tomorrow', label: '明日', bucket: 'tomorrow', empty: '明日暂无回访任务' },
  { tab: 'golden', label: '黄金时间', empty: '暂无黄金时间内的老客' },
];

/** The count a tab shows: its bucket's count, or nothing for a tab without a bucket. */
export function tabCount(
  tab: (typeof WORKBENCH_TABS)[number],
  counts: Record<TaskBucket, number> | undefined,
): number | undefined {
  return tab.bucket && counts ? counts[tab.bucket] : undefined;
}

/** A count as the tab badge shows it (99+ beyond 99). */
export function countBadge(n: number): string {
  return n > 99 ? '99+' : String(n);
}

/** The next page appended to what is shown, without repeating an item already there. */
export function appendPage<T extends { id: string }>(shown: readonly T[], page: readonly T[]): T[] {
  return appendPageBy(shown, page, (item) => item.id);
}

/** `appendPage` for items keyed otherwise (黄金时间's old customers, by `customerId`). */
export function appendPageBy<T>(shown: readonly T[], page: readonly T[], keyOf: (item: T) => string): T[] {
  const known = new Set(shown.map(keyOf));
  return [...shown, ...page.filter((item) => !known.has(keyOf(item)))];
}

/** Removes one item (a verified record, a finished task) from a shown list. */
export function withoutItem<T extends { id: string }>(shown: readonly T[], id: string): T[] {
  return shown.filter((item) => item.id !== id);
}

/** What the subscribe row says after a tap. */
export const DIGEST_SUBSCRIBE_TEXT: Record<SubscribeOutcome, string> = {
  accepted: '已订阅：下一次每日回访汇总会通过微信提醒您',
  rejected: '未订阅：不会收到下一次每日汇总，可随时再次订阅',
  failed: '订阅未成功，请稍后重试',
};

/** The H5 stand-in's prompt for the staff digest (WeChat shows its own dialog in weapp). */
export const DIGEST_SUBSCRIBE_PROMPT = {
  title: '每日回访汇总',
  content: '是否允许通过微信提醒您每日的回访任务汇总？（仅一次）',
} as const;
