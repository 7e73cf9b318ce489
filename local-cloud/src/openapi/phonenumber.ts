import { DEFAULT_APPID } from '../functions/function-runner';
import type { ApiHandler } from './handler';
import { wxError, wxOk } from './wx-reply';

/** phonenumber.getPhoneNumber: `code` invalid or expired ("invalid code"). */
export const INVALID_CODE_ERRCODE = 40029;

/** The stand-in's codes: `demo_<11-digit mainland number>`, what the H5 demo sign-in sends. */
export const DEMO_PHONE_CODE_RE = /^demo_(1[3-9]\d{9})$/;

/**
 * phonenumber.getPhoneNumber: real WeChat exchanges the one-time `code` of
 * `<button open-type="getPhoneNumber">` for the user's number. Locally a code `demo_<phone>`
 * stands for that number; anything else is an invalid code (40029), as an expired code would be.
 * The reply has the real shape (snake_case; the SDK turns it into camelCase).
 */
export const getPhoneNumber: ApiHandler = (params) => {
  const match = typeof params.code === 'string' ? DEMO_PHONE_CODE_RE.exec(params.code) : null;
  if (!match) return wxError(INVALID_CODE_ERRCODE, 'invalid code');
  const phone = match[1] as string;
  return wxOk({
    phone_info: {
      phoneNumber: phone,
      purePhoneNumber: phone,
      countryCode: '86',
      watermark: { timestamp: Math.floor(Date.now() / 1000), appid: DEFAULT_APPID },
    },
  });
};
