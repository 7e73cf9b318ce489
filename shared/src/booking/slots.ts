import { ERROR_CATALOGUE } from '../contract/errors';
import type { Store } from '../model/entities';
import { localDate, weekday, type LocalDate } from '../time/shanghai';
import { WINDOW_MESSAGES, outsideBookableWindow, type WindowProblem } from './window';

/**
 * Booking slots of a store (pure): opening hours per weekday, closed weekdays and dates, slot
 * length and capacity, all in Asia/Shanghai. The functions load the store and the slot counters
 * and ask these questions; nothing here reads a clock of its own.
 */
export type StoreHours = Pick<Store, 'openingHours' | 'closedDates' | 'slotMinutes' | 'capacityPerSlot'>;

export function minutesOf(time: string): number {
  const [h, m] = time.split(':');
  return Number(h) * 60 + Number(m);
}

export function timeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Closed on the date: its weekday has no opening row, or the date is a closed date. */
export function isClosedDay(store: StoreHours, date: LocalDate): boolean {
  const wd = weekday(date);
  return !store.openingHours.some((h) => h.weekday === wd) || store.closedDates.includes(date);
}

/**
 * Slot starts of a day, ascending: every `slotMinutes` from each opening row's `open`, as long
 * as the slot ends by `close`. A weekday may have several rows (split shifts). Closed day → [].
 */
export function slotsOfDay(store: StoreHours, date: LocalDate): string[] {
  if (isClosedDay(store, date)) return [];
  const wd = weekday(date);
  const starts = new Set<number>();
  for (const row of store.openingHours) {
    if (row.weekday !== wd) continue;
    const close = minutesOf(row.close);
    for (let t = minutesOf(row.open); t + store.slotMinutes <= close; t += store.slotMinutes) starts.add(t);
  }
  return [...starts].sort((a, b) => a - b).map(timeOf);
}

/** The instant a slot starts (Shanghai has no daylight saving: a fixed +08:00 is exact). */
export function slotStartMs(date: LocalDate, slot: string): number {
  return Date.parse(`${date}T${slot}:00+08:00`);
}

/** True once the slot has started: it can no longer be booked, moved into or cancelled. */
export function isPastSlot(date: LocalDate, slot: string, now: Date): boolean {
  return slotStartMs(date, slot) <= now.getTime();
}

export type SlotProblem = WindowProblem | 'STORE_CLOSED' | 'INVALID_SLOT' | 'SLOT_FULL';

export type SlotCheck = { ok: true } | { ok: false; code: SlotProblem; message: string };

const slotMessage = (code: SlotProblem): string =>
  code === 'DATE_IN_PAST' || code === 'DATE_TOO_FAR' ? WINDOW_MESSAGES[code] : ERROR_CATALOGUE[code];

/**
 * Whether `date slot` can be booked now with `booked` places already taken (omit `booked` to
 * check everything but capacity, e.g. before the counter is read inside the transaction).
 */
export function checkSlot(store: StoreHours, date: LocalDate, slot: string, now: Date, booked?: number): SlotCheck {
  const bad = (code: SlotProblem): SlotCheck => ({ ok: false, code, message: slotMessage(code) });
  const outside = outsideBookableWindow(date, localDate(now));
  if (outside) return bad(outside);
  if (isClosedDay(store, date)) return bad('STORE_CLOSED');
  if (!slotsOfDay(store, date).includes(slot)) return bad('INVALID_SLOT');
  if (isPastSlot(date, slot, now)) return bad('DATE_IN_PAST');
  if (booked !== undefined && booked >= store.capacityPerSlot) return bad('SLOT_FULL');
  return { ok: true };
}

export interface SlotAvailability {
  slot: string;
  available: number;
}

/** Every slot of the day with the places left; slots already started show 0. */
export function availability(
  store: StoreHours,
  date: LocalDate,
  bookedBySlot: ReadonlyMap<string, number>,
  now: Date,
): { closed: boolean; slots: SlotAvailability[] } {
  if (isClosedDay(store, date)) return { closed: true, slots: [] };
  return {
    closed: false,
    slots: slotsOfDay(store, date).map((slot) => ({
      slot,
      available: isPastSlot(date, slot, now) ? 0 : Math.max(0, store.capacityPerSlot - (bookedBySlot.get(slot) ?? 0)),
    })),
  };
}

/** The slot counter document's id: one per store, date and slot. */
export function slotKey(storeId: string, date: LocalDate, slot: string): string {
  return `${storeId}_${date}_${slot.replace(':', '')}`;
}
