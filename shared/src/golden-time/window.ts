import type { ClinicSettings, GoldenWindow } from '../settings/clinic-settings';
import { monthsBetween, type LocalDate } from '../time/shanghai';

/**
 * Month number since the last treatment: month 1 starts on the treatment date (docs/business-rules.md §5: months
 * 1–3 carry about half of the referrals, 4–11 about 30%). Null before the treatment date.
 */
export function monthNumberSince(lastTreatmentDate: LocalDate, today: LocalDate): number | null {
  if (today < lastTreatmentDate) return null;
  return monthsBetween(lastTreatmentDate, today) + 1;
}

/** The golden-time window an old customer is in today, or null (no treatment yet, or no window). */
export function goldenWindowOf(
  lastTreatmentDate: LocalDate | undefined,
  today: LocalDate,
  settings: ClinicSettings,
): GoldenWindow | null {
  if (!lastTreatmentDate) return null;
  const month = monthNumberSince(lastTreatmentDate, today);
  if (month === null) return null;
  return windowForMonth(month, settings.goldenTime.windows);
}

export function windowForMonth(month: number, windows: readonly GoldenWindow[]): GoldenWindow | null {
  return windows.find((w) => month >= w.fromMonth && (w.toMonth === null || month <= w.toMonth)) ?? null;
}
