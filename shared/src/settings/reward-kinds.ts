import * as z from 'zod/mini';
import '../locale';
import { labelCodes } from '../model/primitives';

/** What a reward can be paid in (the clinic's reward policy picks among these). */
export const REWARD_KINDS = {
  rebate: '返利金',
  gift_voucher: '赠送产品抵扣券',
  physical_gift: '实物礼品',
  points: '积分',
} as const;
export type RewardKind = keyof typeof REWARD_KINDS;
export const rewardKindSchema = z.enum(labelCodes(REWARD_KINDS));
