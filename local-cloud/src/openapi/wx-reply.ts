import { randomBytes } from 'node:crypto';

/** What an API handler answers; the service wraps it into CommOpenApiResp. */
export type WxReply =
  | { type: 'json'; body: WxJson; fileId?: undefined }
  | { type: 'binary'; contentType: string; bytes: Buffer; fileId?: string };

export interface WxJson {
  errcode: number;
  errmsg: string;
  [key: string]: unknown;
}

export function wxOk(extra: Record<string, unknown> = {}): WxReply {
  return { type: 'json', body: { errcode: 0, errmsg: 'ok', ...extra } };
}

/** Real errmsgs end in " rid: <request id>"; code that logs or matches errmsg should see the same shape. */
export function wxError(errcode: number, message: string): WxReply {
  return { type: 'json', body: { errcode, errmsg: `${message} rid: ${newRid()}` } };
}

function newRid(): string {
  const hex = (n: number): string => randomBytes(n).toString('hex');
  return `${hex(4)}-${hex(4)}-${hex(4)}`;
}
