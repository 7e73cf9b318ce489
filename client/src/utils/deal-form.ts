/**
 * The deal entry form (录入成交): items typed in yuan (→ integer fen, exactly), the rewards the
 * customer uses (bounded by what `deals.prepare` says is usable), validation at each field, the form
 * → `deals.record` input, the idempotency key of a form, and the answer's lines.
 */
import {
  REWARD_KINDS,
  USABLE_REWARD_KINDS,
  formatFen,
  type ActionOutput,
  type DealsContract,
  type UsableRewardKind,
} from '@clinic/shared';
import type { RecordDealInput, RecordedDeal } from '../services/deals';
import { yuanToFen } from './money-input';

export type Usable = ActionOutput<DealsContract, 'prepare'>['usable'];

/** One contract field holds up to 10 items (one deal each). */
export const MAX_DEAL_ITEMS = 10;

export interface DealItemValues {
  /** Stable key of the row (React key; errors are filed under it). */
  key: string;
  productId: string;
  /** 成交金额 and 实付金额 as typed, in yuan. */
  amount: string;
  paid: string;
}

export interface DealFormValues {
  items: DealItemValues[];
  /** 使用奖励 as typed: rebate and voucher in yuan, points as a whole number; empty = not used. */
  rewards: Record<UsableRewardKind, string>;
  /** The next row key's number. */
  nextKey: number;
}

export type DealItemField = 'productId' | 'amount' | 'paid';
/** Errors by field: `<item key>.<field>`, `reward.<kind>`, and `items` / `rewards` for the whole form. */
export type DealFormErrors = Partial<Record<string, string>>;

export const itemErrorKey = (key: string, field: DealItemField) => `${key}.${field}`;
export const rewardErrorKey = (kind: UsableRewardKind) => `reward.${kind}`;

export const DEAL_MESSAGES = {
  product: '请选择成交项目',
  paidOverAmount: '实付金额不能大于成交金额',
  noItems: '请至少录入一个成交项目',
  tooManyItems: `一次最多录入 ${MAX_DEAL_ITEMS} 个成交项目`,
  pointsFormat: '积分请输入正整数',
  useZero: '使用数量须大于 0，不使用请留空',
  deductionOverAmount: '返利金与抵扣券合计不能超过成交金额合计',
  notCheckedIn: '顾客到院签到后才能录入成交',
} as const;

export const REWARD_USE_LABELS: Record<UsableRewardKind, string> = {
  rebate: REWARD_KINDS.rebate,
  gift_voucher: REWARD_KINDS.gift_voucher,
  points: REWARD_KINDS.points,
};

export function emptyItem(n: number): DealItemValues {
  return { key: `item-${n}`, productId: '', amount: '', paid: '' };
}

export function emptyDealForm(): DealFormValues {
  return { items: [emptyItem(1)], rewards: { rebate: '', gift_voucher: '', points: '' }, nextKey: 2 };
}

/** One more empty item (nothing changes at MAX_DEAL_ITEMS). */
export function addItem(values: DealFormValues): DealFormValues {
  if (values.items.length >= MAX_DEAL_ITEMS) return values;
  return { ...values, items: [...values.items, emptyItem(values.nextKey)], nextKey: values.nextKey + 1 };
}

/** Removes an item; the last one stays (a checkout has at least one item). */
export function removeItem(values: DealFormValues, key: string): DealFormValues {
  if (values.items.length <= 1) return values;
  return { ...values, items: values.items.filter((i) => i.key !== key) };
}

export function patchItem(values: DealFormValues, key: string, patch: Partial<DealItemValues>): DealFormValues {
  return { ...values, items: values.items.map((i) => (i.key === key ? { ...i, ...patch } : i)) };
}

/**
 * ProductPicker reports the chosen set; one item has one product. Tapping another product takes
 * it; tapping the chosen one again clears it.
 */
export function singleProduct(current: string, chosen: readonly string[]): string {
  return chosen.find((id) => id !== current) ?? (chosen.includes(current) ? current : '');
}

/** The kinds the form offers: those with something usable today. */
export function usableKinds(usable: Usable): UsableRewardKind[] {
  return USABLE_REWARD_KINDS.filter((k) => usable[k] > 0);
}

/** What is usable of a kind, as the form shows it: `¥120.00` / `300 积分`. */
export function usableText(kind: UsableRewardKind, usable: Usable): string {
  return kind === 'points' ? `${usable.points} 积分` : formatFen(usable[kind]);
}

/** A reward use as typed → its amount in the contract's unit (fen or points), or a reason. */
function parseUse(kind: UsableRewardKind, text: string): { ok: true; amount: number } | { ok: false; message: string } {
  if (kind === 'points') {
    const tidy = text.replace(/[\s,，]/g, '');
    if (!/^\d+$/.test(tidy)) return { ok: false, message: DEAL_MESSAGES.pointsFormat };
    const n = Number(tidy);
    return Number.isSafeInteger(n) ? { ok: true, amount: n } : { ok: false, message: DEAL_MESSAGES.pointsFormat };
  }
  const fen = yuanToFen(text);
  return fen.ok ? { ok: true, amount: fen.fen } : fen;
}

