import type { ClinicSettings } from '../settings/clinic-settings';
import { daysBetween, type LocalDate } from '../time/shanghai';
import { goldenWindowOf } from './window';
import { compareText } from '../util/compare';

export interface AskCandidate {
  customerId: string;
  lastTreatmentDate?: LocalDate;
  starLevel?: number;
  /** 1–5. */
  satisfaction?: number;
  hasReferred: boolean;
  /** Last time a staff member asked this customer for a referral. */
  lastAskedDate?: LocalDate;
}

export interface RankedCandidate {
  customerId: string;
  score: number;
  windowId: string | null;
  reasons: string[];
}

/**
 * Whom a staff member should ask today (§5): customers in their golden window first, then higher
 * star level, higher satisfaction, and proven referrers. Integer scores; ties by customer id so
 * the list is stable. Customers asked within the cooldown are left out.
 */
export function rankWhomToAsk(
  candidates: readonly AskCandidate[],
  today: LocalDate,
  settings: ClinicSettings,
): RankedCandidate[] {
  const g = settings.goldenTime;
  const ranked: RankedCandidate[] = [];
  for (const c of candidates) {
    if (c.lastAskedDate && daysBetween(c.lastAskedDate, today) < g.askCooldownDays) continue;
    const window = goldenWindowOf(c.lastTreatmentDate, today, settings);
    const reasons: string[] = [];
    let score = 0;
    if (window) {
      score += window.weight;
      reasons.push(window.label);
    }
    if (c.starLevel !== undefined) {
      score += (c.starLevel - 1) * g.starWeight;
      if (c.starLevel >= 4) reasons.push(`${c.starLevel}星客户`);
    }
    if (c.satisfaction !== undefined) {
      score += (c.satisfaction - 1) * g.satisfactionWeight;
      if (c.satisfaction >= 4) reasons.push('满意度高');
    }
    if (c.hasReferred) {
      score += g.referredBeforeBonus;
      reasons.push('曾成功带新');
    }
    ranked.push({ customerId: c.customerId, score, windowId: window?.id ?? null, reasons });
  }
  return ranked.sort((a, b) => b.score - a.score || compareText(a.customerId, b.customerId));
}
