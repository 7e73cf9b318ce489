import { classifyFiling, type Filing, type FilingSource } from '@clinic/shared';
import { AppError } from '../../common/errors';
import type { CreateBookingInput, CreateContext } from './create-context';

/**
 * The filing a booking produces — the first one of a phone or a later touch — classified by the
 * clinic's channel rules: a card booking is 老带新 (or 小程序 level 2 by setting), one without a
 * code is 小程序. The caller adds what only a first filing has (owner, grade).
 */
export function filingRecord(
  id: string,
  input: CreateBookingInput,
  c: CreateContext,
  customerId: string,
  isTouch: boolean,
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
    isTouch,
  };
}
