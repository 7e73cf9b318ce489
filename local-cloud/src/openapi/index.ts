export { OpenApiService, type HttpReply, type OpenApiServiceOptions } from './service';
export type { OpenApiCaller, OutboxEntry } from './types';
export { SYSTEM_ERROR, WX_ERRCODE } from './errors';
export { ACCOUNT_PHONE_CODE, DEMO_PHONE_CODE_RE } from './phonenumber';
export { SCENE_MAX_CHARS, checkPage, checkScene } from './scene-rules';
export {
  ApiType,
  decodeCommApiData,
  decodeCommOpenApiResp,
  encodeCommApiData,
  encodeCommOpenApiResp,
  type CommApiData,
  type CommOpenApiResp,
  type KeyValuePair,
} from './codec';