export function validateDealForm(values: DealFormValues, usable: Usable): DealFormErrors {
  const errors: DealFormErrors = {};
  if (values.items.length === 0) errors.items = DEAL_MESSAGES.noItems;
  if (values.items.length > MAX_DEAL_ITEMS) errors.items = DEAL_MESSAGES.tooManyItems;
  let totalFen = 0;
  for (const item of values.items) {
    if (!item.productId) errors[itemErrorKey(item.key, 'productId')] = DEAL_MESSAGES.product;
    const amount = yuanToFen(item.amount);
    const paid = yuanToFen(item.paid);
    if (!amount.ok) errors[itemErrorKey(item.key, 'amount')] = amount.message;
    else totalFen += amount.fen;
    if (!paid.ok) errors[itemErrorKey(item.key, 'paid')] = paid.message;
    else if (amount.ok && paid.fen > amount.fen) errors[itemErrorKey(item.key, 'paid')] = DEAL_MESSAGES.paidOverAmount;
  }
  let deductedFen = 0;
  for (const kind of USABLE_REWARD_KINDS) {
    const text = values.rewards[kind].trim();
    if (!text) continue;
    const use = parseUse(kind, text);
    if (!use.ok) {
      errors[rewardErrorKey(kind)] = use.message;
      continue;
    }
    if (use.amount === 0) errors[rewardErrorKey(kind)] = DEAL_MESSAGES.useZero;
    else if (use.amount > usable[kind])
      errors[rewardErrorKey(kind)] = `超过可用余额（可用 ${usableText(kind, usable)}）`;
    else if (kind !== 'points') deductedFen += use.amount;
  }
  const itemsOk = !Object.keys(errors).some((k) => k.startsWith('item-') || k === 'items');
  if (itemsOk && deductedFen > totalFen) errors.rewards = DEAL_MESSAGES.deductionOverAmount;
  return errors;
}

/** The totals of what is typed so far (invalid amounts count as 0): the form's running sum. */
export function typedTotals(values: DealFormValues): { amountFen: number; paidFen: number } {
  let amountFen = 0;
  let paidFen = 0;
  for (const item of values.items) {
    const amount = yuanToFen(item.amount);
    const paid = yuanToFen(item.paid);
    if (amount.ok) amountFen += amount.fen;
    if (paid.ok) paidFen += paid.fen;
  }
  return { amountFen, paidFen };
}

/** The `deals.record` input, or null while `validateDealForm` finds anything. */
export function toRecordDealInput(
  customerId: string,
  values: DealFormValues,
  usable: Usable,
  idempotencyKey: string,
): RecordDealInput | null {
  if (Object.keys(validateDealForm(values, usable)).length > 0) return null;
  const items = values.items.map((i) => ({
    productId: i.productId,
    amountFen: (yuanToFen(i.amount) as { fen: number }).fen,
    paidFen: (yuanToFen(i.paid) as { fen: number }).fen,
  }));
  const useRewards = USABLE_REWARD_KINDS.flatMap((kind) => {
    const text = values.rewards[kind].trim();
    if (!text) return [];
    const use = parseUse(kind, text) as { amount: number };
    return [{ kind, amount: use.amount }];
  });
  return { customerId, items, idempotencyKey, ...(useRewards.length > 0 ? { useRewards } : {}) };
}

/**
 * A new form's idempotency key (`deal-<time>-<random>`, 8–64 of [A-Za-z0-9_-]; the server's deal
 * ids append `_<n>`). Made once per form and sent again on every retry of that form, so a double
 * tap or a retry after a lost answer records the checkout once.
 */
export function newIdempotencyKey(now: number = Date.now(), random: () => number = Math.random): string {
  let tail = '';
  for (let i = 0; i < 10; i++) tail += Math.floor(random() * 36).toString(36);
  return `deal-${now.toString(36)}-${tail}`;
}

// ---- the answer ------------------------------------------------------------------------------

export const DEAL_ROLE_LABELS = { referrer: '推荐人', referee: '顾客本人' } as const;

type Credit = RecordedDeal['credited'][number];

/** An amount in its unit: fen → `¥149.00` (shared formatFen), points → `300 积分`, item → `面膜 ×1`. */
export function rewardAmountText(e: { amount: number; unit: 'fen' | 'points' | 'item'; giftName?: string }): string {
  if (e.unit === 'fen') return formatFen(e.amount);
  if (e.unit === 'points') return `${e.amount} 积分`;
  return `${e.giftName ?? '礼品'} ×${e.amount}`;
}

export interface CreditLine {
  key: string;
  who: string;
  what: string;
  expiry?: string;
}

/** `推荐人 王*` · `返利金 ¥149.00` · `有效期至 2027-11-24`. */
export function creditLines(credited: readonly Credit[]): CreditLine[] {
  return credited.map((c, i) => ({
    key: `${c.role}-${c.kind}-${i}`,
    who: `${DEAL_ROLE_LABELS[c.role]} ${c.maskedName}`,
    what: `${REWARD_KINDS[c.kind]} ${rewardAmountText(c)}`,
    ...(c.expiresOn ? { expiry: `有效期至 ${c.expiresOn}` } : {}),
  }));
}

/** `推荐人：已达该奖励的发放上限`. */
export function skippedLines(skipped: RecordedDeal['skipped']): string[] {
  return skipped.map((s) => `${DEAL_ROLE_LABELS[s.role]}：${s.reason}`);
}

/** `返利金 ¥20.00`, `积分 100 积分` → what the customer spent at this deal. */
export function usedLines(used: RecordedDeal['used']): string[] {
  return used.map((u) => `${REWARD_KINDS[u.kind]} ${rewardAmountText(u)}`);
}

export function dealHeadline(answer: Pick<RecordedDeal, 'dealIds'>): string {
  return `已录入成交（${answer.dealIds.length} 项）`;
}
