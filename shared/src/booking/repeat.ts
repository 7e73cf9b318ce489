import type { Booking } from '../model/entities';
import { isPastSlot } from './slots';

/**
 * One upcoming booking per phone. When the phone already has one, a new booking attempt is a
 * repeat: its own user (the same WeChat account) gets that booking back — a double tap, or a
 * second friend's link — while anyone else learns only that the phone is booked: the booking's
 * code is also its check-in code, and a typed phone number proves nothing.
 */
export type RepeatOutcome = 'none' | 'own' | 'someone_else';

export function repeatOfUpcoming(upcoming: Booking | null, openid: string, now: Date): RepeatOutcome {
  if (!upcoming || upcoming.status !== 'booked' || isPastSlot(upcoming.date, upcoming.slot, now)) return 'none';
  return upcoming.openid === openid ? 'own' : 'someone_else';
}
