import { classifyFiling, type Filing, type FilingSource } from '@clinic/shared';
import { AppError } from '../../platform/errors';
import type { CreateBookingInput, CreateContext } from './create-context';

/**
 * The filing a booking attempt would be (shared `classifyFiling`): a card booking is 老带新 (or
 * 小程序 level 2 by setting), one without a code is 小程序. Whether it becomes the person's first
 * filing or a touch is `fileOrTouch`'s decision.
 */
export function filingOfBooking(
  id: string,
  input: CreateBookingInput,
  c: Pick<CreateContext, 'referrer' | 'settings' | 'store' | 'now'>,
  customerId: string,
): Filing {
  const { referrer, settings, store, now } = c;
  const source: FilingSource = referrer ? 'card' : 'mini_program';
  const cls = classifyFiling({ source, ...(referrer ? { referrerCustomerId: referrer._id } : {}) }, settings);
  if (!cls.ok) throw new AppError(cls.code, cls.message);
  return {
    id,
    chainId: store.chainId,
    storeId: store.id,
    customerId,
    phone: input.phone,
    at: now.toISOString(),
    channel: cls.channel,
    level: cls.level,
    source,
    ...(referrer ? { referrerCustomerId: referrer._id } : {}),
    productIds: [input.productId],
    isTouch: false,
  };
}
