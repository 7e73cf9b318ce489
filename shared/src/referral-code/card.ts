import type { ReferralCard } from '../model/entities';
import { generateUniqueReferralCode, type RandomInt } from './code';

/**
 * One active referral card (code) per existing customer; revoking it frees the customer to get a
 * new one, and a revoked code never resolves again.
 */
export function activeCard(cards: readonly ReferralCard[], customerId: string): ReferralCard | undefined {
  return cards.find((c) => c.customerId === customerId && c.status === 'active');
}

export type IssueCardResult =
  { ok: true; card: ReferralCard; created: boolean } | { ok: false; code: 'NOT_EXISTING_CUSTOMER'; message: string };

export function issueCard(
  cards: readonly ReferralCard[],
  customer: { id: string; chainId: string; kind: 'existing' | 'new' },
  now: string,
  random: RandomInt,
  bodyLength = 7,
): IssueCardResult {
  if (customer.kind !== 'existing') {
    return { ok: false, code: 'NOT_EXISTING_CUSTOMER', message: '完成首次治疗后即可获得专属推荐卡' };
  }
  const current = activeCard(cards, customer.id);
  if (current) return { ok: true, card: current, created: false };
  const taken = new Set(cards.map((c) => c.code));
  const code = generateUniqueReferralCode(random, (c) => taken.has(c), bodyLength);
  return {
    ok: true,
    created: true,
    card: { code, customerId: customer.id, chainId: customer.chainId, status: 'active', issuedAt: now },
  };
}

export type RevokeCardResult = { ok: true; card: ReferralCard } | { ok: false; code: 'NOT_FOUND'; message: string };

export function revokeCard(cards: readonly ReferralCard[], customerId: string, now: string): RevokeCardResult {
  const current = activeCard(cards, customerId);
  if (!current) return { ok: false, code: 'NOT_FOUND', message: '您当前没有可作废的推荐卡' };
  return { ok: true, card: { ...current, status: 'revoked', revokedAt: now } };
}

/** The customer a code stands for, only while the card is active. */
export function resolveCard(cards: readonly ReferralCard[], code: string): ReferralCard | undefined {
  return cards.find((c) => c.code === code && c.status === 'active');
}
