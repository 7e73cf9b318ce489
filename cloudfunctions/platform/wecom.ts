/**
 * 企业微信 application messages (`miniprogram_notice`: a card that opens a page of the clinic's
 * mini-program). Configured by the function's environment variables (README "Deploy": corp id,
 * agent id, the application's secret, the associated mini-program's appid); without them the
 * channel is simply not available. A real deployment must call from an IP on the application's
 * trusted list (企业可信IP), which for cloud functions means a fixed outbound IP.
 */
import { checkWeComNotice, type WeComNotice } from '@clinic/shared';

interface WeComEnv {
  base: string;
  corpId: string;
  agentId: string;
  secret: string;
  appid: string;
}

/** The WeCom settings of this function's environment, or null when it has none. */
function wecomEnv(): WeComEnv | null {
  const e = process.env;
  if (!e.WECOM_CORP_ID || !e.WECOM_SECRET || !e.WECOM_MINIPROGRAM_APPID) return null;
  return {
    base: e.WECOM_API_BASE || 'https://qyapi.weixin.qq.com',
    corpId: e.WECOM_CORP_ID,
    agentId: e.WECOM_AGENT_ID ?? '',
    secret: e.WECOM_SECRET,
    appid: e.WECOM_MINIPROGRAM_APPID,
  };
}

export const wecomConfigured = (): boolean => wecomEnv() !== null;

export type WeComSendResult =
  | { ok: true; msgid: string; invalidUsers: string[] }
  | {
      ok: false;
      /** not_configured / recipient (nobody of these is a member) / rejected (the message or the
       * configuration is wrong: a retry will not help) / transient (network, service busy). */
      reason: 'not_configured' | 'recipient' | 'rejected' | 'transient';
      errcode?: number;
      message: string;
    };

const TOKEN_INVALID = new Set([40014, 42001]);
const RECIPIENTS_INVALID = 81013;
/** -1 is "system busy"; 45009 is the API's frequency limit. */
const TRANSIENT = new Set([-1, 45009]);
const TIMEOUT_MS = 5_000;
/** A token is renewed this long before WeCom says it expires. */
const RENEW_EARLY_MS = 5 * 60_000;

/** One token per function instance, shared by its calls (WeCom limits how often one is fetched). */
let cached: { key: string; token: string; renewAt: number } | null = null;

async function getJson(url: string, init?: RequestInit): Promise<Record<string, unknown>> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  return (await res.json()) as Record<string, unknown>;
}

async function accessToken(env: WeComEnv, nowMs: number): Promise<string | { errcode: number; message: string }> {
  const key = `${env.base}|${env.corpId}`;
  if (cached && cached.key === key && nowMs < cached.renewAt) return cached.token;
  const q = new URLSearchParams({ corpid: env.corpId, corpsecret: env.secret });
  const reply = await getJson(`${env.base}/cgi-bin/gettoken?${q}`);
  if (reply.errcode !== 0 || typeof reply.access_token !== 'string') {
    return { errcode: Number(reply.errcode), message: String(reply.errmsg ?? 'gettoken failed') };
  }
  const lifetimeMs = Number(reply.expires_in ?? 7200) * 1000;
  cached = { key, token: reply.access_token, renewAt: nowMs + Math.max(0, lifetimeMs - RENEW_EARLY_MS) };
  return reply.access_token;
}

/**
 * Sends the notice to these WeCom members. A token WeCom no longer accepts (40014, 42001) is
 * fetched again once; a notice outside WeCom's limits is refused here, before any request.
 */
export async function sendMiniprogramNotice(
  userIds: readonly string[],
  notice: WeComNotice,
  nowMs: number = Date.now(),
): Promise<WeComSendResult> {
  const env = wecomEnv();
  if (!env) return { ok: false, reason: 'not_configured', message: '未配置企业微信' };
  const problems = checkWeComNotice(notice);
  if (problems.length > 0) return { ok: false, reason: 'rejected', message: problems.join('；') };
  const body = JSON.stringify({
    touser: userIds.join('|'),
    msgtype: 'miniprogram_notice',
    miniprogram_notice: {
      appid: env.appid,
      page: notice.page,
      title: notice.title,
      ...(notice.description !== undefined ? { description: notice.description } : {}),
      emphasis_first_item: notice.emphasiseFirst ?? false,
      content_item: notice.items,
    },
  });
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      const token = await accessToken(env, nowMs);
      if (typeof token !== 'string') {
        return { ok: false, reason: TRANSIENT.has(token.errcode) ? 'transient' : 'rejected', ...token };
      }
      const reply = await getJson(`${env.base}/cgi-bin/message/send?access_token=${encodeURIComponent(token)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      const errcode = Number(reply.errcode);
      if (errcode === 0) {
        const invalid = typeof reply.invaliduser === 'string' && reply.invaliduser ? reply.invaliduser.split('|') : [];
        return { ok: true, msgid: String(reply.msgid ?? ''), invalidUsers: invalid };
      }
      if (TOKEN_INVALID.has(errcode) && attempt === 0) {
        cached = null;
        continue;
      }
      const message = String(reply.errmsg ?? '');
      if (errcode === RECIPIENTS_INVALID) return { ok: false, reason: 'recipient', errcode, message };
      return { ok: false, reason: TRANSIENT.has(errcode) ? 'transient' : 'rejected', errcode, message };
    }
    return { ok: false, reason: 'transient', message: 'token refused twice' };
  } catch (e) {
    return { ok: false, reason: 'transient', message: e instanceof Error ? e.message : String(e) };
  }
}

/** Forgets the instance's token (tests switch between corps). */
export function resetWeComToken(): void {
  cached = null;
}
