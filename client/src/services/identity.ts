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
 * H5 stand-in for getPhoneNumber: the demo identity's phone as the code `demo_<phone>`, which the
 * local cloud's phonenumber.getPhoneNumber turns back into the number. null outside H5 or when the
 * demo person has no phone.
 */
export function demoPhoneCode(): string | null {
  if (process.env.TARO_ENV !== 'h5') return null;
  const phone = getCurrentIdentity()?.phone;
  return phone ? `demo_${phone}` : null;
}
