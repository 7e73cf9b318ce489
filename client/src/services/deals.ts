/** The `deals` cloud function: staff record a checked-in customer's checkout and its rewards. */
import { dealsContract, type ActionInput, type ActionOutput, type Result } from '@clinic/shared';
import { callFunction } from './cloud';

type C = typeof dealsContract;
export type RecordDealInput = ActionInput<C, 'record'>;
export type RecordedDeal = ActionOutput<C, 'record'>;

/**
 * Records the checkout. `idempotencyKey` is generated once per checkout form and sent again on a
 * retry: the same key answers the first result and records nothing more.
 */
export function recordDeal(input: RecordDealInput): Promise<Result<RecordedDeal>> {
  return callFunction('deals', dealsContract, 'record', input);
}

export type DealPreparation = ActionOutput<C, 'prepare'>;

/** The checkout form's header: the customer, whether they have been checked in, rewards usable today. */
export function prepareDeal(customerId: string): Promise<Result<DealPreparation>> {
  return callFunction('deals', dealsContract, 'prepare', { customerId });
}
