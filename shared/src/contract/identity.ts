import * as z from 'zod/mini';
import '../locale';
import { defineContract } from './envelope';

/** The one-time `code` of WeChat's getPhoneNumber button (never a typed number). */
export const phoneCodeSchema = z
  .string({ error: '缺少手机号授权凭证' })
  .check(
    z.minLength(1, { error: '缺少手机号授权凭证' }),
    z.maxLength(128, { error: '手机号授权凭证过长' }),
    z.regex(/^[0-9A-Za-z_-]+$/, { error: '手机号授权凭证格式不正确' }),
  );

/** identity: binds the caller's phone from WeChat's getPhoneNumber `code` (never a typed number). */
export const identityContract = defineContract({
  bindPhone: {
    input: z.strictObject({
      code: phoneCodeSchema,
    }),
    output: z.strictObject({
      /** `138****8000`: the full number never travels back to the page. */
      maskedPhone: z.string().check(z.maxLength(16)),
      /** The customer record now linked to the caller; absent when the phone is nobody's yet. */
      customerId: z.optional(z.string().check(z.maxLength(64))),
      /** existing = 老客 (gets a referral card); new = filed, not yet paying; none = not filed. */
      customerKind: z.optional(z.enum(['existing', 'new', 'none'])),
    }),
  },
});
export type IdentityContract = typeof identityContract;
