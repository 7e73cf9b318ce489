import type { Staff } from '../model/entities';
import type { Department } from '../model/people';
import { compareText } from '../util/compare';
import { REFERRAL_CHANNEL } from './attribute';

export interface Owner {
  staffId: string;
  department?: Department;
}

/** The owner facts of a referrer (an old customer): whoever owns them in the clinic's records. */
export interface ReferrerOwnership {
  ownerStaffId?: string;
  ownerDepartment?: Department;
}

/**
 * §2/§4: a level-1 老带新 filing is credited to the staff member who owns the referring old
 * customer. Undefined when the filing is another channel's or the referrer has no owner; then the
 * store's default owner works the person (`defaultOwner`).
 */
export function referrerOwner(channel: string, referrer: ReferrerOwnership | undefined): Owner | undefined {
  if (channel !== REFERRAL_CHANNEL || !referrer?.ownerStaffId) return undefined;
  return {
    staffId: referrer.ownerStaffId,
    ...(referrer.ownerDepartment ? { department: referrer.ownerDepartment } : {}),
  };
}

/**
 * Who works a filing nobody else is credited for (a mini-program booking without a code, a level-2
 * card booking): the store's call centre (呼叫中心) — never a manager or the verification group —
 * else the store manager. Among several, the first by id, so the answer never depends on load order.
 */
export function defaultOwner(storeStaff: readonly Staff[]): Owner | undefined {
  const active = storeStaff.filter((s) => s.active !== false).sort((a, b) => compareText(a.id, b.id));
  const chosen =
    active.find((s) => s.post === 'call_centre' && !s.managerKind && s.department !== 'cs4_followup') ??
    active.find((s) => s.managerKind === 'store_manager');
  return chosen ? { staffId: chosen.id, department: chosen.department } : undefined;
}
