import * as z from 'zod/mini';
import '../locale';
import { canonicalPhoneSchema } from '../identity/phone';
import { idSchema, instantSchema, localDateSchema, personNameSchema, timeOfDaySchema } from './primitives';

/** A customer's booked visit (one store, one project, one slot). */
export const BOOKING_STATUSES = ['booked', 'cancelled', 'visited', 'no_show'] as const;
export const bookingSchema = z.strictObject({
  id: idSchema,
  chainId: idSchema,
  storeId: idSchema,
  productId: idSchema,
  customerId: idSchema,
  /** The booker's OPENID (identity comes from the platform, never from the client). */
  openid: z.string().check(z.minLength(1), z.maxLength(64)),
  name: personNameSchema,
  phone: canonicalPhoneSchema,
  date: localDateSchema,
  slot: timeOfDaySchema,
  status: z.enum(BOOKING_STATUSES),
  referralCode: z.optional(z.string().check(z.maxLength(16))),
  referrerCustomerId: z.optional(idSchema),
  /** Version of the privacy consent the booker accepted. */
  consentVersion: z.string().check(z.minLength(1), z.maxLength(16)),
  /** When the booker gave the separate consent for health-related information (absent on older bookings). */
  sensitiveConsentAt: z.optional(instantSchema),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  cancelledAt: z.optional(instantSchema),
});
export type Booking = z.output<typeof bookingSchema>;
