import * as z from 'zod/mini';
import '../locale';
import { rewardKindSchema } from './reward-kinds';
import { DEFAULT_MIN_LEAD_DAYS } from '../attribution/lead';
import { clinicProfileSchema } from './clinic-profile';
import { DEFAULT_CHANNELS, channelIdSchema } from '../model/channels';
import { CUSTOMER_CHANNELS, NOTIFY_CHANNELS } from '../notify/channels';

/**
 * Every number of docs/business-rules.md is a clinic setting with a default (its preamble). One typed
 * object, validated by zod; `parseSettings({})` gives the defaults. Rates are integer basis points
 * (1% = 100 bp) so that money arithmetic stays in integers.
 */

const bp = (label: string) =>
  z
    .number({ error: `${label}必须是数字` })
    .check(
      z.int({ error: `${label}必须是整数（基点，1% = 100）` }),
      z.gte(0, { error: `${label}不能为负` }),
      z.lte(10_000, { error: `${label}不能超过 100%` }),
    );

const fenAmount = z.number().check(z.int({ error: '金额必须是整数（分）' }), z.gte(0), z.lte(Number.MAX_SAFE_INTEGER));

export { REWARD_KINDS, rewardKindSchema, type RewardKind } from './reward-kinds';

export const REWARD_RECIPIENTS = ['referrer', 'referee', 'both'] as const;
export const rewardRecipientsSchema = z.enum(REWARD_RECIPIENTS);

/** One incentive a clinic offers (docs/business-rules.md §8). */
export const rewardPolicySchema = z
  .strictObject({
    id: z.string().check(z.minLength(1), z.maxLength(32)),
    kind: rewardKindSchema,
    recipients: z._default(rewardRecipientsSchema, 'both'),
    /** rebate and gift_voucher: share of the referee's paid amount, in basis points. */
    rateBp: z._default(bp('返利比例'), 0),
    /** points: points per whole yuan (100 fen) paid. */
    pointsPerYuan: z._default(z.int().check(z.gte(0), z.lte(1000)), 0),
    /** physical_gift: what is given and what it is worth (for reports). */
    giftName: z.optional(z.string().check(z.minLength(1), z.maxLength(40))),
    giftValueFen: z._default(fenAmount, 0),
    /** Cap on the total one customer can ever receive from this policy (fen, points or items); null = none. */
    capPerCustomer: z._default(z.nullable(fenAmount), null),
    /** Cap per customer per calendar period (Asia/Shanghai); null = none. */
    capPerPeriod: z._default(z.nullable(fenAmount), null),
    period: z._default(z.enum(['month', 'year']), 'month'),
    /** Days a credit stays usable; null = never expires. */
    expiryDays: z._default(z.nullable(z.int().check(z.gte(1), z.lte(3650))), 365),
    /** Deals below this paid amount earn nothing. */
    minDealFen: z._default(fenAmount, 0),
  })
  .check(
    z.superRefine((p, ctx) => {
      if ((p.kind === 'rebate' || p.kind === 'gift_voucher') && p.rateBp === 0) {
        ctx.addIssue({ code: 'custom', path: ['rateBp'], message: '返利金或抵扣券必须设置比例' });
      }
      if (p.kind === 'points' && p.pointsPerYuan === 0) {
        ctx.addIssue({ code: 'custom', path: ['pointsPerYuan'], message: '积分奖励必须设置每元积分' });
      }
      if (p.kind === 'physical_gift' && !p.giftName) {
        ctx.addIssue({ code: 'custom', path: ['giftName'], message: '实物礼品必须填写礼品名称' });
      }
    }),
  );
export type RewardPolicy = z.output<typeof rewardPolicySchema>;

export const goldenWindowSchema = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(16)),
  label: z.string().check(z.minLength(1), z.maxLength(16)),
  /** First month number in the window; month 1 is the month starting on the treatment date. */
  fromMonth: z.int().check(z.gte(1)),
  /** Last month number, inclusive; null = open-ended. */
  toMonth: z.nullable(z.int().check(z.gte(1))),
  /** Ranking weight; the defaults are the shares of referrals in docs/business-rules.md §5 (50%, 30%, the remaining 20%). */
  weight: z.int().check(z.gte(0), z.lte(1000)),
});
export type GoldenWindow = z.infer<typeof goldenWindowSchema>;

export const DEFAULT_GOLDEN_WINDOWS: GoldenWindow[] = [
  { id: 'peak', label: '关键黄金期', fromMonth: 1, toMonth: 3, weight: 50 },
  { id: 'golden', label: '黄金期', fromMonth: 4, toMonth: 11, weight: 30 },
  { id: 'late', label: '一年以上', fromMonth: 12, toMonth: null, weight: 20 },
];

