import { afterSend, subscribeCanReach, type NotifyChannel, type SubscribeMessage } from '@clinic/shared';
import { emptyGrants, grantCount, spendGrant } from '../../data/grants';
import type { Database } from '../../platform/db-types';
import { openapi } from '../../platform/sdk';

/** Whom a notification is for. */
export interface Recipient {
  staffId: string;
  /** Empty when the staff record is not bound to a WeChat account (only in-app reaches them). */
  openid: string;
}

/** What each channel's sender needs to send one notification. */
export interface Outgoing {
  recipient: Recipient;
  subscribe: SubscribeMessage;
  /** The template is long-term (no grant needed, the bank is not consulted). */
  longTerm: boolean;
}

/** 0 = delivered; otherwise the channel's error code (WeChat's errCode, -1 when it gave none). */
export type SendResult = { errCode: number };

/**
 * One sender per channel, behind one small interface: whether it can reach the person now, and
 * sending. WeCom app messages are a later sender of the same shape.
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

/** In-app: the outbox record itself is what the workbench badge and banner show. Always reaches. */
export const inAppSender: Sender = {
  channel: 'in_app',
  canReach: async () => true,
  send: async () => ({ errCode: 0 }),
};

export const SENDERS: Partial<Record<NotifyChannel, Sender>> = {
  subscribe: subscribeSender,
  in_app: inAppSender,
};
