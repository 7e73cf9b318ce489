import * as z from 'zod';
import '../locale';
import { phoneInputSchema } from '../identity/phone';
import { openingHoursSchema, productCategorySchema, storeSchema, BOOKING_STATUSES } from '../model/entities';
import { fenSchema, idSchema, localDateSchema, personNameSchema, timeOfDaySchema } from '../model/primitives';
import { defineContract } from './envelope';
import { phoneCodeSchema } from './identity';

const bookingView = z.strictObject({
  id: idSchema,
  storeId: idSchema,
  storeName: z.string().max(40),
  productId: idSchema,
  productName: z.string().max(40),
  date: localDateSchema,
  slot: timeOfDaySchema,
  status: z.enum(BOOKING_STATUSES),
  maskedPhone: z.string().max(16),
  referred: z.boolean(),
  /** The short code staff scan at check-in (same as `id`). */
  bookingCode: z.string().max(16).optional(),
  /** create: true when the phone already had an upcoming booking, which is returned instead. */
  existing: z.boolean().optional(),
});
export type BookingView = z.infer<typeof bookingView>;

const bookingRef = { bookingId: idSchema };

export const bookingContract = defineContract({
  listStores: {
    input: z.strictObject({}),
    output: z.strictObject({
      stores: z
        .array(
          z.strictObject({
            id: idSchema,
            name: z.string().max(40),
            address: z.string().max(120),
            phone: z.string().max(20).optional(),
            location: storeSchema.shape.location,
            visitNotes: z.array(z.string().max(60)).max(6),
            openingHours: z.array(openingHoursSchema).max(14),
            closedDates: z.array(localDateSchema).max(366),
          }),
        )
        .max(200),
    }),
  },
  listProducts: {
    input: z.strictObject({ storeId: idSchema }),
    output: z.strictObject({
      products: z
        .array(
          z.strictObject({
            id: idSchema,
            name: z.string().max(40),
            category: productCategorySchema,
            priceFen: fenSchema.optional(),
            durationMinutes: z.number().int(),
          }),
        )
        .max(200),
    }),
  },
  listSlots: {
    input: z.strictObject({ storeId: idSchema, date: localDateSchema }),
    output: z.strictObject({
      date: localDateSchema,
      closed: z.boolean(),
      slots: z.array(z.strictObject({ slot: timeOfDaySchema, available: z.number().int().min(0) })).max(96),
    }),
  },
  create: {
    input: z
      .strictObject({
        storeId: idSchema,
        productId: idSchema,
        date: localDateSchema,
        slot: timeOfDaySchema,
        name: personNameSchema,
        /** Typed (H5, staff desk) … */
        phone: phoneInputSchema.optional(),
        /** … or vouched for by WeChat: the getPhoneNumber button's code (weapp). Exactly one of the two. */
        phoneCode: phoneCodeSchema.optional(),
        consentVersion: z
          .string({ error: '请先阅读并同意隐私政策' })
          .min(1, { error: '请先阅读并同意隐私政策' })
          .max(16, { error: '隐私政策版本号过长' }),
        /** Typed or scanned; verified (check character) before any lookup. */
        referralCode: z.string().max(16, { error: '推荐码过长' }).optional(),
      })
      .refine((v) => (v.phone === undefined) !== (v.phoneCode === undefined), {
        error: '请填写手机号或使用微信手机号授权',
        path: ['phone'],
      }),
    output: bookingView.extend({
      /** The visit-reminder subscribe template the page asks the customer to accept (clinic setting). */
      reminderTemplateId: z.string().max(64).optional(),
    }),
  },
  cancel: {
    input: z.strictObject(bookingRef),
    output: bookingView,
  },
  reschedule: {
    input: z.strictObject({ ...bookingRef, date: localDateSchema, slot: timeOfDaySchema }),
    output: bookingView,
  },
  /** The caller's bookings, latest visit first, a page at a time (`nextCursor` while there are more). */
  listMine: {
    input: z.strictObject({
      cursor: z.string().max(64, { error: '分页标记过长' }).optional(),
      limit: z.number().int().min(1).max(50).default(20),
    }),
    output: z.strictObject({ bookings: z.array(bookingView).max(50), nextCursor: z.string().max(64).optional() }),
  },
});
export type BookingContract = typeof bookingContract;
