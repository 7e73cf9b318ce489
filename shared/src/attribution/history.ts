import type { ChannelId } from '../model/channels';
import type { Department } from '../model/people';
import type { FilingSource } from '../model/entities';
import { compareText } from '../util/compare';

/** What attribution needs to know of one filing of a person (first or later touch). */
export interface FilingFact {
  id: string;
  at: string;
  channel: ChannelId;
  level: 1 | 2;
  source: FilingSource;
  referrerCustomerId?: string;
  filedByStaffId?: string;
  ownerStaffId?: string;
  ownerDepartment?: Department;
}

/** What attribution needs to know of one visit (arrival at the store). */
export interface VisitFact {
  id: string;
  at: string;
  companionCustomerIds?: readonly string[];
  claimedReferrerCustomerId?: string;
  namedConsultantStaffId?: string;
  receivedByStaffId?: string;
  receivedByDepartment?: Department;
}

export interface PersonHistory {
  customerId: string;
  filings: readonly FilingFact[];
  visits: readonly VisitFact[];
}

/** Earliest first; ties broken by id so that arrival order of records never matters. */
export function chronological<T extends { at: string; id: string }>(items: readonly T[]): T[] {
  return items
    .map((item) => ({ item, t: Date.parse(item.at) }))
    .sort((a, b) => a.t - b.t || compareText(a.item.id, b.item.id))
    .map((x) => x.item);
}
