import type { FollowUpGrade } from '../model/entities';
import { addMonths, compareDates, type LocalDate } from '../time/shanghai';

/**
 * Grade of a booking's filing (docs/business-rules.md §6): a booking names a product and a visit date, so the
 * intent is clear; how soon the visit is decides the grade — within a month F1, within three
 * months F2, later F3.
 */
export function gradeForBooking(filedOn: LocalDate, visitOn: LocalDate): FollowUpGrade {
  if (compareDates(visitOn, addMonths(filedOn, 1)) <= 0) return 'F1';
  if (compareDates(visitOn, addMonths(filedOn, 3)) <= 0) return 'F2';
  return 'F3';
}