export const CARD_REFERRAL_CHANNELS = ['referral', 'mini_program'] as const;

export const clinicSettingsSchema = z.strictObject({
  /**
   * Days before a visit that its reminders are due: the customer's subscribe message (timer at
   * 10:00 Shanghai) and, after a V1 result, the owner's confirmation task. One number for both.
   */
  visitReminderDaysBefore: z._default(z.int().check(z.gte(1), z.lte(7)), 1),
  /** The privacy notice customers accept when booking (its version; a booking must carry it). */
  privacyNoticeVersion: z._default(z.string().check(z.minLength(1), z.maxLength(16)), '2026-12'),
  /** R2: calendar days a referral filing must precede the first visit. */
  minLeadDays: z._default(z.int().check(z.gte(0), z.lte(30)), DEFAULT_MIN_LEAD_DAYS),
  /** §2: the level-1 channel list (id → label). */
  channels: z._default(z.record(channelIdSchema, z.string().check(z.minLength(1), z.maxLength(16))), {
    ...DEFAULT_CHANNELS,
  }),
  /** §2 card bookings: level-1 老带新 (default) or level-2 under 小程序. */
  cardReferralChannel: z._default(z.enum(CARD_REFERRAL_CHANNELS), 'referral'),
  /** §4: referral revenue target as a share of total revenue. */
  referralShareTargetBp: z._default(bp('老带新业绩占比目标'), 1000),
  /** §4 incentive: staff commission per channel (bp); channels not listed use the default. */
  commissionBpByChannel: z._default(z.record(channelIdSchema, bp('提成比例')), {}),
  defaultCommissionBp: z._default(bp('默认提成比例'), 0),
  followUp: z.prefault(
    z
      .strictObject({
        /** F1: day offsets from the filing date (filing day, day 7, day 20). */
        f1OffsetsDays: z._default(
          z.array(z.int().check(z.gte(0), z.lte(60))).check(z.minLength(1), z.maxLength(10)),
          [0, 7, 20],
        ),
        /** F2: start this many months after filing, then on these days of each month. */
        f2StartMonths: z._default(z.int().check(z.gte(0), z.lte(12)), 1),
        f2DaysOfMonth: z._default(
          z.array(z.int().check(z.gte(1), z.lte(31))).check(z.minLength(1), z.maxLength(4)),
          [10, 20],
        ),
        /** F3: start this many months after filing, then every `f3IntervalMonths`. */
        f3StartMonths: z._default(z.int().check(z.gte(0), z.lte(12)), 2),
        f3IntervalMonths: z._default(z.int().check(z.gte(1), z.lte(12)), 1),
        /** V2/V3/N1: follow up this many days before the next event. */
        eventLeadDays: z._default(z.int().check(z.gte(0), z.lte(30)), 3),
        /** V2/N1: follow up after this many days when no event is coming. */
        fallbackDays: z._default(z.int().check(z.gte(1), z.lte(90)), 10),
        /** §6: ask about the friend the next day, then check every 15 days. */
        friendFirstCheckDays: z._default(z.int().check(z.gte(1), z.lte(30)), 1),
        friendCheckIntervalDays: z._default(z.int().check(z.gte(1), z.lte(90)), 15),
        /** Number of cadence tasks planned ahead for F2/F3. */
        planAhead: z._default(z.int().check(z.gte(1), z.lte(24)), 6),
        /** Escalation ladder: a task this many days overdue shows in the store manager's digest … */
        escalateAfterDays: z._default(z.int().check(z.gte(1), z.lte(60)), 2),
        /** … and from this many days the manager is asked to reassign it. */
        reassignAfterDays: z._default(z.int().check(z.gte(1), z.lte(90)), 5),
      })
      .check(
        z.refine((f) => f.reassignAfterDays >= f.escalateAfterDays, {
          error: '“提请改派”的逾期天数不能少于“提醒店长”的天数',
          path: ['reassignAfterDays'],
        }),
      ),
    {},
  ),
  goldenTime: z.prefault(
    z.strictObject({
      windows: z._default(z.array(goldenWindowSchema).check(z.minLength(1), z.maxLength(10)), DEFAULT_GOLDEN_WINDOWS),
      /** Points per star above one (§5: focus on 4–5 star customers). */
      starWeight: z._default(z.int().check(z.gte(0), z.lte(100)), 10),
      /** Points per satisfaction level above one (1–5 scale). */
      satisfactionWeight: z._default(z.int().check(z.gte(0), z.lte(100)), 8),
      /** Customers who referred before are proven referrers. */
      referredBeforeBonus: z._default(z.int().check(z.gte(0), z.lte(100)), 15),
      /** Do not suggest asking the same customer again within this many days. */
      askCooldownDays: z._default(z.int().check(z.gte(0), z.lte(365)), 7),
    }),
    {},
  ),
  referralCode: z.prefault(
    z.strictObject({
      /** Random characters before the check character. 31^7 ≈ 2.75e10 codes. */
      bodyLength: z._default(z.int().check(z.gte(5), z.lte(12)), 7),
      /** Prefix of the wxacode scene, e.g. `r=ABCDEFGH`. */
      scenePrefix: z._default(
        z
          .string()
          .check(
            z.maxLength(8),
            z.regex(/^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]*$/, { error: '场景值前缀含有不允许的字符' }),
          ),
        'r=',
      ),
      /** Days a new customer's device keeps the code they arrived with, until they book. */
      keepOnDeviceDays: z._default(z.int().check(z.gte(1), z.lte(180)), 30),
    }),
    {},
  ),
  rewards: z.prefault(
    z.strictObject({
      policies: z._default(z.array(rewardPolicySchema).check(z.maxLength(10)), [
        {
          id: 'rebate',
          kind: 'rebate',
          recipients: 'both',
          rateBp: 500,
          pointsPerYuan: 0,
          giftValueFen: 0,
          capPerCustomer: null,
          capPerPeriod: null,
          period: 'month',
          expiryDays: 365,
          minDealFen: 0,
        },
      ]),
    }),
    {},
  ),
  /** The licence and doctors the invitation shows friends (empty: the landing page shows neither). */
  clinicProfile: z.prefault(clinicProfileSchema, {}),
  notifications: z.prefault(
    z.strictObject({
      /**
       * Subscribe-message template of the visit reminder (到院提醒), from the mini-program's
       * console (订阅消息 → 我的模板). The client asks for it after booking; must match.
       */
      visitReminderTemplateId: z._default(z.string().check(z.minLength(1), z.maxLength(64)), 'tmpl-visit-reminder'),
      /**
       * The referrer's update (推荐进度通知: 好友已预约 / 已到院 / 奖励已到账). The card page asks for it;
       * each 允许 is one more update.
       */
      referralUpdateTemplateId: z._default(z.string().check(z.minLength(1), z.maxLength(64)), 'tmpl-referral-update'),
      /** The staff's daily follow-up digest (今日回访 n 条，逾期 m 条): one message per person per day. */
      staffDigestTemplateId: z._default(z.string().check(z.minLength(1), z.maxLength(64)), 'tmpl-staff-digest'),
      /** The digest goes out from this Shanghai hour on (the timer runs hourly). */
      digestHour: z._default(z.int().check(z.gte(0), z.lte(23)), 9),
      /**
       * The digest template is long-term (长期订阅, granted to some categories such as 医疗): one
       * authorization keeps working, so the grant bank steps aside.
       */
      staffDigestLongTerm: z._default(z.boolean(), false),
      /** Per message kind, the channels to try in order; the first that can reach the person is used. */
      channelOrder: z.prefault(
        z.strictObject({
          staff_digest: z._default(z.array(z.enum(NOTIFY_CHANNELS)).check(z.minLength(1), z.maxLength(3)), [
            'subscribe',
            'in_app',
          ]),
          // Customers are not WeCom members: their messages go by subscribe message, else they stay
          // in the outbox as in-app records (the appointment and the card page show the status).
          visit_reminder: z._default(z.array(z.enum(CUSTOMER_CHANNELS)).check(z.minLength(1), z.maxLength(2)), [
            'subscribe',
            'in_app',
          ]),
          referral_update: z._default(z.array(z.enum(CUSTOMER_CHANNELS)).check(z.minLength(1), z.maxLength(2)), [
            'subscribe',
            'in_app',
          ]),
        }),
        {},
      ),
    }),
    {},
  ),
});

export type ClinicSettings = z.output<typeof clinicSettingsSchema>;
export type ClinicSettingsInput = z.input<typeof clinicSettingsSchema>;

/** Fills every missing setting with its default and rejects unknown keys. */
export function parseSettings(input: ClinicSettingsInput = {}): ClinicSettings {
  return clinicSettingsSchema.parse(input);
}

export const DEFAULT_SETTINGS: ClinicSettings = parseSettings({});
