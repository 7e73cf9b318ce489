/** The `referral` cloud function: the old customer's card, referrals and rewards (the landing: services/landing.ts). */
import { referralContract, type ActionOutput, type Result } from '@clinic/shared';
import { callFunction } from './cloud';

type C = typeof referralContract;
export type MyCard = ActionOutput<C, 'getMyCard'>;
export type ReferralPage = ActionOutput<C, 'listMyReferrals'>;
export type RewardPage = ActionOutput<C, 'listMyRewards'>;

/** The caller's active card, issued on the first call (existing customers only). */
export function getMyCard(): Promise<Result<MyCard>> {
  return callFunction('referral', referralContract, 'getMyCard', {});
}

export function revokeCard(): Promise<Result<ActionOutput<C, 'revokeCard'>>> {
  return callFunction('referral', referralContract, 'revokeCard', {});
}

export function listMyReferrals(cursor?: string): Promise<Result<ReferralPage>> {
  return callFunction('referral', referralContract, 'listMyReferrals', { limit: 20, ...(cursor ? { cursor } : {}) });
}

export function listMyRewards(cursor?: string): Promise<Result<RewardPage>> {
  return callFunction('referral', referralContract, 'listMyRewards', { limit: 20, ...(cursor ? { cursor } : {}) });
}
