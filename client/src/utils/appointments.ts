import { isPastSlot, slotStartMs } from '@clinic/shared';

interface Item {
  id: string;
  date: string;
  slot: string;
  status: 'booked' | 'cancelled' | 'visited' | 'no_show';
}

/** Upcoming = booked and not started (soonest first); everything else is past (latest first). */
export function splitAppointments<T extends Item>(items: readonly T[], now: Date): { upcoming: T[]; past: T[] } {
  const upcoming: T[] = [];
  const past: T[] = [];
  for (const b of items) {
    if (b.status === 'booked' && !isPastSlot(b.date, b.slot, now)) upcoming.push(b);
    else past.push(b);
  }
  const at = (b: T) => slotStartMs(b.date, b.slot);
  upcoming.sort((a, b) => at(a) - at(b));
  past.sort((a, b) => at(b) - at(a));
  return { upcoming, past };
}
