import {
  STAFF_POSTS,
  dashboardDays,
  dashboardFigures,
  daysInMonth,
  localDate,
  monthOf,
  type Dashboard,
  type Kpis,
  type Staff,
} from '@clinic/shared';
import { loadSettings } from '../../data/clinic';
import { COLLECTIONS } from '../../data/collections';
import { findAllByKeyset } from '../../data/read';
import { dayRollupsBetween } from '../../data/rollups';
import type { StaffTargetDoc } from '../../data/targets';
import type { HandlerContext } from '../../platform/define-function';
import { refuse } from '../../platform/errors';
import { readScope, type ReadScope } from './report-scope';

/** The day a month is read on: today for this month, its last day for a past one. */
function readOn(month: string, today: string): string {
  if (month === monthOf(today)) return today;
  return `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;
}

const storeFilter = (scope: ReadScope) => (scope.storeId ? { storeId: scope.storeId } : {});

/**
 * reports.dashboard: scope → the scope's day roll-ups for the month and the trend's eight weeks,
 * its people and their month targets → shared `dashboardFigures`. Reads roll-ups, never events.
 */
export async function dashboard(
  input: { month?: string | undefined; storeId?: string | undefined },
  { caller, db, now }: HandlerContext,
): Promise<Dashboard> {
  const today = localDate(now);
  const month = input.month ?? monthOf(today);
  if (month > monthOf(today)) throw refuse('INVALID_INPUT', '还没有到这个月份，请选择本月或之前的月份');
  const scope = await readScope(db, caller, input.storeId);
  const asOf = readOn(month, today);
  const { from, to } = dashboardDays(month, asOf);
  const [settings, days, people, targets] = await Promise.all([
    loadSettings(db, scope.chainId),
    dayRollupsBetween(db, scope, from, to),
    findAllByKeyset<Staff>(db, COLLECTIONS.staff, { chainId: scope.chainId, active: true, ...storeFilter(scope) }),
    findAllByKeyset<StaffTargetDoc>(db, COLLECTIONS.staffTargets, {
      chainId: scope.chainId,
      month,
      ...storeFilter(scope),
    }),
  ]);
  const targetOf = new Map<string, Partial<Kpis>>(targets.map((t) => [t.staffId, t.targets]));
  const figures = dashboardFigures({
    month,
    asOf,
    days,
    settings,
    staff: people.map((s) => ({
      id: s.id,
      name: s.name,
      post: s.post,
      postLabel: STAFF_POSTS[s.post],
      ...(targetOf.has(s.id) ? { targets: targetOf.get(s.id) as Partial<Kpis> } : {}),
    })),
  });
  return { ...figures, scope: scope.view, stores: scope.stores };
}
