import { chooseChannel, type MessageKind, type NotifyChannel, type Reach } from '@clinic/shared';
import { claimNotification, finishNotification, type NotificationStatus } from '../../data/notifications';
import type { Database } from '../../platform/db-types';
import { SENDERS, type Outgoing, type Sender } from './senders';

export type { Recipient, Sender } from './senders';

/** One notification for one person, with what every channel needs to deliver it. */
export interface Notification extends Outgoing {
  /** The idempotency key: the outbox `_id` (e.g. digestKey(staffId, date)). */
  key: string;
  kind: MessageKind;
  chainId: string;
  date: string;
  /** The clinic's channel order for this kind (settings `notifications.channelOrder`). */
  order: readonly NotifyChannel[];
  /** What the in-app record shows. */
  summary: string;
  /** The digest's counts (the workbench badge); absent for other kinds. */
  counts?: { today: number; overdue: number };
}

export type Delivery =
  | { outcome: 'duplicate' }
  | { outcome: NotificationStatus; channel: NotifyChannel; attempts: { channel: NotifyChannel; errCode: number }[] };

/**
 * Delivers a notification at most once: the outbox record is claimed first (a second claim of the
 * key is a duplicate and sends nothing), the channel is the first of the clinic's order that can
 * reach the person, and a channel that fails hands over to in-app, so the person still sees it
 * in the workbench. The outcome is recorded on the claimed record.
 */
export async function deliver(
  db: Database,
  message: Notification,
  now: Date,
  senders: Partial<Record<NotifyChannel, Sender>> = SENDERS,
): Promise<Delivery> {
  const at = now.toISOString();
  const claimed = await claimNotification(db, message.key, {
    kind: message.kind,
    chainId: message.chainId,
    audience: message.recipient.audience,
    ...(message.recipient.audience === 'staff'
      ? { staffId: message.recipient.id }
      : { customerId: message.recipient.id }),
    date: message.date,
    claimedAt: at,
    summary: message.summary,
    ...(message.counts ? { counts: message.counts } : {}),
  });
  if (!claimed) return { outcome: 'duplicate' };

  try {
    return await send(db, message, now, senders);
  } catch (e) {
    // Claimed but not known to be delivered: recorded as failed, never sent again (at most once).
    console.error(`[notifier] ${message.key} failed`, e);
    await finishNotification(db, message.key, { status: 'failed', doneAt: now.toISOString() });
    return { outcome: 'failed', channel: 'in_app', attempts: [] };
  }
}

async function send(
  db: Database,
  message: Notification,
  now: Date,
  senders: Partial<Record<NotifyChannel, Sender>>,
): Promise<Delivery> {
  const at = now.toISOString();
  const reach: Reach = {};
  for (const channel of message.order) {
    const sender = senders[channel];
    reach[channel] = sender ? await sender.canReach(db, message) : false;
  }
  const attempts: { channel: NotifyChannel; errCode: number }[] = [];
  let channel = chooseChannel(message.order, reach);
  // Only channels not tried yet: a failed one is out of reach for this notification.
  while (channel !== 'in_app') {
    const { errCode } = await (senders[channel] as Sender).send(db, message, at);
    if (errCode === 0) break;
    attempts.push({ channel, errCode });
    reach[channel] = false;
    channel = chooseChannel(message.order, reach);
  }
  if (channel === 'in_app') await (senders.in_app ?? SENDERS.in_app!).send(db, message, at);
  const status: NotificationStatus = channel === 'in_app' ? 'in_app' : 'sent';
  await finishNotification(db, message.key, {
    status,
    channel,
    doneAt: now.toISOString(),
    ...(attempts.length ? { attempts } : {}),
  });
  return { outcome: status, channel, attempts };
}
