import * as z from 'zod/mini';
import '../locale';
import { rewardKindSchema } from '../settings/reward-kinds';
import { fenSchema, idSchema, localDateSchema } from '../model/primitives';
import { REFERRAL_STATUSES } from '../referral/status';
import { defineContract } from './envelope';

const pageInput = {
  cursor: z.optional(z.string().check(z.maxLength(64, { error: '分页标记过长' }))),
  limit: z._default(
    z.number().check(z.int({ error: '每页条数必须是整数' }), z.gte(1), z.lte(50, { error: '每页最多 50 条' })),
    20,
  ),
};

const benefitList = z
  .array(
    z.strictObject({
      kind: rewardKindSchema,
      title: z.string().check(z.maxLength(40)),
      description: z.string().check(z.maxLength(200)),
    }),
  )
  .check(z.maxLength(10));

/** R2's lead time for card bookings (`referralTermsOf`); null when card bookings are 小程序 filings. */
const referralTerms = z.strictObject({ minLeadDays: z.nullable(z.int().check(z.gte(0), z.lte(30))) });

const codeText = z
  .string({ error: '请输入推荐码' })
  .check(z.minLength(1, { error: '请输入推荐码' }), z.maxLength(16, { error: '推荐码过长' }));
const sceneText = z
  .string({ error: '缺少二维码参数' })
  .check(z.minLength(1, { error: '缺少二维码参数' }), z.maxLength(64, { error: '二维码参数过长' }));

export const referralContract = defineContract({
  /** The old customer's own card; issued on first call (one active card per customer). */
  getMyCard: {
    input: z.strictObject({}),
    output: z.strictObject({
      code: z.string().check(z.maxLength(16)),
      /** `r=XXXXXXXX`, for wxacode.getUnlimited. */
      scene: z.string().check(z.maxLength(32)),
      issuedAt: z.string().check(z.maxLength(40)),
      /** Temporary URL of the generated mini-program code image, when available. */
      qrFileId: z.optional(z.string().check(z.maxLength(256))),
      /** Temporary download URL of that image (getTempFileURL), for display. */
      qrUrl: z.optional(z.string().check(z.maxLength(1024))),
      /** `pages/landing/index?code=XXXXXXXX`, the path shared in chats. */
      sharePath: z.optional(z.string().check(z.maxLength(128))),
      /** What the referrer and the friend get (from the clinic's reward policies). */
      referrerBenefits: z.optional(benefitList),
      refereeBenefits: z.optional(benefitList),
      /** The referral-update template (好友已预约 / 已到院 / 奖励已到账) the card offers to subscribe to. */
      updateTemplateId: z.optional(z.string().check(z.maxLength(64))),
      /** How many updates the holder's banked authorizations still cover. */
      updateGrants: z.optional(z.int().check(z.gte(0))),
      /** What the card's rules say about a friend's lead time (the clinic's settings). */
      referralTerms: z.optional(referralTerms),
      /**
       * How friends see the holder on the landing page and the poster: the masked name (`王*`), or the
       * WeChat nickname and avatar the holder chose to show.
       */
      shownAs: z.optional(
        z.strictObject({
          name: z.string().check(z.maxLength(20)),
          avatarUrl: z.optional(z.string().check(z.maxLength(1024))),
        }),
      ),
    }),
  },
  revokeCard: {
    input: z.strictObject({}),
    output: z.strictObject({ revokedCode: z.string().check(z.maxLength(16)) }),
  },
  /** The landing page: from a typed code or a scanned scene, exactly one of the two. */
  resolveLanding: {
    input: z
      .strictObject({ code: z.optional(codeText), scene: z.optional(sceneText) })
      .check(
        z.refine((v) => (v.code === undefined) !== (v.scene === undefined), { error: '请提供推荐码或二维码参数之一' }),
      ),
    output: z.strictObject({
      code: z.string().check(z.maxLength(16)),
      /** Masked (`张*`): the landing page never shows who the referrer fully is. */
      referrerDisplayName: z.string().check(z.maxLength(20)),
      /** The referrer's avatar, only when they chose to show their WeChat profile. */
      referrerAvatarUrl: z.optional(z.string().check(z.maxLength(1024))),
      benefits: z
        .array(
          z.strictObject({
            kind: rewardKindSchema,
            title: z.string().check(z.maxLength(40)),
            description: z.string().check(z.maxLength(200)),
          }),
        )
        .check(z.maxLength(10)),
      /** Days the device keeps this code until the newcomer books (the clinic's `keepOnDeviceDays`). */
      keepDays: z.optional(z.int().check(z.gte(1), z.lte(180))),
      /** The caller holds this card (by their WeChat account): their own code, not an invitation. */
      ownCard: z.optional(z.boolean()),
      /** What the booking page says about the lead time (the clinic's settings). */
      referralTerms: z.optional(referralTerms),
      /** The referrer's store: a friend's first booking starts there (friends tend to live nearby). */
      storeId: z.optional(idSchema),
    }),
  },
  listMyReferrals: {
    input: z.strictObject(pageInput),
    output: z.strictObject({
      items: z
        .array(
          z.strictObject({
            maskedName: z.string().check(z.maxLength(20)),
            maskedPhone: z.string().check(z.maxLength(16)),
            filedOn: localDateSchema,
            status: z.enum(REFERRAL_STATUSES),
            rewardCredited: z.boolean(),
          }),
        )
        .check(z.maxLength(50)),
      nextCursor: z.optional(z.string().check(z.maxLength(64))),
    }),
  },
  listMyRewards: {
    input: z.strictObject(pageInput),
    output: z.strictObject({
      balanceFen: fenSchema,
      points: z.int().check(z.gte(0)),
      /**
       * Referrals not yet dealt: their rewards are credited at the first paid deal, never before. A
       * cancelled friend counts: the relationship stands (R9), and a later visit and deal still credit it.
       */
      pendingReferrals: z.optional(z.int().check(z.gte(0))),
      items: z
        .array(
          z.strictObject({
            id: z.string().check(z.maxLength(128)),
            type: z.enum(['credit', 'use', 'expire']),
            kind: rewardKindSchema,
            amount: z.int().check(z.gte(0)),
            unit: z.enum(['fen', 'points', 'item']),
            at: z.string().check(z.maxLength(40)),
            expiresOn: z.optional(localDateSchema),
            giftName: z.optional(z.string().check(z.maxLength(40))),
          }),
        )
        .check(z.maxLength(50)),
      nextCursor: z.optional(z.string().check(z.maxLength(64))),
    }),
  },
});
export type ReferralContract = typeof referralContract;
