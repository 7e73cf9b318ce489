import * as z from 'zod/mini';
import '../locale';
import { phoneInputSchema } from '../identity/phone';
import { ATTRIBUTION_RULES, followUpGradeSchema } from '../model/entities';
import { channelIdSchema } from '../model/channels';
import { idSchema, personNameSchema } from '../model/primitives';
import { defineContract } from './envelope';

/** What the desk records of an arrival: the facts R3–R5 decide by (domain §3). */
const arrivalFacts = {
  /** An old customer who came along (R5). */
  companionCustomerId: z.optional(idSchema),
  /** The consultant the person asked for by name (R4). */
  namedConsultantStaffId: z.optional(idSchema),
  /** The old customer the person says recommended them, who did not come (R3). */
  claimedReferrerCustomerId: z.optional(idSchema),
  /** Who received them (credited for a walk-in); the caller when absent. */
  receivedByStaffId: z.optional(idSchema),
};

/** The attribution as staff see it: final channel, level, credited staff and the deciding rule. */
export const attributionViewSchema = z.strictObject({
  channel: channelIdSchema,
  channelLabel: z.string().check(z.maxLength(16)),
  level: z.union([z.literal(1), z.literal(2)]),
  rule: z.enum(ATTRIBUTION_RULES),
  explanation: z.string().check(z.maxLength(200)),
  provisional: z.boolean(),
  creditedStaffId: z.optional(idSchema),
  creditedStaffName: z.optional(z.string().check(z.maxLength(20))),
  /** The referral relationship's referrer (R9: the benefits), masked. */
  referrerDisplayName: z.optional(z.string().check(z.maxLength(20))),
});
export type AttributionView = z.infer<typeof attributionViewSchema>;

/** visits: the desk — check-in (the first visit makes attribution final) and desk filings. */
export const visitsContract = defineContract({
  /**
   * By the booking's code (scanned from its QR or typed) or by phone for a walk-in. A second
   * check-in the same day is the same visit; only the first visit ever decides attribution.
   */
  checkIn: {
    input: z
      .strictObject({
        bookingCode: z.optional(z.string().check(z.maxLength(16, { error: '预约码过长' }))),
        phone: z.optional(phoneInputSchema),
        /** Needed when the phone is nobody's yet: the walk-in is filed at the desk. */
        name: z.optional(personNameSchema),
        ...arrivalFacts,
      })
      .check(
        z.refine((v) => (v.bookingCode === undefined) !== (v.phone === undefined), {
          error: '请扫描或输入预约码，或填写到院顾客的手机号',
          path: ['bookingCode'],
        }),
      ),
    output: z.strictObject({
      visitId: idSchema,
      customerId: idSchema,
      displayName: z.string().check(z.maxLength(20)),
      maskedPhone: z.string().check(z.maxLength(16)),
      /** This check-in made the person's first visit (attribution became final now). */
      firstVisit: z.boolean(),
      /** Already checked in today: the same visit, nothing new written. */
      alreadyCheckedIn: z.boolean(),
      /** The person was filed at the desk by this check-in (an unfiled walk-in). */
      filedNow: z.boolean(),
      bookingId: z.optional(idSchema),
      attribution: attributionViewSchema,
    }),
  },
  /**
   * A filing at the desk for any channel of the clinic's list. A person already filed gets their
   * filing back (R1); this attempt is kept as a touch, and one that names another channel or
   * owner is refused as a re-attribution and audited (R8).
   */
  fileAtDesk: {
    input: z.strictObject({
      phone: phoneInputSchema,
      name: personNameSchema,
      channel: channelIdSchema,
      grade: followUpGradeSchema,
      /** The old customer who recommended them (required for 老带新). */
      referrerCustomerId: z.optional(idSchema),
      productIds: z._default(z.array(idSchema).check(z.maxLength(10)), []),
    }),
    output: z.strictObject({
      customerId: idSchema,
      filingId: idSchema,
      /** True when the person was filed before: the answer is their existing filing. */
      existing: z.boolean(),
      /** R8: the attempt named another channel or owner; refused and written to the audit log. */
      reattributionRefused: z.boolean(),
      message: z.string().check(z.maxLength(200)),
      grade: z.optional(followUpGradeSchema),
      attribution: attributionViewSchema,
    }),
  },
});
export type VisitsContract = typeof visitsContract;
