/** The staff digest's subscriptions: WeChat's authorization and the server's grant bank, together. */
import Taro from '@tarojs/taro';
import { subscribeRequest, type SubscribeResult } from '@clinic/shared';
import { recordSubscription } from './staff';
import { requestAndBank, type SubscribeOutcome, type SubscribePrompt } from './subscribe';

/** One more authorization of the digest template, banked by `staff.recordSubscription`. */
export const subscribeToDigest = (templateId: string, prompt: SubscribePrompt): Promise<SubscribeOutcome> =>
  requestAndBank(templateId, prompt, recordSubscription);

/** The digest template as the workbench last said (kept so the task and check-in pages can refill). */
const TEMPLATE_KEY = 'clinic.digestTemplate';

export interface DigestTemplate {
  id: string;
  longTerm: boolean;
}

export function rememberDigestTemplate(template: DigestTemplate): void {
  Taro.setStorageSync(TEMPLATE_KEY, template);
}

function rememberedTemplate(): DigestTemplate | null {
  const stored = Taro.getStorageSync(TEMPLATE_KEY) as Partial<DigestTemplate> | '';
  return stored && typeof stored.id === 'string' && stored.id ? { id: stored.id, longTerm: !!stored.longTerm } : null;
}

/**
 * Offers to refill the digest's one-time authorization on a tap that finishes work (saving a
 * follow-up, a check-in): WeChat allows `requestSubscribeMessage` only inside a tap, so the tap
 * handler calls this first, before anything it awaits. Once the colleague ticks 总是保持以上选择
 * WeChat answers without a dialog, and each 允许 banks one more digest. The H5 build has no WeChat
 * dialog and skips it (its 一键订阅 in the workbench is the stand-in). Never throws, never blocks.
 */
export function refillDigestOnTap(): void {
  if (process.env.TARO_ENV !== 'weapp') return;
  const template = rememberedTemplate();
  const tmplIds = template ? subscribeRequest([template]) : null;
  if (!tmplIds) return;
  void (async () => {
    try {
      const answer = (await Taro.requestSubscribeMessage({ tmplIds, entityIds: [] } as never)) as unknown as Record<
        string,
        string
      >;
      const results: Record<string, SubscribeResult> = {};
      for (const id of tmplIds) if (answer[id] === 'accept') results[id] = 'accept';
      if (Object.keys(results).length > 0) await recordSubscription(results);
    } catch {
      // Refused, or WeChat's dialog could not open: the workbench's banner offers it again.
    }
  })();
}
