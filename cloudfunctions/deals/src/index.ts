import { dealsContract } from '@clinic/shared';
import { defineFunction } from '../../platform/define-function';
import { prepareDeal } from './prepare-deal';
import { DEAL_MAKERS } from '../../platform/staff-roles';
import { recordDeal } from './record-deal';
import { expireDueRewards } from './reward-expiry';

/** Staff record checkouts (deals) and their rewards; a daily timer writes off expired rewards. */
export const main = defineFunction(
  dealsContract,
  {
    prepare: (input, { caller, db, now }) => prepareDeal(input, caller, db, now),
    async record(input, ctx) {
      return recordDeal(input, ctx);
    },
  },
  {
    access: {
      // Staff of the posts that close deals, and store managers; only for customers in their scope.
      prepare: DEAL_MAKERS,
      record: DEAL_MAKERS,
    },
    timers: { rewardExpiry: expireDueRewards },
  },
);
