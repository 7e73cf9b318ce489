import type { ClinicSettings } from '../settings/clinic-settings';
import type { AttributionRecord, AttributionRule } from '../model/entities';
import type { Department } from '../model/people';
import { calendarDaysBetween, localDate } from '../time/shanghai';
import { referralBenefit } from './benefit';
import { chronological, type FilingFact, type PersonHistory, type VisitFact } from './history';
import { leadTimeMet } from './lead';

export const REFERRAL_CHANNEL = 'referral';
export const WALK_IN_CHANNEL = 'walk_in';

export type Attribution = AttributionRecord;

/**
 * Channel performance of one person (docs/business-rules.md §3, R1–R7, with R9 benefits alongside).
 * Decided by the first filing (R1) and the first visit (R2–R7) only; later filings are touches
 * and later visits' claims change nothing. Returns null for a person with neither.
 */
export function attribute(history: PersonHistory, settings: ClinicSettings): Attribution | null {
  const filings = chronological(history.filings);
  const visits = chronological(history.visits);
  const first = filings[0];
  const visit = visits[0];
  // R9 rides along: benefits come from the referral relationship, not from the rules below.
  const benefit = referralBenefit(history);
  const label = (channel: string): string => settings.channels[channel] ?? channel;

  const base = {
    customerId: history.customerId,
    ...(benefit.referrerCustomerId ? { benefitReferrerCustomerId: benefit.referrerCustomerId } : {}),
    ...(visit ? { firstVisitAt: visit.at } : {}),
    provisional: visit === undefined,
  };

  if (!first && !visit) return null;

  // Unfiled when they walked in (R3/R4/R5), or filed only at or after arrival.
  if (!first || (visit && Date.parse(first.at) >= Date.parse(visit.at))) {
    const v = visit as VisitFact;
    const { rule, why } = walkInRule(v);
    return {
      ...base,
      ...filingPart(first),
      channel: WALK_IN_CHANNEL,
      level: 1,
      ...credit(v.receivedByStaffId ?? v.namedConsultantStaffId ?? first?.filedByStaffId, v.receivedByDepartment),
      rule,
      explanation: `${why}，按${label(WALK_IN_CHANNEL)}核算`,
    };
  }

  const leadDays = visit ? calendarDaysBetween(first.at, visit.at) : undefined;
  const withLead = leadDays === undefined ? {} : { leadDays };
  const owner = credit(first.ownerStaffId ?? first.filedByStaffId, first.ownerDepartment);
  const tagged = first.level === 2 && first.referrerCustomerId ? { referrerCustomerId: first.referrerCustomerId } : {};

  if (first.channel === REFERRAL_CHANNEL) {
    if (visit && !leadTimeMet(leadDays as number, settings.minLeadDays)) {
      // R2: filed too late to count as a referral; the referrer still gets rewarded (R9).
      return {
        ...base,
        ...filingPart(first),
        ...withLead,
        channel: WALK_IN_CHANNEL,
        level: 1,
        ...credit(visit.receivedByStaffId ?? first.filedByStaffId, visit.receivedByDepartment),
        rule: 'R2',
        explanation: `建档距首次到院 ${leadDays} 天，不足 ${settings.minLeadDays} 天，按${label(WALK_IN_CHANNEL)}核算；推荐关系保留，双方权益照常（R9）`,
      };
    }
    return {
      ...base,
      ...filingPart(first),
      ...withLead,
      channel: REFERRAL_CHANNEL,
      level: first.level,
      ...(first.referrerCustomerId ? { referrerCustomerId: first.referrerCustomerId } : {}),
      ...owner,
      rule: visit ? 'R2' : 'R1',
      explanation: visit
        ? `老带新建档早于首次到院 ${leadDays} 天（要求至少 ${settings.minLeadDays} 天），计入${label(REFERRAL_CHANNEL)}`
        : `首次建档渠道为${label(REFERRAL_CHANNEL)}（${localDate(first.at)}），尚未到院，到院时按提前天数确认`,
    };
  }

  // Any other channel keeps its performance: R6 (old customer brings someone already filed),
  // R7 (recommended later, before any visit), otherwise R1.
  let rule: AttributionRule = 'R1';
  let why = `首次建档渠道为${label(first.channel)}（${localDate(first.at)}），之后的建档、推荐和认领只记为接触`;
  if (visit && (visit.claimedReferrerCustomerId || (visit.companionCustomerIds?.length ?? 0) > 0)) {
    rule = 'R6';
    why = `老客带来的新客已由${label(first.channel)}建档（${localDate(first.at)}），业绩归原渠道`;
  } else if (laterReferralBeforeVisit(filings, first, visit)) {
    rule = 'R7';
    why = `已由${label(first.channel)}建档但未到院，之后经老客推荐，业绩仍归原渠道`;
  }
  return {
    ...base,
    ...filingPart(first),
    ...withLead,
    channel: first.channel,
    level: first.level,
    ...tagged,
    ...owner,
    rule,
    explanation: `${why}${first.level === 2 ? '（标记为二级老带新）' : ''}`,
  };
}

function walkInRule(v: VisitFact): { rule: AttributionRule; why: string } {
  if ((v.companionCustomerIds?.length ?? 0) > 0) return { rule: 'R5', why: '与老客同行到院，此前未建档' };
  if (v.namedConsultantStaffId) return { rule: 'R4', why: '到院时未建档，点名咨询师' };
  if (v.claimedReferrerCustomerId) return { rule: 'R3', why: '到院时未建档，自述受老客推荐而老客未同来' };
  return { rule: 'R2', why: '到院当天才建档' };
}

function laterReferralBeforeVisit(filings: FilingFact[], first: FilingFact, visit: VisitFact | undefined): boolean {
  const until = visit ? Date.parse(visit.at) : Infinity;
  return filings.some((f) => f !== first && f.referrerCustomerId !== undefined && Date.parse(f.at) < until);
}

function filingPart(f: FilingFact | undefined): Partial<Attribution> {
  if (!f) return {};
  return {
    filingId: f.id,
    filedAt: f.at,
    ...(f.filedByStaffId ? { filedByStaffId: f.filedByStaffId } : {}),
  };
}

function credit(staffId: string | undefined, department: Department | undefined): Partial<Attribution> {
  return {
    ...(staffId ? { creditedStaffId: staffId } : {}),
    ...(department ? { creditedDepartment: department } : {}),
  };
}
