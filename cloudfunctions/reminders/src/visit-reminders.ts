import { addDays, localDate, type Booking } from '@clinic/shared';
import { COLLECTIONS } from '../../data/collections';
import { getProduct, getStore } from '../../data/clinic';
import type { HandlerContext } from '../../platform/define-function';
import { openapi, type SubscribeMessageParams } from '../../platform/sdk';
import { chainSettings } from './chains';
import { visitReminderMessage } from './visit-reminder-message';

/** WeChat's answer when the user has no one-time authorization left for the template. */
const NO_GRANT = 43101;
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
 * Sends each booked customer one reminder before their visit. A booking is claimed (marked
 * `sending`) before the message goes out, so a timer that fires twice or a retried run never sends
 * a second one: at most once, even at the price of a lost reminder if the run dies in between.
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
        const message = visitReminderMessage(
          booking,
          {
            storeName: await nameOf('store', booking.storeId),
            productName: await nameOf('product', booking.productId),
          },
          settings.notifications.visitReminderTemplateId,
        );
        const reminder = await send(message, at);
        run[reminder.status === 'sent' ? 'sent' : reminder.status === 'no_grant' ? 'noGrant' : 'failed'] += 1;
        await bookings.doc(booking._id).update({ data: { reminder } });
      }
    }
  }
  return run;
}

async function send(message: SubscribeMessageParams, at: string): Promise<NonNullable<BookingDoc['reminder']>> {
  try {
    await openapi.sendSubscribeMessage(message);
    return { status: 'sent', at };
  } catch (e) {
    const errCode = (e as { errCode?: number }).errCode;
    return { status: errCode === NO_GRANT ? 'no_grant' : 'failed', at, ...(errCode ? { errCode } : {}) };
  }
}
