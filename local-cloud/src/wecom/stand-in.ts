import { randomBytes, randomUUID } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import type { OutboxEntry } from '../openapi';

/** The corp a local cloud's WeCom stand-in answers for (what a clinic configures by environment). */
export interface WeComConfig {
  corpId: string;
  /** The self-built application's secret (应用 Secret). */
  secret: string;
  agentId: string;
  /** The mini-program associated with the application: miniprogram_notice may only open it. */
  miniprogramAppId: string;
  /** WeCom member ids (成员 UserID) of the corp; a message to none of them is 81013. */
  userIds: readonly string[];
}

export interface WeComStandInOptions {
  config: WeComConfig;
  /** The emulated clock (tokens expire on it). */
  now: () => Date;
  /** Every message/send, delivered or refused, becomes one outbox row. */
  record: (entry: OutboxEntry) => void;
}

/** 企业微信's token lifetime. */
const TOKEN_SECONDS = 7200;

/**
 * WeCom error codes the stand-in answers (企业微信 全局错误码): the ones a sender must handle.
 * 40014 / 42001 mean "get a new token and try once more"; the others are configuration or data
 * problems a retry will not fix.
 */
export const WECOM_ERRCODE = {
  invalidCorpId: 40013,
  invalidSecret: 40001,
  invalidToken: 40014,
  tokenExpired: 42001,
  invalidMessageType: 40008,
  invalidParameter: 40058,
  allRecipientsInvalid: 81013,
} as const;

const chars = (s: unknown) => (typeof s === 'string' ? [...s].length : -1);

/**
 * A stand-in for the two endpoints of 企业微信's server API that staff notifications use:
 * `GET /cgi-bin/gettoken` and `POST /cgi-bin/message/send` with `msgtype: miniprogram_notice` (a
 * card that opens a page of the associated mini-program). It checks what the real service checks
 * that a sender can get wrong (credentials, token lifetime, message type, appid, title and item
 * lengths, recipients) and records every send in the local cloud's outbox. The real service also
 * refuses calls from IPs not on the application's trusted list (60020); locally there is no such list.
 */
export class WeComStandIn {
  private readonly tokens = new Map<string, number>();

  constructor(private readonly opts: WeComStandInOptions) {}

  router(): Router {
    const r = express.Router();
    r.use(express.json({ limit: '64kb' }));
    r.get('/cgi-bin/gettoken', (req, res) => this.getToken(req, res));
    r.post('/cgi-bin/message/send', (req, res) => this.send(req, res));
    return r;
  }

  /** How many tokens were handed out (a sender should keep one for its lifetime). */
  tokensIssued(): number {
    return this.tokens.size;
  }

  /** Ends every token now (the stand-in's way to exercise a sender's 42001 handling). */
  expireTokens(): void {
    for (const token of this.tokens.keys()) this.tokens.set(token, 0);
  }

  private getToken(req: Request, res: Response): void {
    const { corpid, corpsecret } = req.query;
    const { config } = this.opts;
    if (corpid !== config.corpId) return void res.json(error(WECOM_ERRCODE.invalidCorpId, 'invalid corpid'));
    if (corpsecret !== config.secret) return void res.json(error(WECOM_ERRCODE.invalidSecret, 'invalid credential'));
    const token = randomBytes(24).toString('hex');
    this.tokens.set(token, this.opts.now().getTime() + TOKEN_SECONDS * 1000);
    res.json({ errcode: 0, errmsg: 'ok', access_token: token, expires_in: TOKEN_SECONDS });
  }

  private send(req: Request, res: Response): void {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const reply = this.decide(String(req.query.access_token ?? ''), body);
    this.opts.record({
      id: randomUUID(),
      at: this.opts.now().toISOString(),
      apiName: 'wecom.message.send',
      functionName: '',
      caller: typeof body.touser === 'string' ? body.touser : '',
      params: body,
      result: reply.errcode === 0 ? 'ok' : 'error',
      ...(reply.errcode !== 0 ? { errCode: reply.errcode, errMsg: reply.errmsg } : {}),
    });
    res.json(reply);
  }

  private decide(token: string, body: Record<string, unknown>): WeComReply {
    const expiresAt = this.tokens.get(token);
    if (expiresAt === undefined) return error(WECOM_ERRCODE.invalidToken, 'invalid access_token');
    if (this.opts.now().getTime() >= expiresAt) return error(WECOM_ERRCODE.tokenExpired, 'access_token expired');
    if (body.msgtype !== 'miniprogram_notice') return error(WECOM_ERRCODE.invalidMessageType, 'invalid message type');
    const notice = body.miniprogram_notice as Record<string, unknown> | undefined;
    if (!notice || typeof notice !== 'object')
      return error(WECOM_ERRCODE.invalidParameter, 'miniprogram_notice missing');
    if (notice.appid !== this.opts.config.miniprogramAppId) {
      return error(WECOM_ERRCODE.invalidParameter, 'appid is not the mini-program of this application');
    }
    const title = chars(notice.title);
    if (title < 4 || title > 12) return error(WECOM_ERRCODE.invalidParameter, 'title must be 4-12 characters');
    if (notice.description !== undefined) {
      const d = chars(notice.description);
      if (d < 4 || d > 12) return error(WECOM_ERRCODE.invalidParameter, 'description must be 4-12 characters');
    }
    const items = notice.content_item ?? [];
    if (!Array.isArray(items) || items.length > 10)
      return error(WECOM_ERRCODE.invalidParameter, 'at most 10 content_item');
    for (const item of items as Record<string, unknown>[]) {
      if (chars(item.key) > 10 || chars(item.value) > 30) {
        return error(WECOM_ERRCODE.invalidParameter, 'content_item key ≤ 10, value ≤ 30 characters');
      }
    }
    if (typeof notice.page === 'string' && Buffer.byteLength(notice.page) > 1024) {
      return error(WECOM_ERRCODE.invalidParameter, 'page longer than 1024 bytes');
    }
    const to = typeof body.touser === 'string' ? body.touser.split('|').filter(Boolean) : [];
    const known = new Set(this.opts.config.userIds);
    const invalid = to.filter((u) => !known.has(u));
    if (to.length === 0 || invalid.length === to.length) {
      return { ...error(WECOM_ERRCODE.allRecipientsInvalid, 'all recipients invalid'), invaliduser: invalid.join('|') };
    }
    return {
      errcode: 0,
      errmsg: 'ok',
      ...(invalid.length > 0 ? { invaliduser: invalid.join('|') } : {}),
      msgid: randomBytes(16).toString('hex'),
    };
  }
}

interface WeComReply {
  errcode: number;
  errmsg: string;
  invaliduser?: string;
  msgid?: string;
}

const error = (errcode: number, errmsg: string): WeComReply => ({ errcode, errmsg });

/** The environment variables a function needs to reach this corp (a real deployment sets the same, minus the base URL). */
export function wecomEnvironment(config: WeComConfig, apiBase: string): Record<string, string> {
  return {
    WECOM_API_BASE: apiBase,
    WECOM_CORP_ID: config.corpId,
    WECOM_AGENT_ID: config.agentId,
    WECOM_SECRET: config.secret,
    WECOM_MINIPROGRAM_APPID: config.miniprogramAppId,
  };
}
