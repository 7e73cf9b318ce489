/** The staff digest's re-subscribe: WeChat's authorization and the server's grant bank, together. */
import { recordSubscription } from './staff';
import { requestAndBank, type SubscribeOutcome, type SubscribePrompt } from './subscribe';

/** One more authorization of the digest template, banked by `staff.recordSubscription`. */
export const subscribeToDigest = (templateId: string, prompt: SubscribePrompt): Promise<SubscribeOutcome> =>
  requestAndBank(templateId, prompt, recordSubscription);
