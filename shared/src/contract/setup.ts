import * as z from 'zod/mini';
import { defineContract } from './envelope';

export const setupContract = defineContract({
  /** Creates every collection the functions use (idempotent) and lists the indexes to create. */
  run: {
    input: z.strictObject({}),
    output: z.object({
      created: z.array(z.string()),
      existing: z.array(z.string()),
      indexes: z.array(
        z.object({
          collection: z.string(),
          name: z.string(),
          keys: z.record(z.string(), z.union([z.literal(1), z.literal(-1)])),
          unique: z.boolean(),
        }),
      ),
    }),
  },
});
export type SetupContract = typeof setupContract;
