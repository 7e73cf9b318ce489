/** The `identity` cloud function: links the caller to their phone (WeChat's getPhoneNumber code). */
import { identityContract, type ActionOutput, type Result } from '@clinic/shared';
import { callFunction } from './cloud';
import { getCurrentIdentity } from './demo-identity';

export type BoundPhone = ActionOutput<typeof identityContract, 'bindPhone'>;

/** weapp: `code` is `e.detail.code` of `<Button openType="getPhoneNumber">`. */
export function bindPhone(code: string): Promise<Result<BoundPhone>> {
  return callFunction('identity', identityContract, 'bindPhone', { code });
}

/**
 * H5 stand-in for getPhoneNumber's code: "the number of the WeChat account that is calling", which
 * the local cloud's phonenumber.getPhoneNumber answers with the demo person's number. The page never
 * holds the full number (the demo sign-in lists it masked), as in weapp. null outside H5 or when the
 * demo person has no phone.
 */
export const DEMO_ACCOUNT_PHONE_CODE = 'demo_account_phone';

export function demoPhoneCode(): string | null {
  if (process.env.TARO_ENV !== 'h5') return null;
  return getCurrentIdentity()?.phone ? DEMO_ACCOUNT_PHONE_CODE : null;
}
