import { normalizePhone } from '@clinic/shared';
import { AppError } from '../platform/errors';
import { openapi, type PhoneNumberResult } from '../platform/sdk';

/**
 * The phone number WeChat vouches for, from the one-time code of the getPhoneNumber button,
 * as a canonical mainland number. Needs `phonenumber.getPhoneNumber` in the function's config.json.
 */
export async function phoneFromCode(code: string): Promise<string> {
  let result: PhoneNumberResult;
  try {
    result = await openapi.getPhoneNumber(code);
  } catch (e) {
    // 40029 invalid code, 40163 code used, -604101 …: the page asks the user to authorise again.
    const errCode = (e as { errCode?: unknown } | null)?.errCode;
    if (typeof errCode === 'number' && errCode > 0) throw new AppError('INVALID_PHONE_CODE');
    throw e;
  }
  const info = result.phoneInfo;
  if (!info) throw new AppError('INVALID_PHONE_CODE');
  if (info.countryCode !== undefined && String(info.countryCode) !== '86') {
    throw new AppError('PHONE_NOT_SUPPORTED');
  }
  const normalized = normalizePhone(String(info.purePhoneNumber ?? info.phoneNumber ?? ''));
  if (!normalized.ok) throw new AppError('INVALID_PHONE', normalized.message);
  return normalized.phone;
}
