import { randomUUID } from 'node:crypto';
import type { FileStore } from '../storage/file-store';
import { ApiType, decodeCommApiData, encodeCommOpenApiResp } from './codec';
import { SYSTEM_ERROR } from './errors';
import type { ApiHandler, HandlerContext, Prepared } from './handler';
import { parseMultipart } from './multipart';
import { getPhoneNumber } from './phonenumber';
import { OpenApiDb } from './openapi-db';
import { decodeParams } from './params';
import { sendSubscribeMessage } from './subscribe-message';
import type { OpenApiCaller, OutboxEntry } from './types';
import { getUnlimited } from './wxacode';
import type { WxReply } from './wx-reply';

export interface OpenApiServiceOptions {
  dataDir: string;
  /** The emulated clock; outbox times come from it. */
  now: () => Date;
  storage: FileStore;
  /**
   * The phone number each emulated WeChat account has (what getPhoneNumber hands out for the code
   * ACCOUNT_PHONE_CODE). Default: none.
   */
  accountPhone?: (openid: string) => string | undefined;
}

export interface HttpReply {
  status: number;
  contentType: string;
  body: Buffer;
}

const HANDLERS: Record<string, ApiHandler> = {
  'subscribeMessage.send': sendSubscribeMessage,
  'wxacode.getUnlimited': getUnlimited,
  'phonenumber.getPhoneNumber': getPhoneNumber,
};

/**
 * `action=wx.openApi` calls (docs/wire-protocol.md §8): permission check against the caller's config.json,
 * dispatch to the API, one outbox row per call, reply as a protobuf CommOpenApiResp.
 */
export class OpenApiService {
  private readonly db: OpenApiDb;

  constructor(private readonly opts: OpenApiServiceOptions) {
    this.db = new OpenApiDb(opts.dataDir);
  }

  async handleHttp(rawBody: Buffer, contentType: string, caller: OpenApiCaller): Promise<HttpReply> {
    let apiName = '';
    let params: Record<string, unknown> = {};
    try {
      const form = await parseMultipart(rawBody, contentType);
      apiName = form.fields.apiName ?? '';
      if (form.fields.action !== 'wx.openApi') return this.tcbError('INVALID_PARAM', 'action must be wx.openApi');
      const requestData = form.files.requestData;
      if (!apiName || !requestData) return this.tcbError('INVALID_PARAM', 'apiName and requestData are required');
      const message = decodeCommApiData(requestData);
      params = decodeParams(message.pairs);
      if (message.apiType !== ApiType.OPEN_API || message.hasNonOpenApiPayload) {
        return this.systemError(
          apiName,
          caller,
          params,
          SYSTEM_ERROR.SYSTEM_ERROR,
          'only OPEN_API calls are supported',
        );
      }
    } catch (err) {
      // Not multipart or not a CommApiData: the TCB layer's JSON error, which the SDK maps to -501007.
      return this.tcbError('INVALID_PARAM', `malformed openapi request: ${(err as Error).message}`);
    }

    if (!caller.permissions.includes(apiName)) {
      return this.systemError(
        apiName,
        caller,
        params,
        SYSTEM_ERROR.NO_PERMISSION,
        'function has no permission to call this API',
      );
    }
    const handler = HANDLERS[apiName];
    if (!handler) return this.systemError(apiName, caller, params, SYSTEM_ERROR.API_NOT_FOUND, 'API not found');

    const ctx: HandlerContext = {
      caller,
      db: this.db,
      storage: this.opts.storage,
      accountPhone: this.opts.accountPhone ?? (() => undefined),
    };
    let reply: WxReply;
    try {
      reply = this.commit(await handler(params, ctx), apiName, caller, params);
    } catch (err) {
      const message = `call open API system error: ${(err as Error).message}`;
      return this.systemError(apiName, caller, params, SYSTEM_ERROR.OPENAPI_SYSTEM_ERROR, message);
    }
    return reply.type === 'json'
      ? protobufReply({
          respData: Buffer.from(JSON.stringify(reply.body)),
          contentType: 'application/json',
          httpCode: 200,
        })
      : protobufReply({ respData: reply.bytes, contentType: reply.contentType, httpCode: 200 });
  }

  /** Adds `count` one-time authorizations (each subscribe tap in the mini-program grants one). */
  grant(openid: string, templateId: string, count: number): { remaining: number } {
    if (!Number.isInteger(count) || count < 1) throw new RangeError('count must be a positive integer');
    return { remaining: this.db.addGrants(openid, templateId, count) };
  }

  remaining(openid: string, templateId: string): number {
    return this.db.remaining(openid, templateId);
  }

  /** Every openapi call so far, newest last. */
  outbox(): OutboxEntry[] {
    return this.db.outbox();
  }

  /** An outbox row for a call to an emulated service outside `wx.openApi` (e.g. the WeCom stand-in). */
  recordExternal(entry: OutboxEntry): void {
    this.db.appendOutbox(entry);
  }

  close(): void {
    this.db.close();
  }

  /** Decides the reply and logs it in one transaction (see Prepared). */
  private commit(prepared: Prepared, apiName: string, caller: OpenApiCaller, params: Record<string, unknown>): WxReply {
    return this.db.transaction(() => {
      const reply = typeof prepared === 'function' ? prepared() : prepared;
      const failed = reply.type === 'json' && reply.body.errcode !== 0;
      this.record(apiName, caller, params, {
        result: failed ? 'error' : 'ok',
        ...(failed && reply.type === 'json' ? { errCode: reply.body.errcode, errMsg: reply.body.errmsg } : {}),
        ...(reply.fileId ? { fileId: reply.fileId } : {}),
      });
      return reply;
    });
  }

  private systemError(
    apiName: string,
    caller: OpenApiCaller,
    params: Record<string, unknown>,
    errorCode: number,
    errMsg: string,
  ): HttpReply {
    this.record(apiName, caller, params, { result: 'error', errCode: errorCode, errMsg });
    return protobufReply({ errorCode, httpCode: 200 });
  }

  private record(
    apiName: string,
    caller: OpenApiCaller,
    params: Record<string, unknown>,
    outcome: Pick<OutboxEntry, 'result' | 'errCode' | 'errMsg' | 'fileId'>,
  ): void {
    this.db.appendOutbox({
      id: randomUUID(),
      at: this.opts.now().toISOString(),
      apiName,
      functionName: caller.functionName,
      caller: caller.openid,
      params,
      ...outcome,
    });
  }

  /** TCB-level failures are a JSON envelope, not protobuf; the SDK falls back to parsing it (§8). */
  private tcbError(code: string, message: string): HttpReply {
    const body = { code, message, requestId: `local-${randomUUID()}` };
    return { status: 200, contentType: 'application/json', body: Buffer.from(JSON.stringify(body)) };
  }
}

/** Must not be exactly `application/json; charset=utf-8`, or node-sdk would JSON-parse the protobuf (§8). */
function protobufReply(resp: Parameters<typeof encodeCommOpenApiResp>[0]): HttpReply {
  return { status: 200, contentType: 'application/octet-stream', body: encodeCommOpenApiResp(resp) };
}
