import * as z from 'zod/mini';
import '../locale';
import { fenSchema, idSchema, localDateSchema } from '../model/primitives';
import { USABLE_REWARD_KINDS } from '../rewards/deal';
import { rewardKindSchema } from '../settings/clinic-settings';
import { defineContract } from './envelope';

/** Client-generated once per checkout form: a retried or double-tapped request is the same deal. */
export const idempotencyKeySchema = z
  .string({ error: '缺少录入编号' })
  .check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, { error: '录入编号应为 8–64 位字母、数字、_ 或 -' }));

const dealItemSchema = z
  .strictObject({
    productId: idSchema,
    /** List amount of the item and what the customer actually paid, in fen. */
    amountFen: fenSchema,
    paidFen: fenSchema,
  })
  .check(z.refine((i) => i.paidFen <= i.amountFen, { error: '实付金额不能大于成交金额', path: ['paidFen'] }));

const rewardUseSchema = z.strictObject({
  kind: z.enum(USABLE_REWARD_KINDS, { error: '可使用的奖励只有返利金、抵扣券和积分' }),
  amount: z
    .number({ error: '使用数量必须是数字' })
    .check(
      z.int({ error: '使用数量必须是正整数（金额单位：分）' }),
      z.gte(1, { error: '使用数量必须是正整数（金额单位：分）' }),
      z.lte(Number.MAX_SAFE_INTEGER, { error: '使用数量过大' }),
    ),
});

const roleSchema = z.enum(['referrer', 'referee']);
const unitSchema = z.enum(['fen', 'points', 'item']);

export const dealsContract = defineContract({
  /** What the checkout form needs about the customer: checked in yet, and the rewards they can use today. */
  prepare: {
    input: z.strictObject({ customerId: idSchema }),
    output: z.strictObject({
      customerId: idSchema,
      /** The customer's store: the checkout offers that store's products. */
      storeId: idSchema,
      customerMaskedName: z.string().check(z.maxLength(20)),
      maskedPhone: z.string().check(z.maxLength(16)),
      /** A deal can be recorded only for a person who has been checked in (a visit exists). */
      checkedIn: z.boolean(),
      /** Usable today, per kind (rebate and voucher in fen, points as points). */
      usable: z.strictObject({ rebate: fenSchema, gift_voucher: fenSchema, points: z.int().check(z.gte(0)) }),
    }),
  },
  /**
   * Staff record a checkout of a checked-in customer: one deal per item. The customer's first paid
   * deal credits the referral rewards (§8, R9) and makes a new customer an existing one (§1).
   */
  record: {
    input: z.strictObject({
      customerId: idSchema,
      items: z.array(dealItemSchema, { error: '请录入成交项目' }).check(
        z.minLength(1, { error: '请至少录入一个成交项目' }),
        z.maxLength(10, { error: '一次最多录入 10 个成交项目' }),
        z.refine((items) => Number.isSafeInteger(items.reduce((s, i) => s + i.amountFen, 0)), {
          error: '成交金额合计过大',
        }),
      ),
      idempotencyKey: idempotencyKeySchema,
      useRewards: z.optional(
        z.array(rewardUseSchema, { error: '使用奖励的格式不正确' }).check(
          z.maxLength(USABLE_REWARD_KINDS.length, { error: '每种奖励只能填写一次' }),
          z.refine((uses) => new Set(uses.map((u) => u.kind)).size === uses.length, { error: '每种奖励只能填写一次' }),
        ),
      ),
    }),
    output: z.strictObject({
      /** The request's idempotency key; a repeat of it answers exactly this again. */
      requestId: idSchema,
      dealIds: z.array(idSchema).check(z.minLength(1), z.maxLength(10)),
      customerMaskedName: z.string().check(z.maxLength(20)),
      totals: z.strictObject({
        amountFen: fenSchema,
        paidFen: fenSchema,
        deductedFen: fenSchema,
        pointsUsed: z.int().check(z.gte(0)),
      }),
      /** Referral rewards this deal credited, to whom (masked). */
      credited: z
        .array(
          z.strictObject({
            role: roleSchema,
            maskedName: z.string().check(z.maxLength(20)),
            kind: rewardKindSchema,
            amount: z.int().check(z.gte(0)),
            unit: unitSchema,
            expiresOn: z.optional(localDateSchema),
            giftName: z.optional(z.string().check(z.maxLength(40))),
          }),
        )
        .check(z.maxLength(20)),
      /** Policies that credited nothing to one side although the deal qualified, and why (Chinese). */
      skipped: z
        .array(
          z.strictObject({
            role: roleSchema,
            policyId: z.string().check(z.maxLength(32)),
            reason: z.string().check(z.maxLength(60)),
          }),
        )
        .check(z.maxLength(20)),
      /** Rewards the customer spent at this deal. */
      used: z
        .array(z.strictObject({ kind: rewardKindSchema, amount: z.int().check(z.gte(0)), unit: unitSchema }))
        .check(z.maxLength(USABLE_REWARD_KINDS.length)),
      /** Why no referral reward was credited (Chinese), when none was. */
      noRewardReason: z.optional(z.string().check(z.maxLength(60))),
      /** The customer became an existing customer (老客) with this deal. */
      becameExisting: z.boolean(),
    }),
  },
});
export type DealsContract = typeof dealsContract;
