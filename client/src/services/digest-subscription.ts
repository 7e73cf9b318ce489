/** The staff digest's re-subscribe: WeChat's authorization and the server's grant bank, together. */
import { recordSubscription } from './staff';
import { requestReminder, type SubscribeOutcome, type SubscribePrompt } from './subscribe';

/**
 * Asks WeChat for one more authorization of the digest template and, when the colleague accepts,
 * banks it on the server (`staff.recordSubscription`): the two always go together, or the bank
 * would fall behind what WeChat holds.
 */
export async function subscribeToDigest(templateId: string, prompt: SubscribePrompt): Promise<SubscribeOutcome> {
  const outcome = await requestReminder(templateId, prompt);
  if (outcome !== 'accepted') return outcome;
  const recorded = await recordSubscription({ [templateId]: 'accept' });
  return recorded.ok ? 'accepted' : 'failed';
}
