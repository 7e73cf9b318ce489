import * as z from 'zod/mini';
import '../locale';
import { rewardKindSchema } from '../settings/reward-kinds';
import { fenSchema, idSchema } from '../model/primitives';
import { NICKNAME_MAX_UNITS } from '../identity/nickname';
import { defineContract } from './envelope';

/**
 * `referral.resolveLanding` on its own: the invitation page is in the mini-program's main package,
 * and so is whatever it imports. The card's actions (referral.ts, which spreads this in) stay with
 * the card in the customer subpackage.
 */

/** A bounded string (one short helper: this file is bundled into the main package). */
const text = (max: number) => z.string().check(z.maxLength(max));
const url = text(1024);

export const benefitLinesSchema = z
  .array(
    z.strictObject({
      kind: rewardKindSchema,
      title: text(40),
      description: text(200),
      /** A physical gift's worth (fen), when the policy has one. */
      valueFen: z.optional(fenSchema),
    }),
  )
  .check(z.maxLength(10));

/** R2's lead time for card bookings (`referralTermsOf`); null when card bookings are 小程序 filings. */
export const referralTermsSchema = z.strictObject({ minLeadDays: z.nullable(z.int().check(z.gte(0), z.lte(30))) });

/** The clinic as the invitation shows it (settings.clinicProfile and the open stores); bounded. */
const invitationClinic = z.strictObject({
  institutionName: z.optional(text(60)),
  /** 医疗机构执业许可证登记号. */
  licenceNumber: z.optional(text(40)),
  doctors: z
    .array(
      z.strictObject({
        name: text(20),
        title: text(20),
        /** 医师执业证书编码. */
        licenceNumber: text(30),
        specialties: text(60),
        photoUrl: z.optional(url),
      }),
    )
    .check(z.maxLength(8)),
  stores: z
    .array(
      z.strictObject({
        id: text(64),
        name: text(40),
        address: text(120),
        photoUrls: z.array(url).check(z.maxLength(3)),
      }),
    )
    .check(z.maxLength(5)),
});

const codeText = z
  .string({ error: '请输入推荐码' })
  .check(z.minLength(1, { error: '请输入推荐码' }), z.maxLength(16, { error: '推荐码过长' }));
const sceneText = z
  .string({ error: '缺少二维码参数' })
  .check(z.minLength(1, { error: '缺少二维码参数' }), z.maxLength(64, { error: '二维码参数过长' }));

export const referralLandingContract = defineContract({
  /** The landing page: from a typed code or a scanned scene, exactly one of the two. */
  resolveLanding: {
    input: z
      .strictObject({ code: z.optional(codeText), scene: z.optional(sceneText) })
      .check(
        z.refine((v) => (v.code === undefined) !== (v.scene === undefined), { error: '请提供推荐码或二维码参数之一' }),
      ),
    output: z.strictObject({
      code: text(16),
      /**
       * Masked (`张*`), or the WeChat nickname the referrer chose to show: the landing page never shows
       * who the referrer fully is.
       */
      referrerDisplayName: text(NICKNAME_MAX_UNITS),
      /** The referrer's avatar, only when they chose to show their WeChat profile. */
      referrerAvatarUrl: z.optional(url),
      benefits: benefitLinesSchema,
      /** The licence, doctors and stores the clinic lets friends see (empty parts are left out). */
      clinic: z.optional(invitationClinic),
      /** Days the device keeps this code until the newcomer books (the clinic's `keepOnDeviceDays`). */
      keepDays: z.optional(z.int().check(z.gte(1), z.lte(180))),
      /** The caller holds this card (by their WeChat account): their own code, not an invitation. */
      ownCard: z.optional(z.boolean()),
      /** What the booking page says about the lead time (the clinic's settings). */
      referralTerms: z.optional(referralTermsSchema),
      /** The referrer's store: a friend's first booking starts there (friends tend to live nearby). */
      storeId: z.optional(idSchema),
    }),
  },
});
