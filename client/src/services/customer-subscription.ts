/** A customer's messages (visit reminder, referral updates): WeChat's authorization and the server's bank. */
import { recordCustomerSubscription } from './user';
import { requestAndBank, VISIT_REMINDER_PROMPT, type SubscribeOutcome, type SubscribePrompt } from './subscribe';

const REFERRAL_UPDATE_PROMPT: SubscribePrompt = {
  title: '好友进度提醒',
  content: '好友预约、到院或您的推荐奖励到账时，是否允许通过微信通知您？（仅一次）',
};

/** The visit reminder offered after booking, banked by `user.recordSubscription`. */
export const subscribeToVisitReminder = (templateId: string): Promise<SubscribeOutcome> =>
  requestAndBank(templateId, VISIT_REMINDER_PROMPT, recordCustomerSubscription);

/** One more referral update (好友已预约 / 已到院 / 奖励已到账), asked on the referral card. */
export const subscribeToReferralUpdates = (templateId: string): Promise<SubscribeOutcome> =>
  requestAndBank(templateId, REFERRAL_UPDATE_PROMPT, recordCustomerSubscription);
