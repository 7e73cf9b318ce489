import { otherUpcomingBooking, type Booking } from '@clinic/shared';
import { bookingsInTx } from '../../data/bookings';
import { personIdFor } from '../../data/keys';
import { peopleInTx } from '../../data/people';
import { referralsInTx } from '../../data/referrals';
import type { Transaction } from '../../platform/db-types';
import { changeableInTx } from './booking-guards';
import { moveCounter } from './slot-counter';
import { progressReferral } from '../../services/referral-progress';

/**
 * booking.cancel in one transaction: load (the booking, still the caller's and changeable; the
 * phone's person doc and upcoming booking; the friend's referral) → persist (the booking, its slot
 * counter, the person's upcoming booking, and the referral as shared `referralStatusAfter` has it —
 * 已取消 for the referrer unless another booking is still to come). The referrer is not notified: a
 * cancel is not worth one of their one-time subscribe authorizations, the list says it.
 */
export async function cancelInTransaction(
  tx: Transaction,
  bookingId: string,
  openid: string,
  now: Date,
): Promise<Booking> {
  const nowIso = now.toISOString();
  const bookings = bookingsInTx(tx);
  const people = peopleInTx(tx);
  const b = await changeableInTx(tx, bookingId, openid, now);
  const personId = personIdFor(b.chainId, b.phone);
  const person = await people.getPerson(personId);
  const upcomingId = person?.upcomingBookingId;
  const upcoming = upcomingId && upcomingId !== bookingId ? await bookings.get(upcomingId) : null;
  const relationship = await referralsInTx(tx).get(b.customerId);

  await bookings.update(bookingId, { status: 'cancelled', cancelledAt: nowIso, updatedAt: nowIso });
  await moveCounter(tx, { storeId: b.storeId, date: b.date, slot: b.slot }, -1, nowIso);
  // The phone may book again once it has no upcoming booking.
  if (person && upcomingId === bookingId) {
    await people.updatePerson(personId, { upcomingBookingId: null, updatedAt: nowIso });
  }
  const event = { kind: 'cancelled' as const, otherUpcomingBooking: otherUpcomingBooking(bookingId, upcoming, now) };
  await progressReferral(tx, relationship, event, nowIso);
  return { ...b, status: 'cancelled', cancelledAt: nowIso, updatedAt: nowIso };
}
