import * as z from 'zod';
import '../locale';
import { rewardKindSchema } from '../settings/clinic-settings';
import { fenSchema, localDateSchema } from '../model/primitives';
import { defineContract } from './envelope';

const pageInput = {
  cursor: z.string().max(64, { error: '分页标记过长' }).optional(),
  limit: z.number().int({ error: '每页条数必须是整数' }).min(1).max(50, { error: '每页最多 50 条' }).default(20),
};

const benefitList = z
  .array(z.strictObject({ kind: rewardKindSchema, title: z.string().max(40), description: z.string().max(200) }))
  .max(10);

/** R2's lead time for card bookings (`referralTermsOf`); null when card bookings are 小程序 filings. */
const referralTerms = z.strictObject({ minLeadDays: z.number().int().min(0).max(30).nullable() });

const codeText = z.string({ error: '请输入推荐码' }).min(1, { error: '请输入推荐码' }).max(16, { error: '推荐码过长' });
const sceneText = z
  .string({ error: '缺少二维码参数' })
  .min(1, { error: '缺少二维码参数' })
  .max(64, { error: '二维码参数过长' });

export const referralContract = defineContract({
  /** The old customer's own card; issued on first call (one active card per customer). */
  getMyCard: {
    input: z.strictObject({}),
    output: z.strictObject({
      code: z.string().max(16),
      /** `r=XXXXXXXX`, for wxacode.getUnlimited. */
      scene: z.string().max(32),
      issuedAt: z.string().max(40),
      /** Temporary URL of the generated mini-program code image, when available. */
      qrFileId: z.string().max(256).optional(),
      /** Temporary download URL of that image (getTempFileURL), for display. */
      qrUrl: z.string().max(1024).optional(),
      /** `pages/landing/index?code=XXXXXXXX`, the path shared in chats. */
      sharePath: z.string().max(128).optional(),
      /** What the referrer and the friend get (from the clinic's reward policies). */
      referrerBenefits: benefitList.optional(),
      refereeBenefits: benefitList.optional(),
      /** The referral-update template (好友已预约 / 已到院 / 奖励已到账) the card offers to subscribe to. */
      updateTemplateId: z.string().max(64).optional(),
      /** How many updates the holder's banked authorizations still cover. */
      updateGrants: z.number().int().min(0).optional(),
      /** What the card's rules say about a friend's lead time (the clinic's settings). */
      referralTerms: referralTerms.optional(),
    }),
  },
  revokeCard: {
    input: z.strictObject({}),
    output: z.strictObject({ revokedCode: z.string().max(16) }),
  },
  /** The landing page: from a typed code or a scanned scene, exactly one of the two. */
  resolveLanding: {
    input: z
      .strictObject({ code: codeText.optional(), scene: sceneText.optional() })
      .refine((v) => (v.code === undefined) !== (v.scene === undefined), { error: '请提供推荐码或二维码参数之一' }),
    output: z.strictObject({
      code: z.string().max(16),
      /** Masked (`张*`): the landing page never shows who the referrer fully is. */
      referrerDisplayName: z.string().max(20),
      benefits: z
        .array(z.strictObject({ kind: rewardKindSchema, title: z.string().max(40), description: z.string().max(200) }))
        .max(10),
      /** Days the device keeps this code until the newcomer books (the clinic's `keepOnDeviceDays`). */
      keepDays: z.number().int().min(1).max(180).optional(),
      /** The caller holds this card (by their WeChat account): their own code, not an invitation. */
      ownCard: z.boolean().optional(),
      /** What the booking page says about the lead time (the clinic's settings). */
      referralTerms: referralTerms.optional(),
    }),
  },
  listMyReferrals: {
    input: z.strictObject(pageInput),
    output: z.strictObject({
      items: z
        .array(
          z.strictObject({
            maskedName: z.string().max(20),
            maskedPhone: z.string().max(16),
            filedOn: localDateSchema,
            status: z.enum(['filed', 'booked', 'visited', 'dealt']),
            rewardCredited: z.boolean(),
          }),
        )
        .max(50),
      nextCursor: z.string().max(64).optional(),
    }),
  },
  listMyRewards: {
    input: z.strictObject(pageInput),
    output: z.strictObject({
      balanceFen: fenSchema,
      points: z.number().int().min(0),
      /** Referrals not yet dealt: their rewards are credited at the first paid deal, never before. */
      pendingReferrals: z.number().int().min(0).optional(),
      items: z
        .array(
          z.strictObject({
            id: z.string().max(128),
            type: z.enum(['credit', 'use', 'expire']),
            kind: rewardKindSchema,
            amount: z.number().int().min(0),
            unit: z.enum(['fen', 'points', 'item']),
            at: z.string().max(40),
            expiresOn: localDateSchema.optional(),
            giftName: z.string().max(40).optional(),
          }),
        )
        .max(50),
      nextCursor: z.string().max(64).optional(),
    }),
  },
});
export type ReferralContract = typeof referralContract;
