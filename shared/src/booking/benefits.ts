import type { RewardKind, RewardPolicy } from '../settings/clinic-settings';

/** What the card and the landing page say about the clinic's reward policies (docs/business-rules.md §8). */
export interface BenefitLine {
  kind: RewardKind;
  title: string;
  description: string;
  /** What a physical gift is worth (fen), when the policy says: the invitation shows 价值 ¥199. */
  valueFen?: number;
}

export type BenefitAudience = 'referrer' | 'referee';

function percent(bp: number): string {
  const whole = Math.floor(bp / 100);
  const rest = bp % 100;
  if (rest === 0) return `${whole}%`;
  return `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}%`;
}

function yuan(fen: number): string {
  const rest = fen % 100;
  return rest === 0 ? `${Math.floor(fen / 100)} 元` : `${Math.floor(fen / 100)}.${String(rest).padStart(2, '0')} 元`;
}

function receives(policy: RewardPolicy, audience: BenefitAudience): boolean {
  return policy.recipients === 'both' || policy.recipients === audience;
}

function clip(text: string, max: number): string {
  return Array.from(text).length <= max
    ? text
    : Array.from(text)
        .slice(0, max - 1)
        .join('') + '…';
}

/** One line per policy the audience receives; text only, amounts are credited at the deal. */
export function benefitLines(policies: readonly RewardPolicy[], audience: BenefitAudience): BenefitLine[] {
  const when = audience === 'referee' ? '您首次消费后' : '好友首次消费后';
  const whose = audience === 'referee' ? '实付金额' : '好友实付金额';
  return policies
    .filter((p) => receives(p, audience))
    .map((p) => {
      const extras: string[] = [];
      if (p.minDealFen > 0) extras.push(`实付满 ${yuan(p.minDealFen)}可得`);
      if (p.expiryDays !== null && p.kind !== 'physical_gift') extras.push(`${p.expiryDays} 天内有效`);
      let title: string;
      let text: string;
      switch (p.kind) {
        case 'rebate':
          title = `返利金 ${percent(p.rateBp)}`;
          text = `${when}，按${whose}的 ${percent(p.rateBp)} 计入返利金`;
          if (p.capPerCustomer !== null) extras.push(`每人累计最多 ${yuan(p.capPerCustomer)}`);
          break;
        case 'gift_voucher':
          title = `产品抵扣券 ${percent(p.rateBp)}`;
          text = `${when}，按${whose}的 ${percent(p.rateBp)} 赠送产品抵扣券`;
          if (p.capPerCustomer !== null) extras.push(`每人累计最多 ${yuan(p.capPerCustomer)}`);
          break;
        case 'physical_gift':
          title = `礼品：${p.giftName ?? '实物礼品'}`;
          text = `${when}，赠送${p.giftName ?? '实物礼品'}`;
          if (p.capPerCustomer !== null) extras.push(`每人限 ${p.capPerCustomer} 份`);
          break;
        case 'points':
          title = `积分 每元 ${p.pointsPerYuan} 分`;
          text = `${when}，${whose}每 1 元积 ${p.pointsPerYuan} 分`;
          if (p.capPerCustomer !== null) extras.push(`每人累计最多 ${p.capPerCustomer} 分`);
          break;
      }
      const description = extras.length > 0 ? `${text}（${extras.join('，')}）` : text;
      const worth = p.kind === 'physical_gift' && p.giftValueFen > 0 ? { valueFen: p.giftValueFen } : {};
      return { kind: p.kind, title: clip(title, 40), description: clip(description, 200), ...worth };
    })
    .slice(0, 10);
}
