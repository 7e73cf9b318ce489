/**
 * Error codes the stand-in answers with. Where WeChat documents a code we use it; where the
 * real behaviour could not be observed here the choice is ours and marked so.
 */

/** CommOpenApiResp.errorCode values: wx-server-sdk's own table (ERR_CODE in its index.js). */
export const SYSTEM_ERROR = {
  /** 'API not found': an apiName this stand-in does not implement. */
  API_NOT_FOUND: -604100,
  /** 'function has no permission to call this API': apiName missing from config.json permissions.openapi. */
  NO_PERMISSION: -604101,
  /** 'call open API system error': the handler itself failed (e.g. the file store could not write). */
  OPENAPI_SYSTEM_ERROR: -604103,
  /** 'system error': a CommApiData that is not an OPEN_API call (our choice). */
  SYSTEM_ERROR: -601001,
} as const;

/** JSON errcodes inside respData, from the public docs of each API. */
export const WX_ERRCODE = {
  /** subscribeMessage.send: touser is empty or not a valid openid. */
  INVALID_OPENID: 40003,
  /** subscribeMessage.send: template_id empty or wrong. */
  INVALID_TEMPLATE_ID: 40037,
  /** subscribeMessage.send: no one-time authorization left ("user refuse to accept the msg"). */
  USER_REFUSE: 43101,
  /** subscribeMessage.send: data / miniprogram_state invalid ("argument invalid!"). */
  ARGUMENT_INVALID: 47003,
  /** page path not valid (leading "/", not a string). Used by both APIs. */
  INVALID_PAGE: 41030,
  /** wxacode: generic "invalid args" (bad width / env_version; our use for those params). */
  INVALID_ARGS: 40097,
  /** wxacode.getUnlimited: scene empty or longer than 32 characters. */
  INVALID_SCENE_LENGTH: 40169,
  /** wxacode.getUnlimited: scene holds characters outside the allowed set (code is our choice, see README note). */
  INVALID_SCENE: 40129,
} as const;
