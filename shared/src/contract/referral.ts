import * as z from 'zod/mini';
import '../locale';
import { rewardKindSchema } from '../settings/reward-kinds';
import { fenSchema, localDateSchema } from '../model/primitives';
import { REFERRAL_STATUSES } from '../referral/status';
import { AVATAR_FILE_ID_MAX } from '../identity/avatar-file';
import { NICKNAME_MAX_UNITS, nicknameSchema } from '../identity/nickname';
import { defineContract } from './envelope';
import { benefitLinesSchema, referralLandingContract, referralTermsSchema } from './referral-landing';

const pageInput = {
  cursor: z.optional(z.string().check(z.maxLength(64, { error: '分页标记过长' }))),
  limit: z._default(
    z.number().check(z.int({ error: '每页条数必须是整数' }), z.gte(1), z.lte(50, { error: '每页最多 50 条' })),
    20,
  ),
};

const fileId = z.string().check(z.minLength(1), z.maxLength(AVATAR_FILE_ID_MAX));

/** How friends see the holder: the nickname and avatar they chose to show, else the masked name (`王*`). */
const shownAs = z.strictObject({
  name: z.string().check(z.maxLength(NICKNAME_MAX_UNITS)),
  avatarUrl: z.optional(z.string().check(z.maxLength(1024))),
});

/** The holder's own choice, for their card page; `avatarFolder` is where their avatar must be uploaded. */
const shownProfile = z.strictObject({
  show: z.boolean(),
  nickname: z.optional(z.string().check(z.maxLength(NICKNAME_MAX_UNITS))),
  avatarFileId: z.optional(fileId),
  decidedAt: z.optional(z.string().check(z.maxLength(40))),
  avatarFolder: z.string().check(z.maxLength(80)),
});

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
      referrerBenefits: z.optional(benefitLinesSchema),
      refereeBenefits: z.optional(benefitLinesSchema),
      /** The referral-update template (好友已预约 / 已到院 / 奖励已到账) the card offers to subscribe to. */
      updateTemplateId: z.optional(z.string().check(z.maxLength(64))),
      /** How many updates the holder's banked authorizations still cover. */
      updateGrants: z.optional(z.int().check(z.gte(0))),
      /** What the card's rules say about a friend's lead time (the clinic's settings). */
      referralTerms: z.optional(referralTermsSchema),
      /**
       * How friends see the holder on the landing page and the poster: the masked name (`王*`), or the
       * WeChat nickname and avatar the holder chose to show.
       */
      shownAs: z.optional(shownAs),
      /** The holder's choice behind `shownAs` (setShownProfile). */
      shownProfile: z.optional(shownProfile),
    }),
  },
  /**
   * The holder agrees to show friends their WeChat nickname and avatar (an avatar fileID they uploaded
   * into `avatarFolder`), or withdraws (`show: false`: friends see the masked name again, and the
   * nickname and avatar are no longer kept).
   */
  setShownProfile: {
    input: z.discriminatedUnion('show', [
      z.strictObject({ show: z.literal(true), nickname: nicknameSchema, avatarFileId: z.optional(fileId) }),
      z.strictObject({ show: z.literal(false) }),
    ]),
    output: z.strictObject({ shownAs, shownProfile }),
  },
  revokeCard: {
    input: z.strictObject({}),
    output: z.strictObject({ revokedCode: z.string().check(z.maxLength(16)) }),
  },
  /** The landing page (referral-landing.ts: the invitation is in the main package, the card is not). */
  ...referralLandingContract,
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
