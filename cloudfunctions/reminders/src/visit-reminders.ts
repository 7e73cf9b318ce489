import { addDays, localDate, NO_GRANT, visitReminderMessage, type Booking } from '@clinic/shared';
import { COLLECTIONS } from '../../data/collections';
import { getProduct, getStore } from '../../data/clinic';
import type { HandlerContext } from '../../platform/define-function';
import { deliver, type Delivery } from '../../services/notifier';
import { getNotification } from '../../data/notifications';
import { chainSettings } from './chains';

const PAGE = 100;
/** Stop taking new pages well before the 60 s timeout; the next run picks up what is left. */
const TIME_BUDGET_MS = 45_000;

export type ReminderStatus = 'sending' | 'sent' | 'no_grant' | 'failed';

type BookingDoc = Booking & { _id: string; reminder?: { status: ReminderStatus; at: string; errCode?: number } };

export interface ReminderRun {
  sent: number;
  noGrant: number;
  failed: number;
  /** Bookings another run had already claimed. */
  skipped: number;
}

/**
 * Sends each booked customer one reminder before their visit, through the notifier (a subscribe
 * message when the customer banked a grant, else an in-app record). A booking is marked `sending`
 * before delivery — the mark is what moves the paging on — and the notifier's outbox claim keyed
 * by the booking makes it at most once even when runs overlap or retry.
 */
export async function sendVisitReminders({ db, now }: HandlerContext): Promise<ReminderRun> {
  const started = Date.now();
  const _ = db.command;
  const bookings = db.collection<BookingDoc>(COLLECTIONS.bookings);
  const names = new Map<string, string>();
  const run: ReminderRun = { sent: 0, noGrant: 0, failed: 0, skipped: 0 };

  const nameOf = async (kind: 'store' | 'product', id: string) => {
    const key = `${kind}:${id}`;
    if (!names.has(key)) {
      const doc = kind === 'store' ? await getStore(db, id) : await getProduct(db, id);
      names.set(key, doc?.name ?? '');
    }
    return names.get(key) as string;
  };

  // Each chain has its own settings (days ahead, template); without a settings document the
  // defaults apply to every booking.
  const chains = await chainSettings(db);
  const today = localDate(now);
  for (const { chainId, settings } of chains) {
    const date = addDays(today, settings.visitReminderDaysBefore);
    const query = { ...(chainId ? { chainId } : {}), date, status: 'booked', reminder: _.exists!(false) };
    while (Date.now() - started < TIME_BUDGET_MS) {
      // Every booking of a page gets marked, so the next read returns the next page.
      const { data } = await bookings.where(query).limit(PAGE).get();
      if (data.length === 0) break;
      for (const booking of data) {
        const at = now.toISOString();
        const claim = await bookings
          .where({ _id: booking._id, reminder: _.exists!(false) })
          .update({ data: { reminder: { status: 'sending', at } } });
        if (claim.stats.updated === 0) {
          run.skipped += 1;
          continue;
        }
        const delivery = await deliver(
          db,
          {
            key: visitReminderKey(booking),
            kind: 'visit_reminder',
            chainId: booking.chainId,
            date: booking.date,
            recipient: { audience: 'customer', id: booking.customerId, openid: booking.openid },
            order: settings.notifications.channelOrder.visit_reminder,
            longTerm: false,
            subscribe: visitReminderMessage(
              booking,
              {
                storeName: await nameOf('store', booking.storeId),
                productName: await nameOf('product', booking.productId),
              },
              settings.notifications.visitReminderTemplateId,
            ),
            summary: `到院提醒 ${booking.date} ${booking.slot}`,
          },
          now,
        );
        if (delivery.outcome === 'duplicate') {
          // The outbox already has this visit's reminder (the booking's mark was lost): it says how it went.
          const earlier = await getNotification(db, visitReminderKey(booking));
          run.skipped += 1;
          await bookings.doc(booking._id).update({
            data: { reminder: { status: earlier?.status === 'sent' ? 'sent' : 'no_grant', at } },
          });
          continue;
        }
        const reminder = reminderOf(delivery, at);
        run[reminder.status === 'sent' ? 'sent' : reminder.status === 'no_grant' ? 'noGrant' : 'failed'] += 1;
        await bookings.doc(booking._id).update({ data: { reminder } });
      }
    }
  }
  return run;
}

/** The visit reminder's outbox key: one per booking and visit date, whichever run reaches it first. */
export const visitReminderKey = (booking: { _id: string; date: string }) => `visit_${booking._id}_${booking.date}`;

/**
 * What the booking records of its reminder: sent; no_grant when the customer had none banked (or
 * WeChat said 43101) and it stayed an in-app record; failed otherwise.
 */
function reminderOf(
  delivery: Exclude<Delivery, { outcome: 'duplicate' }>,
  at: string,
): NonNullable<BookingDoc['reminder']> {
  if (delivery.outcome === 'sent') return { status: 'sent', at };
  const errCode = delivery.attempts[0]?.errCode;
  const status: ReminderStatus =
    delivery.outcome === 'in_app' && (errCode === undefined || errCode === NO_GRANT) ? 'no_grant' : 'failed';
  return { status, at, ...(errCode ? { errCode } : {}) };
}
