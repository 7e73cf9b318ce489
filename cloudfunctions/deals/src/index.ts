import { dealsContract } from '@clinic/shared';
import { defineFunction } from '../../platform/define-function';
import { DEAL_POSTS, recordDeal } from './record-deal';
import { expireDueRewards } from './reward-expiry';

/** Staff record checkouts (deals) and their rewards; a daily timer writes off expired rewards. */
export const main = defineFunction(
  dealsContract,
  {
    async record(input, ctx) {
      return recordDeal(input, ctx);
    },
  },
  {
    access: {
      // Staff of the posts that close deals, and store managers; only for customers in their scope.
      record: [{ staff: DEAL_POSTS }, 'store_manager'],
    },
    timers: { rewardExpiry: expireDueRewards },
  },
);
