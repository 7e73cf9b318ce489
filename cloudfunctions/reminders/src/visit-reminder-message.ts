import { visitReminderMessage as sharedVisitReminderMessage, type Booking } from '@clinic/shared';
import type { SubscribeMessageParams } from '../../platform/sdk';

/**
 * The visit reminder (到院提醒) as a subscribe message: the shared builder (shared/src/notify/digest.ts,
 * whose test runs it through the template field limits), typed as the SDK's params.
 */
export function visitReminderMessage(
  booking: Pick<Booking, 'openid' | 'date' | 'slot' | 'id'>,
  names: { storeName: string; productName: string },
  templateId: string,
): SubscribeMessageParams {
  const message = sharedVisitReminderMessage(booking, names, templateId);
  return { ...message, data: { ...message.data } };
}
