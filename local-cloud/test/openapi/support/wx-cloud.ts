/**
 * The slice of the REAL wx-server-sdk 4.0.2 these tests drive, typed locally because the SDK's
 * own typings do not compile under `strict`. Loaded with require() so each jest file gets a fresh singleton.
 */
export interface SdkError extends Error {
  errCode: number;
  errMsg: string;
}

export interface WxCloud {
  init(opts: { env: string; timeout?: number }): void;
  openapi: Record<string, Record<string, (params: Record<string, unknown>) => Promise<Record<string, unknown>>>>;
  uploadFile(opts: {
    cloudPath: string;
    fileContent: Buffer;
  }): Promise<{ fileID: string; statusCode: number; errMsg: string }>;
  getTempFileURL(opts: { fileList: (string | { fileID: string; maxAge: number })[] }): Promise<{
    fileList: { fileID: string; status: number; errMsg: string; maxAge?: number; tempFileURL: string }[];
    errMsg: string;
  }>;
  downloadFile(opts: { fileID: string }): Promise<{ fileContent: Buffer; statusCode: number; errMsg: string }>;
  deleteFile(opts: {
    fileList: string[];
  }): Promise<{ fileList: { fileID: string; status: number; errMsg: string }[]; errMsg: string }>;
}

export const ENV_ID = 'test-env-1a2b';

/** The minimal working env of docs/wire-protocol.md §1, pointing the SDK at one invocation path of the stand-in. */
export function pointSdkAt(adminUrl: string, openid = 'oTESTOPENID'): void {
  Object.assign(process.env, {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: adminUrl }),
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_SECRETID: 'dummy-id',
    TENCENTCLOUD_SECRETKEY: 'dummy-key',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    TCB_ENV: ENV_ID,
    SCF_NAMESPACE: ENV_ID,
    TCB_CONTEXT_KEYS: 'TCB_ENV,TCB_SEQID,TCB_SOURCE',
    TCB_SOURCE: 'wx_client',
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID,WX_CLIENTIP,WX_API_TOKEN',
    WX_OPENID: openid,
    WX_APPID: 'wxappid0001',
    WX_API_TOKEN: 'wx-api-token-xyz',
  });
}

/** Call after pointSdkAt: init reads the env once, the rest is re-read per request. */
export function loadCloud(): WxCloud {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk') as WxCloud;
  cloud.init({ env: ENV_ID });
  return cloud;
}

/** Await a promise that must reject with an SDK error, and return that error. */
export async function sdkError(promise: Promise<unknown>): Promise<SdkError> {
  try {
    await promise;
  } catch (err) {
    return err as SdkError;
  }
  throw new Error('expected the SDK call to fail');
}
