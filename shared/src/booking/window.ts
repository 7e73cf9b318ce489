import { addDays, compareDates, type LocalDate } from '../time/shanghai';

/** How far ahead a booking may be made (calendar days from the clinic's today). */
export const MAX_BOOKING_DAYS_AHEAD = 90;

/** The dates a booking may be made for, both ends included (clinic-local dates). */
export interface BookableWindow {
  first: LocalDate;
  last: LocalDate;
}

/**
 * The one bookable-date rule: from today through today + MAX_BOOKING_DAYS_AHEAD. The booking
 * function's slot list and slot check and the client's calendar all ask this function.
 */
export function bookableWindow(today: LocalDate): BookableWindow {
  return { first: today, last: addDays(today, MAX_BOOKING_DAYS_AHEAD) };
}

export type WindowProblem = 'DATE_IN_PAST' | 'DATE_TOO_FAR';

/** Why `date` is outside the bookable window of `today`, or undefined when it is inside. */
export function outsideBookableWindow(date: LocalDate, today: LocalDate): WindowProblem | undefined {
  const window = bookableWindow(today);
  if (compareDates(date, window.first) < 0) return 'DATE_IN_PAST';
  if (compareDates(date, window.last) > 0) return 'DATE_TOO_FAR';
  return undefined;
}

/** The Chinese message for a date outside the window (the catalogue's, with the day count). */
export const WINDOW_MESSAGES: Record<WindowProblem, string> = {
  DATE_IN_PAST: '不能选择已经过去的日期或时间',
  DATE_TOO_FAR: `最多可预约 ${MAX_BOOKING_DAYS_AHEAD} 天内的时间`,
};
