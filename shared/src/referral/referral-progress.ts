import { isPastSlot } from '../booking/slots';
import type { Booking } from '../model/entities';
import type { ReferralStatus } from './status';

/** What happened to the friend. A cancel says whether another booking of theirs is still upcoming. */
export type ReferralEvent =
  { kind: 'booked' } | { kind: 'cancelled'; otherUpcomingBooking: boolean } | { kind: 'visited' } | { kind: 'dealt' };

/**
 * How far a friend has got. 已预约 and 已取消 share a stage, so each can follow the other; an arrival
 * or a deal is a fact that no later booking or cancel undoes.
 */
const STAGE: Record<ReferralStatus, number> = { filed: 0, booked: 1, cancelled: 1, visited: 2, dealt: 3 };

function statusOf(event: ReferralEvent): ReferralStatus {
  switch (event.kind) {
    case 'cancelled':
      // The friend still has a booking to come: to the referrer nothing was cancelled.
      return event.otherUpcomingBooking ? 'booked' : 'cancelled';
    default:
      return event.kind;
  }
}

/** The referral's status after an event: never back to an earlier stage. */
export function referralStatusAfter(current: ReferralStatus, event: ReferralEvent): ReferralStatus {
  const next = statusOf(event);
  return STAGE[next] >= STAGE[current] ? next : current;
}

/**
 * Whether the friend has an upcoming booking besides the one being cancelled: the phone's one
 * upcoming booking (the person's `upcomingBookingId`), when it is another, still booked and to come.
 */
export function otherUpcomingBooking(
  cancelledBookingId: string,
  upcoming: Pick<Booking, 'id' | 'status' | 'date' | 'slot'> | null,
  now: Date,
): boolean {
  if (!upcoming || upcoming.id === cancelledBookingId || upcoming.status !== 'booked') return false;
  return !isPastSlot(upcoming.date, upcoming.slot, now);
}
