import * as z from 'zod/mini';
import '../locale';
import { phoneInputSchema } from '../identity/phone';
import { BOOKING_STATUSES } from '../model/booking';
import { productCategorySchema } from '../model/product';
import { openingHoursSchema, storeSchema } from '../model/store';
import { fenSchema, idSchema, localDateSchema, personNameSchema, timeOfDaySchema } from '../model/primitives';
import { defineContract } from './envelope';
import { phoneCodeSchema } from './identity';

const bookingView = z.strictObject({
  id: idSchema,
  storeId: idSchema,
  storeName: z.string().check(z.maxLength(40)),
  productId: idSchema,
  productName: z.string().check(z.maxLength(40)),
  date: localDateSchema,
  slot: timeOfDaySchema,
  status: z.enum(BOOKING_STATUSES),
  maskedPhone: z.string().check(z.maxLength(16)),
  referred: z.boolean(),
  /** The short code staff scan at check-in (same as `id`). */
  bookingCode: z.optional(z.string().check(z.maxLength(16))),
  /** create: true when the phone already had an upcoming booking, which is returned instead. */
  existing: z.optional(z.boolean()),
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
            name: z.string().check(z.maxLength(40)),
            address: z.string().check(z.maxLength(120)),
            phone: z.optional(z.string().check(z.maxLength(20))),
            location: storeSchema.shape.location,
            visitNotes: z.array(z.string().check(z.maxLength(60))).check(z.maxLength(6)),
            openingHours: z.array(openingHoursSchema).check(z.maxLength(14)),
            closedDates: z.array(localDateSchema).check(z.maxLength(366)),
          }),
        )
        .check(z.maxLength(200)),
    }),
  },
  listProducts: {
    input: z.strictObject({ storeId: idSchema }),
    output: z.strictObject({
      products: z
        .array(
          z.strictObject({
            id: idSchema,
            name: z.string().check(z.maxLength(40)),
            category: productCategorySchema,
            priceFen: z.optional(fenSchema),
            durationMinutes: z.int(),
          }),
        )
        .check(z.maxLength(200)),
    }),
  },
  listSlots: {
    input: z.strictObject({ storeId: idSchema, date: localDateSchema }),
    output: z.strictObject({
      date: localDateSchema,
      closed: z.boolean(),
      slots: z
        .array(z.strictObject({ slot: timeOfDaySchema, available: z.int().check(z.gte(0)) }))
        .check(z.maxLength(96)),
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
        phone: z.optional(phoneInputSchema),
        /** … or vouched for by WeChat: the getPhoneNumber button's code (weapp). Exactly one of the two. */
        phoneCode: z.optional(phoneCodeSchema),
        consentVersion: z
          .string({ error: '请先阅读并同意隐私政策' })
          .check(z.minLength(1, { error: '请先阅读并同意隐私政策' }), z.maxLength(16, { error: '隐私政策版本号过长' })),
        /**
         * The booker's separate consent to the processing of health-related sensitive information (the
         * project and visit records; PIPL art. 29), given by the form's 同意并提交预约.
         */
        sensitiveConsent: z.literal(true, { error: '请同意门店处理您的项目等健康相关信息后再提交预约' }),
        /** Typed or scanned; verified (check character) before any lookup. */
        referralCode: z.optional(z.string().check(z.maxLength(16, { error: '推荐码过长' }))),
      })
      .check(
        z.refine((v) => (v.phone === undefined) !== (v.phoneCode === undefined), {
          error: '请填写手机号或使用微信手机号授权',
          path: ['phone'],
        }),
      ),
    output: z.extend(bookingView, {
      /** The visit-reminder subscribe template the page asks the customer to accept (clinic setting). */
      reminderTemplateId: z.optional(z.string().check(z.maxLength(64))),
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
      cursor: z.optional(z.string().check(z.maxLength(64, { error: '分页标记过长' }))),
      limit: z._default(z.int().check(z.gte(1), z.lte(50)), 20),
    }),
    output: z.strictObject({
      bookings: z.array(bookingView).check(z.maxLength(50)),
      nextCursor: z.optional(z.string().check(z.maxLength(64))),
    }),
  },
});
export type BookingContract = typeof bookingContract;
