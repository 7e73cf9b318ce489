import {
  referralUpdateKey,
  referralUpdateMessage,
  referralUpdateSummary,
  type ClinicSettings,
  type Customer,
  type ReferralProgress,
} from '@clinic/shared';
import { loadSettings } from '../data/clinic';
import { getCustomer } from '../data/customers';
import type { Stored } from '../data/documents';
import { grantCount } from '../data/grants';
import type { Database } from '../platform/db-types';
import { deliver, type Delivery } from './notifier';

/** One moment of a referred friend's way to a deal, for the old customer who referred them. */
export interface ReferrerUpdate {
  progress: ReferralProgress;
  /**
   * What the moment is about, for its idempotency key: the friend's customer id for booked and
   * visited (each is announced once per friend, however often they rebook or come back), the ledger
   * entry for rewarded (each credit once).
   */
  eventId: string;
  chainId: string;
  referrerCustomerId: string;
  friendMaskedName: string;
  /** The Shanghai date of the moment. */
  date: string;
  detail?: string;
}

/**
 * Tells a referrer how their friend is doing (好友已预约 / 已到院 / 奖励已到账) through the notifier:
 * a subscribe message when the referrer banked a grant on their card page, else an in-app record.
 * Runs after the business write has committed and never fails it: a notification that breaks is
 * logged and the booking, visit or deal stands.
 */
export async function notifyReferrer(
  db: Database,
  update: ReferrerUpdate,
  now: Date,
  /** What the calling function has loaded already (saves the reads). */
  loaded: { referrer?: Stored<Customer>; settings?: ClinicSettings } = {},
): Promise<Delivery | null> {
  try {
    const known = loaded.referrer?._id === update.referrerCustomerId ? loaded.referrer : undefined;
    const [referrer, settings] = await Promise.all([
      known ?? getCustomer(db, update.referrerCustomerId),
      loaded.settings ?? loadSettings(db, update.chainId),
    ]);
    if (!referrer) return null;
    const { notifications } = settings;
    const openid = await reachableOpenid(db, referrer.openids ?? [], notifications.referralUpdateTemplateId);
    const facts = {
      touser: openid,
      templateId: notifications.referralUpdateTemplateId,
      progress: update.progress,
      friendMaskedName: update.friendMaskedName,
      date: update.date,
      ...(update.detail ? { detail: update.detail } : {}),
    };
    return await deliver(
      db,
      {
        key: referralUpdateKey(update.progress, update.eventId),
        kind: 'referral_update',
        chainId: update.chainId,
        date: update.date,
        recipient: { audience: 'customer', id: referrer._id, openid },
        order: notifications.channelOrder.referral_update,
        longTerm: false,
        subscribe: referralUpdateMessage(facts),
        summary: referralUpdateSummary(facts),
      },
      now,
    );
  } catch (e) {
    console.error(`[referrer-updates] ${update.progress} ${update.eventId} not delivered`, e);
    return null;
  }
}

/**
 * Of the WeChat accounts linked to the referrer (almost always one), the one that banked the most
 * authorizations of the template; with none banked, the one linked last.
 */
async function reachableOpenid(db: Database, openids: readonly string[], templateId: string): Promise<string> {
  if (openids.length <= 1) return openids[0] ?? '';
  const counts = await Promise.all(openids.map((o) => grantCount(db, o, templateId)));
  const best = counts.reduce((at, n, i) => (n > (counts[at] ?? 0) ? i : at), openids.length - 1);
  return openids[best] ?? '';
}
