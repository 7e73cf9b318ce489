import {
  KPI_LABELS,
  KPI_METRICS,
  localDate,
  monthBounds,
  monthOf,
  staffFigures,
  type StaffContract,
} from '@clinic/shared';
import type { z } from 'zod';
import { loadSettings } from '../../data/clinic';
import { ownedExistingCustomers } from '../../data/customers';
import { dealsByStaffBetween } from '../../data/deals';
import { attributionsCreditedBetween } from '../../data/people';
import { getTargets } from '../../data/targets';
import { tasksDueBetween } from '../../data/tasks';
import { visitsServedBetween } from '../../data/visits';
import type { Caller } from '../../platform/access';
import type { Database } from '../../platform/db-types';

type In<A extends keyof StaffContract> = z.output<StaffContract[A]['input']>;

/** staff.myFigures: load my month's records → shared `staffFigures` (the managers' report rule). */
export async function myFigures(input: In<'myFigures'>, caller: Caller, db: Database, now: Date) {
  const me = caller.staff as NonNullable<Caller['staff']>;
  const today = localDate(now);
  const month = input.month ?? monthOf(today);
  const bounds = monthBounds(month);
  const lastDay = localDate(new Date(Date.parse(bounds.to) - 1));
  const [filed, visited, deals, tasks, visits, owned, targets, settings] = await Promise.all([
    attributionsCreditedBetween(db, me._id, 'filedAt', bounds),
    attributionsCreditedBetween(db, me._id, 'firstVisitAt', bounds),
    dealsByStaffBetween(db, me._id, bounds),
    tasksDueBetween(db, me._id, `${month}-01`, lastDay),
    visitsServedBetween(db, me._id, bounds),
    ownedExistingCustomers(db, me._id),
    getTargets(db, me._id, month),
    loadSettings(db, me.chainId),
  ]);
  // A person filed and first visited in the same month comes back from both queries.
  const attributions = [...new Map([...filed, ...visited].map((a) => [a.customerId, a])).values()];
  const figures = staffFigures(
    { staff: { id: me._id, post: me.post }, attributions, deals, tasks, visits, ownedCustomers: owned },
    { month, asOf: today, settings, ...(targets ? { target: targets.targets } : {}) },
  );
  return {
    month,
    kpis: KPI_METRICS.map((metric) => ({
      metric,
      label: KPI_LABELS[metric],
      actual: figures.actual[metric],
      ...(figures.target[metric] !== undefined ? { target: figures.target[metric] } : {}),
      ...(figures.attainmentBp[metric] !== undefined ? { attainmentBp: figures.attainmentBp[metric] } : {}),
    })),
    followUps: figures.followUps,
  };
}
