import * as z from 'zod/mini';
import '../locale';
import { defineContract } from './envelope';

const count = z.int().check(z.gte(0));

/** What one run of the staff digest did (the timer's and `runDigest`'s answer). */
export const digestRunSchema = z.strictObject({
  /** Chains whose digest was due (or, for an admin's run, the admin's chain). */
  chains: count,
  /** Owners with open tasks due by today that this run looked at. */
  owners: count,
  /** Delivered by a channel (a subscribe message). */
  sent: count,
  /** Recorded in-app (no channel could reach the person, or the channel refused). */
  inApp: count,
  /** Already claimed today by another or an earlier run: nothing sent. */
  duplicate: count,
  /** Owners who are not active staff of the chain. */
  skipped: count,
  failed: count,
  /** Every due chain was finished today; false when the time budget or `maxPages` stopped the run. */
  done: z.boolean(),
});
export type DigestRun = z.infer<typeof digestRunSchema>;

/**
 * reminders runs on its timers (visit reminders, the staff digest); the mini-program offers one
 * action, to admins: run their chain's digest now (the same job, exactly once per person and day).
 */
export const remindersContract = defineContract({
  runDigest: {
    input: z.strictObject({
      /** Owners per page (one aggregate query each). */
      pageSize: z._default(z.number({ error: '每页数量必须是数字' }).check(z.int(), z.gte(1), z.lte(1000)), 200),
      /** Stop after this many pages (the next run resumes from the checkpoint). */
      maxPages: z.optional(z.number({ error: '页数必须是数字' }).check(z.int(), z.gte(1), z.lte(1000))),
    }),
    output: digestRunSchema,
  },
});
export type RemindersContract = typeof remindersContract;
