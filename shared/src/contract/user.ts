import * as z from 'zod';
import { defineContract } from './envelope';
import { subscriptionResultsSchema } from './subscription';

export const ROLES = ['customer', 'staff', 'manager', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** A WeChat user of the mini-program. Roles are granted by the clinic, never by the client. */
export const userRecordSchema = z.object({
  id: z.string(),
  roles: z.array(roleSchema),
  createdAt: z.string(), // ISO 8601
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
    output: z.strictObject({ grants: z.record(z.string(), z.number().int().min(0)) }),
  },
});
export type UserContract = typeof userContract;
