import type { Booking } from '@clinic/shared';
import type { SubscribeMessageParams } from '../../platform/sdk';

/**
 * The visit reminder (到院提醒) as a subscribe message. The keys are those of the template chosen in
 * the mini-program console (门店 thing1, 到院时间 time2, 项目 thing3, 预约码 character_string4);
 * a clinic using another template changes this mapping only. `thing` values are cut to 20 characters,
 * the platform's limit.
 */
export function visitReminderMessage(
  booking: Pick<Booking, 'openid' | 'date' | 'slot' | 'id'>,
  names: { storeName: string; productName: string },
  templateId: string,
): SubscribeMessageParams {
  const thing = (text: string) => ({ value: [...text].slice(0, 20).join('') });
  return {
    touser: booking.openid,
    templateId,
    page: 'pages/appointments/index',
    data: {
      thing1: thing(names.storeName),
      time2: { value: `${booking.date} ${booking.slot}` },
      thing3: thing(names.productName),
      character_string4: { value: booking.id },
    },
  };
}
