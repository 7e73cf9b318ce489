import type { MessageKind, NotifyAudience, NotifyChannel } from '@clinic/shared';
import type { Database } from '../platform/db-types';
import { COLLECTIONS } from './collections';
import { isMissingCollection } from './documents';
import { getById } from './read';

/** claimed → sent (a channel delivered it) / in_app (recorded for the workbench) / failed. */
export type NotificationStatus = 'claimed' | 'sent' | 'in_app' | 'failed';

/** The outbox: one document per notification, `_id` = its idempotency key. */
export type NotificationDoc = {
  kind: MessageKind;
  chainId: string;
  audience: NotifyAudience;
  /** The colleague it is for (audience staff): the workbench badge counts these. */
  staffId?: string;
  /** The customer it is for (audience customer). */
  customerId?: string;
  /** The Shanghai date the notification is about (the digest's day). */
  date: string;
  status: NotificationStatus;
  claimedAt: string;
  channel?: NotifyChannel;
  doneAt?: string;
  /** Channels tried before the one used, with WeChat's answer (e.g. subscribe → 43101). */
  attempts?: { channel: NotifyChannel; errCode: number }[];
  /** What an in-app notification shows (the digest's line and counts). */
  summary: string;
  counts?: { today: number; overdue: number };
  /** When the person saw an in-app notification (the workbench showed it). */
  seenAt?: string;
};

export const getNotification = (db: Database, key: string) =>
  getById<NotificationDoc>(db, COLLECTIONS.notifications, key);

/**
 * Claims a notification before anything is sent: adding a document with a fixed `_id` fails when it
 * exists, so of two runs that race for one key exactly one wins. Any failed add is checked against
 * the stored document: if the key is there, someone (perhaps this very request, retried) claimed it.
 */
export async function claimNotification(
  db: Database,
  key: string,
  doc: Omit<NotificationDoc, 'status'>,
): Promise<boolean> {
  try {
    await db.collection<NotificationDoc & { _id?: string }>(COLLECTIONS.notifications).add({
      data: { _id: key, ...doc, status: 'claimed' },
    });
    return true;
  } catch (e) {
    if (await getNotification(db, key)) return false;
    throw e;
  }
}

export async function finishNotification(
  db: Database,
  key: string,
  outcome: Pick<NotificationDoc, 'status' | 'doneAt'> & Partial<Pick<NotificationDoc, 'channel' | 'attempts'>>,
): Promise<void> {
  await db.collection(COLLECTIONS.notifications).doc(key).update({ data: outcome });
}

const unseenInApp = (db: Database, staffId: string) => ({
  staffId,
  status: 'in_app',
  seenAt: db.command.exists!(false),
});

/** In-app notifications the person has not seen yet (the workbench badge). */
export async function countUnseenInApp(db: Database, staffId: string): Promise<number> {
  try {
    const { total } = await db.collection(COLLECTIONS.notifications).where(unseenInApp(db, staffId)).count();
    return total;
  } catch (e) {
    if (isMissingCollection(e)) return 0;
    throw e;
  }
}

/** The workbench showed them: one multi-document update. */
export async function markInAppSeen(db: Database, staffId: string, at: string): Promise<void> {
  await db
    .collection(COLLECTIONS.notifications)
    .where(unseenInApp(db, staffId))
    .update({ data: { seenAt: at } });
}
