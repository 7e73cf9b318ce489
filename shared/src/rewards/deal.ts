import type { Deal, RewardLedgerEntry } from '../model/entities';
import type { Department } from '../model/people';
import { formatFen } from '../money/fen';
import { referralStatusAfter } from '../referral/referral-progress';
import type { ReferralStatus } from '../referral/status';
import { REWARD_KINDS, type ClinicSettings } from '../settings/clinic-settings';
import { compareText } from '../util/compare';
import {
  CREDIT_SKIP_MESSAGES,
  NO_CREDIT_MESSAGES,
  creditReferralRewards,
  type CreditSkip,
  type NoCreditReason,
} from './credit';
import { availableBalance, useReward } from './ledger';

/** Rewards a customer can spend at a deal (a physical gift is handed over, not deducted). */
export const USABLE_REWARD_KINDS = ['rebate', 'gift_voucher', 'points'] as const;
export type UsableRewardKind = (typeof USABLE_REWARD_KINDS)[number];

/** One letter per usable kind: use-entry ids stay within the ledger's 128 characters. */
const KIND_CODE: Record<UsableRewardKind, string> = { rebate: 'r', gift_voucher: 'g', points: 'p' };

export interface DealItem {
  productId: string;
  amountFen: number;
  paidFen: number;
}

/** One `deals.record` request: a checkout of one customer, one deal per item. */
export interface DealRecordRequest {
  /** The client's idempotency key: deal ids are derived from it. */
  requestId: string;
  chainId: string;
  storeId: string;
  customerId: string;
  items: readonly DealItem[];
  useRewards: readonly { kind: UsableRewardKind; amount: number }[];
  /**
   * A short key of this request (≤ 16 characters) that starts its use-entry ids
   * (`<useKey><kind letter>:<credit id>`): a credit id is up to 109 characters, a ledger id 128.
   */
  useKey: string;
  at: string;
  staffId?: string;
  department?: Department;
}

/** R9: the referral relationship of the customer (who gets the referral reward) and its progress. */
export interface ReferralFacts {
  referrerCustomerId: string;
  status: ReferralStatus;
  rewardCredited: boolean;
}

/** What the database says about the customer, loaded before the deal's transaction. */
export interface DealFacts {
  customerKind: 'new' | 'existing';
  referral: ReferralFacts | undefined;
  /** The customer's deals recorded before this request; needed only when `creditFactsNeeded`. */
  previousDeals: readonly { id: string; paidFen: number; at: string }[];
  /** The customer's ledger and, when a credit is possible, the referrer's (for caps and balances). */
  ledger: readonly RewardLedgerEntry[];
}

export interface DealTotals {
  amountFen: number;
  paidFen: number;
  /** Rebate and voucher deductions used at this deal, in fen. */
  deductedFen: number;
  pointsUsed: number;
}

export type DealSettlement =
  | {
      ok: true;
      deals: Deal[];
      totals: DealTotals;
      /** Referral rewards this deal credits (to the referrer and/or the customer). */
      credits: RewardLedgerEntry[];
      /** Policies that credited nothing to one side although the deal qualified (caps, minimum). */
      skipped: CreditSkip[];
      /** Why nothing was credited (Chinese), when nothing was. */
      noRewardReason?: string;
      /** Rewards the customer spends at this deal. */
      uses: RewardLedgerEntry[];
      /** §1: a new customer's first paid deal makes them an existing customer (老客). */
      becomesExisting: boolean;
      /** The referral relationship's progress after this deal, when it changes. */
      referralUpdate?: { status: 'dealt'; rewardCredited: boolean };
    }
  | { ok: false; code: 'INSUFFICIENT_BALANCE' | 'INVALID_INPUT'; message: string };

/** The deal id of the request's item at `index` (0-based): `<requestId>_<n>`, n from 1. */
export const dealIdFor = (requestId: string, index: number): string => `${requestId}_${index + 1}`;

const sumOf = (values: readonly number[]): number => values.reduce((s, v) => s + v, 0);

/**
 * §8: whether this request can credit referral rewards, so that the caller loads the customer's
 * earlier deals and the referrer's ledger. Not when there is no referrer (R9: the relationship,
 * never the channel), nothing is paid, or the relationship shows the first paid deal already.
 */
export function creditFactsNeeded(
  customerId: string,
  referral: ReferralFacts | undefined,
  items: readonly DealItem[],
): boolean {
  return noCreditBeforeFacts(customerId, referral, items) === undefined;
}

function noCreditBeforeFacts(
  customerId: string,
  referral: ReferralFacts | undefined,
  items: readonly DealItem[],
): NoCreditReason | undefined {
  if (!referral || referral.referrerCustomerId === customerId) return 'no_referrer';
  if (sumOf(items.map((i) => i.paidFen)) <= 0) return 'unpaid';
  if (referral.status === 'dealt') return 'not_first_paid_deal';
  if (referral.rewardCredited) return 'already_credited';
  return undefined;
}

