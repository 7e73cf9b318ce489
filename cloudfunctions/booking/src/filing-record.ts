import { classifyFiling, type Filing, type FilingSource } from '@clinic/shared';
import { AppError } from '../../platform/errors';
import type { CreateBookingInput, CreateContext } from './create-context';

/** What a booking attempt is filed as: its source, channel and level (shared `classifyFiling`). */
export interface BookingFilingClass {
  source: FilingSource;
  channel: string;
  level: 1 | 2;
}

/**
 * A card booking is 老带新 (or 小程序 level 2 by setting), one without a code is 小程序. Decided once,
 * when the context is loaded: the owner lookup needs the channel before the transaction.
 */
export function classifyBooking(c: Pick<CreateContext, 'referrer' | 'settings'>): BookingFilingClass {
  const source: FilingSource = c.referrer ? 'card' : 'mini_program';
  const cls = classifyFiling({ source, ...(c.referrer ? { referrerCustomerId: c.referrer._id } : {}) }, c.settings);
  if (!cls.ok) throw new AppError(cls.code, cls.message);
  return { source, channel: cls.channel, level: cls.level };
}

/**
 * The filing a booking attempt would be. Whether it becomes the person's first filing or a touch is
 * `fileOrTouch`'s decision.
 */
export function filingOfBooking(
  id: string,
  input: CreateBookingInput,
  c: Pick<CreateContext, 'referrer' | 'store' | 'now' | 'filingClass'>,
  customerId: string,
): Filing {
  const { referrer, store, now, filingClass } = c;
  return {
    id,
    chainId: store.chainId,
    storeId: store.id,
    customerId,
    phone: input.phone,
    at: now.toISOString(),
    channel: filingClass.channel,
    level: filingClass.level,
    source: filingClass.source,
    ...(referrer ? { referrerCustomerId: referrer._id } : {}),
    productIds: [input.productId],
    isTouch: false,
  };
}
