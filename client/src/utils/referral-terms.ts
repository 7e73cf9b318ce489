/**
 * What the customer is told about referrals, in one place: the card's rules, the notice under the
 * booking date, and what happens to a code that no longer works. Every sentence follows what the
 * functions do — R2 (`cardBookingTooLate`, the clinic's `minLeadDays`) decides whether the clinic
 * counts a booking as 老带新; R9 keeps the referral relationship and both sides' rewards, credited
 * at the friend's first paid treatment, either way.
 */
import { cardBookingTooLate, DEFAULT_REFERRAL_TERMS, type ReferralTerms } from '@clinic/shared';

/** When the function did not say (a code kept before it did): the settings' default. */
export { DEFAULT_REFERRAL_TERMS };

export const REFERRAL_TEXT = {
  ownCardTitle: '这是您的推荐卡',
  ownCardHint: '分享给好友，好友通过您的推荐码预约即可享受新客礼遇；您本人预约时无需填写推荐码。',
  keptInvalid: '好友的推荐码已失效，本次将按普通预约提交',
  ownCode: '这是您自己的推荐码，本次将按普通预约提交',
  ownCodeTyped: '这是您自己的推荐码，不能用于本人预约',
  resubmit: '您填写的内容已保留，可直接再次提交预约。',
  resubmitPhone: '您填写的内容已保留，请重新获取微信手机号或手动填写后再次提交。',
  fieldLabel: '推荐码（选填）',
  fieldOpen: '有推荐码？',
  fieldPlaceholder: '请输入好友的推荐码',
} as const;

/** "好友 王* 的邀请": how a code in use is shown. */
export const invitationOf = (referrerDisplayName: string) => `好友 ${referrerDisplayName} 的邀请`;

/** The lead time in words: 提前一天 / 提前 3 天. */
const ahead = (days: number) => (days === 1 ? '提前一天' : `提前 ${days} 天`);

/** The card's 推荐规则 for the holder. */
export function cardRuleLines(terms: ReferralTerms): string[] {
  const lines = [
    '把推荐卡分享给好友，好友通过您的推荐码或小程序码预约，即记为您推荐的好友。',
    '好友到院并首次消费后，您与好友的奖励自动发放到“我的奖励”；预约和到院时不发放。',
    '每位好友只记一位推荐人，以最早的推荐为准；已在本院消费过的顾客不再计入推荐。',
  ];
  const days = terms.minLeadDays;
  if (days !== null && days > 0) {
    lines.push(
      `好友须至少${ahead(days)}预约，门店才计为老带新推荐；${
        days === 1 ? '到院当天才预约或登记的' : `不足 ${days} 天的`
      }不计为老带新推荐，但推荐关系保留，您与好友的奖励照常发放。`,
    );
  }
  return lines;
}

const LEAD_CONSEQUENCE = '门店不计为老带新推荐，但推荐关系保留，您与推荐人的奖励照常在您首次消费后发放。';

/** Whether a booking for `date` made `today` falls short of the lead time (R2); the days needed if so. */
function shortOf(terms: ReferralTerms, today: string, date: string): number | null {
  return date && terms.minLeadDays !== null && cardBookingTooLate(terms, today, date) ? terms.minLeadDays : null;
}

/**
 * On the booked appointment: what its date means for the referral when the lead time fell short,
 * null when it counts like any other.
 */
export function leadOutcome(terms: ReferralTerms, today: string, date: string): string | null {
  const days = shortOf(terms, today, date);
  if (days === null) return null;
  return `${date === today ? '当天到院' : `距到院不足 ${days} 天`}的预约：${LEAD_CONSEQUENCE}`;
}

/** Under the booking date, before submitting: the same, and which dates would count. */
export function leadNotice(terms: ReferralTerms, today: string, date: string): string | null {
  const days = shortOf(terms, today, date);
  if (days === null) return null;
  const chosen = date === today ? '您选择了今天到院' : `您选择的日期距今不足 ${days} 天`;
  return `${chosen}：${LEAD_CONSEQUENCE}如希望计入，可改选${days === 1 ? '明天' : ` ${days} 天后`}及以后的日期。`;
}