const display = (kind: UsableRewardKind, amount: number): string =>
  kind === 'points' ? `${amount} 积分` : formatFen(amount);

/**
 * §8 and §1 for one checkout: the deals (one per item), the referral rewards of the customer's
 * first paid deal — computed on the checkout's paid total and filed under its first paid item, so
 * that a retried request credits the same entry ids — the rewards the customer spends (from what
 * was usable before this deal; what this deal credits is for the next one), and whether the
 * customer becomes an existing customer. Pure: the caller loads the facts and persists the result.
 */
export function settleDeal(req: DealRecordRequest, facts: DealFacts, settings: ClinicSettings): DealSettlement {
  const deals: Deal[] = req.items.map((item, i) => ({
    id: dealIdFor(req.requestId, i),
    chainId: req.chainId,
    storeId: req.storeId,
    customerId: req.customerId,
    productId: item.productId,
    at: req.at,
    amountFen: item.amountFen,
    paidFen: item.paidFen,
    ...(req.staffId ? { staffId: req.staffId } : {}),
    ...(req.department ? { department: req.department } : {}),
    requestId: req.requestId,
  }));
  const amountFen = sumOf(deals.map((d) => d.amountFen));
  const paidFen = sumOf(deals.map((d) => d.paidFen));

  const uses: RewardLedgerEntry[] = [];
  for (const use of req.useRewards) {
    const spent = useReward(facts.ledger, {
      customerId: req.customerId,
      kind: use.kind,
      amount: use.amount,
      useId: `${req.useKey}${KIND_CODE[use.kind]}`,
      at: req.at,
    });
    if (!spent.ok) {
      if (spent.code !== 'INSUFFICIENT_BALANCE') return spent;
      const left = availableBalance(facts.ledger, req.customerId, use.kind, req.at);
      return {
        ok: false,
        code: 'INSUFFICIENT_BALANCE',
        message: `${REWARD_KINDS[use.kind]}可用余额不足（可用 ${display(use.kind, left)}）`,
      };
    }
    // A use belongs to the store of the checkout it is spent at.
    uses.push(...spent.entries.map((e) => ({ ...e, storeId: req.storeId })));
  }
  const deductedFen = sumOf(uses.filter((u) => u.unit === 'fen').map((u) => u.amount));
  if (deductedFen > amountFen) return { ok: false, code: 'INVALID_INPUT', message: '抵扣金额不能超过成交金额' };
  const totals: DealTotals = {
    amountFen,
    paidFen,
    deductedFen,
    pointsUsed: sumOf(uses.filter((u) => u.unit === 'points').map((u) => u.amount)),
  };

  let credits: RewardLedgerEntry[] = [];
  let skipped: CreditSkip[] = [];
  let noRewardReason: string | undefined;
  const before = noCreditBeforeFacts(req.customerId, facts.referral, req.items);
  if (before) {
    noRewardReason = NO_CREDIT_MESSAGES[before];
  } else {
    // Same order as creditReferralRewards: the checkout's first paid item is the deal of record.
    const firstPaid = deals.filter((d) => d.paidFen > 0).sort((a, b) => compareText(a.id, b.id))[0] as Deal;
    const credit = creditReferralRewards(
      {
        deal: {
          id: firstPaid.id,
          chainId: req.chainId,
          storeId: req.storeId,
          customerId: req.customerId,
          paidFen,
          at: req.at,
        },
        refereeDeals: [...facts.previousDeals, ...deals],
        referrerCustomerId: (facts.referral as ReferralFacts).referrerCustomerId,
        ledger: facts.ledger,
      },
      settings,
    );
    if (credit.credited) {
      credits = credit.entries;
      skipped = credit.skipped;
      if (credits.length === 0) {
        noRewardReason = skipped[0] ? CREDIT_SKIP_MESSAGES[skipped[0].reason] : '诊所当前没有推荐奖励';
      }
    } else {
      noRewardReason = credit.message;
    }
  }

  const referral = facts.referral;
  // A paid checkout is the friend's deal (an unpaid one is not): whatever the relationship showed.
  const referralUpdate =
    referral && paidFen > 0 && referralStatusAfter(referral.status, { kind: 'dealt' }) !== referral.status
      ? { status: 'dealt' as const, rewardCredited: referral.rewardCredited || credits.length > 0 }
      : undefined;

  return {
    ok: true,
    deals,
    totals,
    credits,
    skipped,
    ...(noRewardReason !== undefined ? { noRewardReason } : {}),
    uses,
    becomesExisting: facts.customerKind === 'new' && paidFen > 0,
    ...(referralUpdate ? { referralUpdate } : {}),
  };
}
