import type { ClinicSettings, RewardPolicy } from '../settings/clinic-settings';
import type { RewardLedgerEntry } from '../model/entities';
import { shareOfFen } from '../money/fen';
import { addDays, localDate } from '../time/shanghai';
import { compareText } from '../util/compare';

export interface PaidDeal {
  id: string;
  chainId: string;
  /** Where it was paid: the credits carry it (the audit log's store filter). */
  storeId?: string;
  /** The referee: the new customer who paid. */
  customerId: string;
  paidFen: number;
  at: string;
}

export interface CreditInput {
  deal: PaidDeal;
  /** Every deal of the referee so far (this one included), to tell whether this is the first paid one. */
  refereeDeals: readonly { id: string; paidFen: number; at: string }[];
  /** R9: the referral relationship (not the channel attribution). */
  referrerCustomerId: string | undefined;
  ledger: readonly RewardLedgerEntry[];
}

export type CreditSkip = {
  policyId: string;
  role: 'referrer' | 'referee';
  reason: 'cap_reached' | 'below_minimum' | 'zero';
};

export type NoCreditReason = 'no_referrer' | 'unpaid' | 'not_first_paid_deal' | 'already_credited';

/** Why a deal earns no referral reward, as staff and customers read it. */
export const NO_CREDIT_MESSAGES: Record<NoCreditReason, string> = {
  no_referrer: '该顾客没有推荐人',
  unpaid: '成交尚未付款，暂不发放奖励',
  not_first_paid_deal: '奖励仅在新客首次付款成交时发放',
  already_credited: '该成交的奖励已发放',
};

/** Why one policy's reward was not credited to one side although the deal qualified. */
export const CREDIT_SKIP_MESSAGES: Record<CreditSkip['reason'], string> = {
  cap_reached: '已达该奖励的发放上限',
  below_minimum: '成交金额未达到该奖励的门槛',
  zero: '按奖励规则本次奖励为零',
};

export type CreditResult =
  | { credited: true; entries: RewardLedgerEntry[]; skipped: CreditSkip[] }
  | { credited: false; reason: NoCreditReason; message: string };

const noCredit = (reason: NoCreditReason): CreditResult => ({
  credited: false,
  reason,
  message: NO_CREDIT_MESSAGES[reason],
});

const UNIT = { rebate: 'fen', gift_voucher: 'fen', points: 'points', physical_gift: 'item' } as const;

/**
 * §8: rewards are credited only when the referee's first paid deal is recorded (never at
 * booking), exactly once per deal (entry ids are derived from the deal, so a retried call writes
 * the same ids), within the caps per customer and per period.
 */
export function creditReferralRewards(input: CreditInput, settings: ClinicSettings): CreditResult {
  const { deal, ledger } = input;
  const referrer = input.referrerCustomerId;
  if (!referrer || referrer === deal.customerId) return noCredit('no_referrer');
  if (deal.paidFen <= 0) return noCredit('unpaid');
  const firstPaid = input.refereeDeals
    .filter((d) => d.paidFen > 0)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || compareText(a.id, b.id))[0];
  if (firstPaid && firstPaid.id !== deal.id) {
    return noCredit('not_first_paid_deal');
  }
  if (ledger.some((e) => e.type === 'credit' && e.refereeCustomerId === deal.customerId)) {
    return noCredit('already_credited');
  }

  const day = localDate(deal.at);
  const entries: RewardLedgerEntry[] = [];
  const skipped: CreditSkip[] = [];
  for (const policy of settings.rewards.policies) {
    const roles = policy.recipients === 'both' ? (['referrer', 'referee'] as const) : ([policy.recipients] as const);
    for (const role of roles) {
      const customerId = role === 'referrer' ? referrer : deal.customerId;
      if (deal.paidFen < policy.minDealFen) {
        skipped.push({ policyId: policy.id, role, reason: 'below_minimum' });
        continue;
      }
      const full = baseAmount(policy, deal.paidFen);
      const allowed = Math.min(full, remainingUnderCaps(policy, customerId, day, [...ledger, ...entries]));
      if (allowed <= 0) {
        skipped.push({ policyId: policy.id, role, reason: full <= 0 ? 'zero' : 'cap_reached' });
        continue;
      }
      entries.push({
        id: `${deal.id}:${policy.id}:${role}`,
        chainId: deal.chainId,
        ...(deal.storeId ? { storeId: deal.storeId } : {}),
        customerId,
        type: 'credit',
        policyId: policy.id,
        kind: policy.kind,
        unit: UNIT[policy.kind],
        amount: allowed,
        role,
        dealId: deal.id,
        refereeCustomerId: deal.customerId,
        referrerCustomerId: referrer,
        at: deal.at,
        ...(policy.kind === 'physical_gift'
          ? { giftName: policy.giftName, valueFen: policy.giftValueFen * allowed }
          : {}),
        ...(policy.expiryDays !== null ? { expiresOn: addDays(day, policy.expiryDays) } : {}),
      });
    }
  }
  return { credited: true, entries, skipped };
}

/** The policy's amount before caps: fen for rebates and vouchers, points, or one gift. */
export function baseAmount(policy: RewardPolicy, paidFen: number): number {
  switch (policy.kind) {
    case 'rebate':
    case 'gift_voucher':
      return shareOfFen(paidFen, policy.rateBp);
    case 'points':
      // Whole yuan only: 199 fen earns points for 1 yuan.
      return Math.floor(paidFen / 100) * policy.pointsPerYuan;
    case 'physical_gift':
      return 1;
  }
}

function remainingUnderCaps(
  policy: RewardPolicy,
  customerId: string,
  day: string,
  ledger: readonly RewardLedgerEntry[],
): number {
  const mine = ledger.filter((e) => e.type === 'credit' && e.customerId === customerId && e.policyId === policy.id);
  let remaining = Number.MAX_SAFE_INTEGER;
  if (policy.capPerCustomer !== null) {
    remaining = Math.min(remaining, policy.capPerCustomer - sum(mine));
  }
  if (policy.capPerPeriod !== null) {
    const key = periodKey(day, policy.period);
    remaining = Math.min(
      remaining,
      policy.capPerPeriod - sum(mine.filter((e) => periodKey(localDate(e.at), policy.period) === key)),
    );
  }
  return remaining;
}

function periodKey(day: string, period: 'month' | 'year'): string {
  return period === 'month' ? day.slice(0, 7) : day.slice(0, 4);
}

function sum(entries: readonly RewardLedgerEntry[]): number {
  return entries.reduce((s, e) => s + e.amount, 0);
}
