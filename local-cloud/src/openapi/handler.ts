import type { FileStore } from '../storage/file-store';
import type { OpenApiDb } from './openapi-db';
import type { OpenApiCaller } from './types';
import type { WxReply } from './wx-reply';

export interface HandlerContext {
  caller: OpenApiCaller;
  db: OpenApiDb;
  storage: FileStore;
  /** The phone number bound to an emulated WeChat account, if it has one. */
  accountPhone: (openid: string) => string | undefined;
}

/**
 * A reply, or a synchronous step that decides it. The step runs inside the same SQLite
 * transaction as the outbox row, so a quota taken is always a send logged (and vice versa).
 */
export type Prepared = WxReply | (() => WxReply);

/** One openapi (`<ns>.<method>`): validates the snake_case params and prepares the answer. */
export type ApiHandler = (params: Record<string, unknown>, ctx: HandlerContext) => Prepared | Promise<Prepared>;
