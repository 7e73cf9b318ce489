import type { FollowUpGrade, FollowUpTask } from '../model/entities';
import type { ClinicSettings } from '../settings/clinic-settings';
import { cadenceDueDates } from './cadence';
import type { StoreCalendar } from './store-calendar';

export interface CadencePlanInput {
  /** Task ids are `<filingId>_<n>`, so a retried write lands on the same documents. */
  filingId: string;
  chainId: string;
  storeId: string;
  customerId: string;
  ownerStaffId: string;
  grade: FollowUpGrade;
  /** ISO 8601 instant of the filing. */
  filedAt: string;
}

/**
 * The follow-up tasks of a new filing (§6): the grade's cadence — F1's whole first month, F2/F3
 * the clinic's `followUp.planAhead` dates ahead (re-planned when they run out) — each due on an
 * open day of the store, for the owning staff member.
 */
export function planCadenceTasks(
  input: CadencePlanInput,
  settings: ClinicSettings,
  store: StoreCalendar,
): FollowUpTask[] {
  return cadenceDueDates(input.grade, input.filedAt, settings, store).map((dueDate, i) => ({
    id: `${input.filingId}_${i + 1}`,
    chainId: input.chainId,
    storeId: input.storeId,
    customerId: input.customerId,
    ownerStaffId: input.ownerStaffId,
    kind: 'cadence',
    grade: input.grade,
    dueDate,
    status: 'open',
    createdAt: input.filedAt,
  }));
}
