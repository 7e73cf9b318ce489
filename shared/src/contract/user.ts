import * as z from 'zod/mini';
import { defineContract } from './envelope';
import { subscriptionResultsSchema } from './subscription';

export const ROLES = ['customer', 'staff', 'manager', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/**
 * The caller as a customer of the clinic: 新客 (`new`) from the first filing until the first paid
 * deal, 老客 (`existing`) after it — only a 老客 has a referral card to share.
 */
export const memberCustomerSchema = z.strictObject({
  kind: z.enum(['new', 'existing']),
  /** `138****0000`: enough for the customer to recognise the phone on record. */
  maskedPhone: z.string().check(z.maxLength(16)),
});
export type MemberCustomer = z.infer<typeof memberCustomerSchema>;

/**
 * A WeChat user of the mini-program. Roles are granted by the clinic, never by the client: `login`
 * reads them from the staff and customer records on every call, so they are never stale.
 */
export const userRecordSchema = z.object({
  id: z.string(),
  roles: z.array(roleSchema),
  createdAt: z.string(), // ISO 8601
  /** The linked customer record, or null for someone who has not booked or bound a phone yet. */
  customer: z.nullable(memberCustomerSchema),
  /** True for whoever may open 门店设置 and the audit log (the admin function's access list). */
  managesClinic: z.optional(z.boolean()),
});
export type UserRecord = z.infer<typeof userRecordSchema>;

export const userContract = defineContract({
  login: {
    input: z.strictObject({}),
    output: userRecordSchema,
  },
  /**
   * A customer banks what `wx.requestSubscribeMessage` answered for the clinic's customer templates
   * (the visit reminder, the referrer's updates): each 允许 is one more message of that kind.
   */
  recordSubscription: {
    input: z.strictObject({ results: subscriptionResultsSchema }),
    /** The grants now banked per template asked. */
    output: z.strictObject({ grants: z.record(z.string(), z.int().check(z.gte(0))) }),
  },
});
export type UserContract = typeof userContract;
