/**
 * `referral.resolveLanding`, on its own: the invitation page and the booking page's code field are in
 * the main package, and this file takes only the landing's part of the referral contract there (the
 * card's actions are services/referral.ts, in the customer subpackage).
 */
import { referralLandingContract, type ActionOutput, type Result } from '@clinic/shared';
import { callFunction } from './cloud';

export type Landing = ActionOutput<typeof referralLandingContract, 'resolveLanding'>;

/** Exactly one of a typed/shared `code` or a scanned `scene` (`r=XXXXXXXX`). */
export function resolveLanding(from: { code: string } | { scene: string }): Promise<Result<Landing>> {
  return callFunction('referral', referralLandingContract, 'resolveLanding', from);
}
