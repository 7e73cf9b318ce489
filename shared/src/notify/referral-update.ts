import { PAGE_PATHS } from '../model/pages';
import { formatFen } from '../money/fen';
import { REWARD_KINDS, type RewardKind } from '../settings/clinic-settings';
import type { SubscribeMessage } from './digest';
import { fitThing } from './template-fields';

/** Where a referrer's update opens: their referral card, whose list shows each friend's progress. */
export const REFERRAL_CARD_PAGE = PAGE_PATHS.card;

/** The three moments an old customer hears about a friend they referred. */
export const REFERRAL_PROGRESS = ['booked', 'visited', 'rewarded'] as const;
export type ReferralProgress = (typeof REFERRAL_PROGRESS)[number];

/** The 进度 value of each moment: a `phrase` (at most 5 Chinese characters). */
export const REFERRAL_PROGRESS_PHRASES: Record<ReferralProgress, string> = {
  booked: '好友已预约',
  visited: '好友已到院',
  rewarded: '奖励已到账',
};

/**
 * The idempotency key of one update: a booking, a visit or a ledger credit is announced at most
 * once, whichever function or retry reaches the notifier first.
 */
export function referralUpdateKey(progress: ReferralProgress, eventId: string): string {
  return `referral_${progress}_${eventId}`;
}

/** The booked visit as the referrer reads it: `3月2日 10:00`. */
export function bookedDetail(date: string, slot: string): string {
  const [, month, day] = date.split('-');
  return `${Number(month)}月${Number(day)}日 ${slot}`;
}

/** A credit as the referrer reads it: `返利金 ¥50.00`, `积分 300`, `实物礼品 面膜一盒`. */
export function creditText(credit: { kind: RewardKind; amount: number; unit: string; giftName?: string }): string {
  const label = REWARD_KINDS[credit.kind];
  if (credit.unit === 'fen') return `${label} ${formatFen(credit.amount).replace(/,/g, '')}`;
  if (credit.unit === 'points') return `${label} ${credit.amount}`;
  return credit.giftName?.trim() ? `${label} ${credit.giftName.trim()}` : label;
}

export interface ReferralUpdateFacts {
  touser: string;
  templateId: string;
  progress: ReferralProgress;
  /** The friend, masked (`刘*`): the referrer knows whom they invited, nobody else learns more. */
  friendMaskedName: string;
  /** The Shanghai date of the moment (the visit's day, the booking's day, the credit's day). */
  date: string;
  /** booked: the visit's date and slot; rewarded: what was credited (creditText). */
  detail?: string;
}

/** What the 说明 line says for each moment. */
function noteOf(facts: ReferralUpdateFacts): string {
  switch (facts.progress) {
    case 'booked':
      return facts.detail ? `预约到院 ${facts.detail}` : '好友已预约到院';
    case 'visited':
      return '好友已到院，感谢您的推荐';
    case 'rewarded':
      return facts.detail ? `${facts.detail} 已到账` : '推荐奖励已到账';
  }
}

/**
 * The referrer's update (推荐进度通知) as subscribe-message data. The keys are those of the template
 * chosen in the console — 好友 thing1, 进度 phrase2, 说明 thing3, 日期 date4; a clinic using another
 * template changes this mapping only. It opens the referrer's card.
 */
export function referralUpdateMessage(facts: ReferralUpdateFacts): SubscribeMessage {
  return {
    touser: facts.touser,
    templateId: facts.templateId,
    page: REFERRAL_CARD_PAGE,
    data: {
      thing1: { value: fitThing(facts.friendMaskedName.trim() || '您的好友') },
      phrase2: { value: REFERRAL_PROGRESS_PHRASES[facts.progress] },
      thing3: { value: fitThing(noteOf(facts)) },
      date4: { value: facts.date },
    },
  };
}

/** The one line an in-app record of the update shows: `刘* · 好友已到院`. */
export function referralUpdateSummary(facts: Pick<ReferralUpdateFacts, 'friendMaskedName' | 'progress'>): string {
  return fitThing(`${facts.friendMaskedName.trim() || '您的好友'} · ${REFERRAL_PROGRESS_PHRASES[facts.progress]}`);
}
