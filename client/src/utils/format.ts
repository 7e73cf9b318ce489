import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import type { ReferralStatus } from '@clinic/shared';

dayjs.extend(utc);

/** China Standard Time has no daylight saving: Asia/Shanghai is always UTC+8. */
const SHANGHAI_OFFSET_MINUTES = 8 * 60;

/** `2026-11-23T07:05:00.000Z` → `2026-11-23 15:05` (Asia/Shanghai). Unparseable input is shown as is. */
export function formatDateTime(iso: string): string {
  const d = dayjs.utc(iso);
  if (!d.isValid()) return iso;
  return d.utcOffset(SHANGHAI_OFFSET_MINUTES).format('YYYY-MM-DD HH:mm');
}

/** Integer fen → `¥12.50` / `¥12`. */
export function formatFen(fen: number): string {
  const yuan = Math.floor(fen / 100);
  const rest = fen % 100;
  return rest === 0 ? `¥${yuan}` : `¥${yuan}.${String(rest).padStart(2, '0')}`;
}

/** Every status `referral.listMyReferrals` can answer has its label (the type comes from the contract). */
export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = {
  filed: '已建档',
  booked: '已预约',
  cancelled: '已取消',
  visited: '已到院',
  dealt: '已成交',
};

export type LedgerType = 'credit' | 'use' | 'expire';
/** Ledger lines: credited (已到账), used (已使用), expired (已过期); 待发放 are referrals not yet dealt. */
export const LEDGER_TYPE_LABELS: Record<LedgerType, string> = {
  credit: '已到账',
  use: '已使用',
  expire: '已过期',
};

export const REWARD_KIND_LABELS: Record<string, string> = {
  rebate: '返利金',
  gift_voucher: '产品抵扣券',
  physical_gift: '礼品',
  points: '积分',
};

/** A ledger amount in its unit: fen → `¥5.50`, points → `120 积分`, item → `口红 ×1`. */
export function formatRewardAmount(entry: {
  amount: number;
  unit: 'fen' | 'points' | 'item';
  giftName?: string;
}): string {
  if (entry.unit === 'fen') return formatFen(entry.amount);
  if (entry.unit === 'points') return `${entry.amount} 积分`;
  return `${entry.giftName ?? '礼品'} ×${entry.amount}`;
}

export type BookingStatus = 'booked' | 'cancelled' | 'visited' | 'no_show';
export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  booked: '待到院',
  cancelled: '已取消',
  visited: '已到院',
  no_show: '未到院',
};

/**
 * What a project option says under its name, a line each (two columns fit a 320 px phone that way): the
 * indicative price (when the clinic lists one) and how long it takes.
 */
export function productMetaLines(product: { priceFen?: number; durationMinutes: number }): string[] {
  const duration = `约 ${product.durationMinutes} 分钟`;
  return product.priceFen === undefined ? [duration] : [`参考价 ${formatFen(product.priceFen)}`, duration];
}
