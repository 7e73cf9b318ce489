import { DEFAULT_APPID } from '../functions/function-runner';
import type { ApiHandler } from './handler';
import { wxError, wxOk } from './wx-reply';

/** phonenumber.getPhoneNumber: `code` invalid or expired ("invalid code"). */
export const INVALID_CODE_ERRCODE = 40029;

/** The stand-in's codes: `demo_<11-digit mainland number>` stands for the user's consent to share that number. */
export const DEMO_PHONE_CODE_RE = /^demo_(1[3-9]\d{9})$/;

/**
 * The code for "the number of the WeChat account that is calling" (what the H5 demo sign-in sends,
 * so that no page ever holds the full number): the local cloud's `accountPhone` setting decides it.
 */
export const ACCOUNT_PHONE_CODE = 'demo_account_phone';

/**
 * phonenumber.getPhoneNumber: real WeChat exchanges the one-time `code` of
 * `<button open-type="getPhoneNumber">` for the calling user's number. Locally, `demo_<phone>`
 * stands for that number and ACCOUNT_PHONE_CODE for the number the caller's emulated account has;
 * anything else (or an account without a number) is an invalid code (40029), as an expired code
 * would be. The reply has the real shape (snake_case; the SDK turns it into camelCase).
 */
export const getPhoneNumber: ApiHandler = (params, ctx) => {
  const code = typeof params.code === 'string' ? params.code : '';
  const phone = code === ACCOUNT_PHONE_CODE ? ctx.accountPhone(ctx.caller.openid) : DEMO_PHONE_CODE_RE.exec(code)?.[1];
  if (!phone) return wxError(INVALID_CODE_ERRCODE, 'invalid code');
  return wxOk({
    phone_info: {
      phoneNumber: phone,
      purePhoneNumber: phone,
      countryCode: '86',
      watermark: { timestamp: Math.floor(Date.now() / 1000), appid: DEFAULT_APPID },
    },
  });
};
