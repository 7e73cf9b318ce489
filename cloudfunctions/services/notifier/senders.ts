import {
  afterSend,
  subscribeCanReach,
  type NotifyAudience,
  type NotifyChannel,
  type SubscribeMessage,
  type WeComNotice,
} from '@clinic/shared';
import { emptyGrants, grantCount, spendGrant } from '../../data/grants';
import type { Database } from '../../platform/db-types';
import { openapi } from '../../platform/sdk';
import { sendMiniprogramNotice, wecomConfigured } from '../../platform/wecom';

/** Whom a notification is for: a colleague or a customer, by their record's id. */
export interface Recipient {
  audience: NotifyAudience;
  /** The staff record's id (audience staff) or the customer record's id (audience customer). */
  id: string;
  /** Empty when the record is not bound to a WeChat account (only in-app reaches them). */
  openid: string;
  /** A colleague's 企业微信 member id, when the clinic reaches staff through WeCom. */
  wecomUserId?: string;
}

/** What each channel's sender needs to send one notification. */
export interface Outgoing {
  recipient: Recipient;
  subscribe: SubscribeMessage;
  /** The template is long-term (no grant needed, the bank is not consulted). */
  longTerm: boolean;
  /** The same message as a 企业微信 card (absent: this kind is not sent through WeCom). */
  wecom?: WeComNotice;
}

/** 0 = delivered; otherwise the channel's error code (WeChat's errCode, -1 when it gave none). */
export type SendResult = { errCode: number };

/**
 * One sender per channel, behind one small interface: whether it can reach the person now, and
 * sending.
 */
export interface Sender {
  channel: NotifyChannel;
  canReach(db: Database, out: Outgoing): Promise<boolean>;
  send(db: Database, out: Outgoing, at: string): Promise<SendResult>;
}

const errCodeOf = (e: unknown): number => {
  const code = (e as { errCode?: unknown } | null)?.errCode;
  return typeof code === 'number' && code !== 0 ? code : -1;
};

/** WeChat subscribe messages: one-time grants banked per person and template, or a long-term template. */
export const subscribeSender: Sender = {
  channel: 'subscribe',
  async canReach(db, out) {
    if (!out.recipient.openid) return false;
    if (out.longTerm) return true;
    return subscribeCanReach(await grantCount(db, out.recipient.openid, out.subscribe.templateId), false);
  },
  async send(db, out, at) {
    const { openid } = out.recipient;
    let errCode = 0;
    try {
      await openapi.sendSubscribeMessage({ ...out.subscribe, touser: openid, data: { ...out.subscribe.data } });
    } catch (e) {
      errCode = errCodeOf(e);
    }
    if (!out.longTerm) {
      // The bank follows WeChat: a success spends one, 43101 empties it, anything else leaves it.
      const before = await grantCount(db, openid, out.subscribe.templateId);
      const after = afterSend(before, errCode);
      if (errCode === 0) await spendGrant(db, openid, out.subscribe.templateId, at);
      else if (after !== before) await emptyGrants(db, openid, out.subscribe.templateId, at);
    }
    return { errCode };
  },
};

/** WeCom's answer when none of the recipients is a member (left the corp, wrong id). */
const WECOM_NO_RECIPIENT = 81013;

/**
 * 企业微信 application messages: reach a colleague with a member id when the functions have the
 * corp's environment (platform/wecom.ts). No grants: WeCom delivers every message.
 */
export const wecomSender: Sender = {
  channel: 'wecom',
  canReach: async (_db, out) =>
    Boolean(out.recipient.audience === 'staff' && out.wecom && out.recipient.wecomUserId && wecomConfigured()),
  async send(_db, out, at) {
    const result = await sendMiniprogramNotice(
      [out.recipient.wecomUserId as string],
      out.wecom as WeComNotice,
      Date.parse(at),
    );
    if (result.ok) return { errCode: 0 };
    if (result.reason === 'recipient') return { errCode: WECOM_NO_RECIPIENT };
    return { errCode: result.errcode ?? -1 };
  },
};

/** In-app: the outbox record itself is what the workbench badge and banner show. Always reaches. */
export const inAppSender: Sender = {
  channel: 'in_app',
  canReach: async () => true,
  send: async () => ({ errCode: 0 }),
};

export const SENDERS: Partial<Record<NotifyChannel, Sender>> = {
  subscribe: subscribeSender,
  wecom: wecomSender,
  in_app: inAppSender,
};
