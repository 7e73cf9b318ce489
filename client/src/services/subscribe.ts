/**
 * One-time subscribe messages (the customer's visit reminder, the staff's daily digest). weapp:
 * `Taro.requestSubscribeMessage`; H5: a stand-in that asks with a modal and, when the user accepts,
 * records the grant on the local cloud (`POST /api/subscribe/grant`), as WeChat would.
 */
import Taro from '@tarojs/taro';
import type { Result, SubscribeResult } from '@clinic/shared';
import { getDemoOpenid } from './demo-identity';

export type SubscribeOutcome = 'accepted' | 'rejected' | 'failed';

/** What the H5 stand-in's modal asks (in weapp WeChat shows the template's own wording). */
export interface SubscribePrompt {
  title: string;
  content: string;
}

export const VISIT_REMINDER_PROMPT: SubscribePrompt = {
  title: '到院提醒',
  content: '是否允许门店在到院前一天通过微信提醒您？（仅一次）',
};

export async function requestReminder(
  templateId: string,
  prompt: SubscribePrompt = VISIT_REMINDER_PROMPT,
): Promise<SubscribeOutcome> {
  if (process.env.TARO_ENV === 'h5') return requestInH5(templateId, prompt);
  try {
    const res = (await Taro.requestSubscribeMessage({
      tmplIds: [templateId],
      entityIds: [],
    } as never)) as unknown as Record<string, string>;
    return res[templateId] === 'accept' ? 'accepted' : 'rejected';
  } catch {
    return 'failed';
  }
}

async function requestInH5(templateId: string, prompt: SubscribePrompt): Promise<SubscribeOutcome> {
  if (process.env.TARO_ENV !== 'h5') return 'failed';
  const openid = getDemoOpenid();
  if (!openid) return 'failed';
  const answer = await Taro.showModal({
    title: prompt.title,
    content: prompt.content,
    confirmText: '允许',
    cancelText: '拒绝',
  });
  if (!answer.confirm) return 'rejected';
  try {
    const res = await fetch('/api/subscribe/grant', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openid, templateId, count: 1 }),
    });
    return res.ok ? 'accepted' : 'failed';
  } catch {
    return 'failed';
  }
}

/**
 * Asks WeChat for one more authorization of a template and, when the person accepts, banks it on
 * the server (`bank`: the staff or the customer function's recordSubscription). The two always go
 * together, or the server's bank would fall behind what WeChat holds and messages would stop.
 */
export async function requestAndBank(
  templateId: string,
  prompt: SubscribePrompt,
  bank: (results: Record<string, SubscribeResult>) => Promise<Result<unknown>>,
): Promise<SubscribeOutcome> {
  const outcome = await requestReminder(templateId, prompt);
  if (outcome !== 'accepted') return outcome;
  const recorded = await bank({ [templateId]: 'accept' });
  return recorded.ok ? 'accepted' : 'failed';
}
