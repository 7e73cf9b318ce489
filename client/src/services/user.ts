import { userContract, type Result, type SubscribeResult, type UserRecord } from '@clinic/shared';
import { callFunction } from './cloud';

/**
 * Signs the caller in: the `user` function finds or creates the user record for the caller's
 * OPENID (WeChat identity in weapp, the demo identity header in H5) and returns it.
 */
export function login(): Promise<Result<UserRecord>> {
  return callFunction('user', userContract, 'login', {});
}

/** Banks a customer's subscribe answers (visit reminder, referral updates) on the server. */
export function recordCustomerSubscription(results: Record<string, SubscribeResult>) {
  return callFunction('user', userContract, 'recordSubscription', { results });
}
