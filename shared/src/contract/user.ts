import * as z from 'zod';
import { defineContract } from './envelope';

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
});
export type UserContract = typeof userContract;
