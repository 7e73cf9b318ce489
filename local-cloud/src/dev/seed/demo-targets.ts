/**
 * This month's targets (`staffTargets`, as staff.setTargets writes them) for some of the team, so
 * the dashboard shows a month target, its time progress and who slips behind. A target is the
 * person's pace this month so far (the last four weeks' when there is none yet) projected over the
 * month, times a factor: below 1 the person is on plan, above 1 behind — the demo shows both.
 *
 * 一店's consultants and butlers get targets only on 带新到院量 and 当月服务客户量: the reports
 * function's tests set 一店's other month targets themselves and expect exactly theirs. 二店's
 * team has targets on all four dashboard metrics.
 */
import {
  addDays,
  daysInMonth,
  emptyRollup,
  localDate,
  mergeRollup,
  monthOf,
  type Kpis,
  type Rollup,
} from '@clinic/shared';
import type { StaffTargetDoc } from '../../../../cloudfunctions/data/targets';

type Metric = keyof Kpis;

/** Who has targets, on what, and how far from their pace (factor per metric). */
export const DEMO_TARGETS: readonly { staffId: string; factors: Partial<Record<Metric, number>> }[] = [
  { staffId: 'staff-s1-butler-1', factors: { referralVisits: 0.8 } },
  { staffId: 'staff-s1-butler-2', factors: { referralVisits: 1.5 } },
  { staffId: 'staff-s1-consultant-1', factors: { referralVisits: 1.2 } },
  { staffId: 'staff-s1-consultant-2', factors: { servedCustomers: 0.9 } },
  { staffId: 'staff-s2-consultant-1', factors: { deals: 0.85, dealAmountFen: 0.85, referralFilings: 1.3 } },
  { staffId: 'staff-s2-consultant-2', factors: { deals: 1.3, dealAmountFen: 1.3 } },
  { staffId: 'staff-s2-butler-1', factors: { referralFilings: 0.8, referralVisits: 0.8 } },
];

/** A target for someone with no such figures lately: a modest start rather than zero. */
const FLOOR: Record<Metric, number> = {
  oldCustomers: 10,
  satisfiedCustomers: 5,
  servedCustomers: 10,
  referralFilings: 2,
  referralVisits: 2,
  deals: 2,
  dealAmountFen: 1_000_000,
};

/** One staff member's figures in a roll-up (0 when the roll-up has none). */
const figure = (r: Rollup, staffId: string, metric: Metric): number => r.staff[staffId]?.[metric] ?? 0;

export function buildDemoTargets(
  days: ReadonlyMap<string, Rollup>,
  staff: readonly { id: string; chainId: string; storeId: string; managerKind?: string }[],
  now: Date,
): (StaffTargetDoc & { _id: string })[] {
  const today = localDate(now);
  const month = monthOf(today);
  const monthDays = daysInMonth(month);
  const setAt = new Date(Math.min(Date.parse(`${month}-01T09:00:00+08:00`), now.getTime())).toISOString();
  // Every store summed (a person works at one): this month before today, and the four weeks before today.
  const sum = (from: string) => {
    const total = emptyRollup();
    for (let d = from; d < today; d = addDays(d, 1)) {
      const r = days.get(d);
      if (r) mergeRollup(total, r);
    }
    return total;
  };
  const monthFirst = `${month}-01`;
  const elapsed = Number(today.slice(8, 10)) - 1;
  const thisMonth = sum(monthFirst);
  const recent = sum(addDays(today, -28));
  return DEMO_TARGETS.flatMap(({ staffId, factors }) => {
    const member = staff.find((s) => s.id === staffId);
    const manager = staff.find((s) => s.storeId === member?.storeId && s.managerKind === 'store_manager');
    if (!member || !manager) return [];
    const targets: Partial<Kpis> = {};
    for (const [metric, factor] of Object.entries(factors) as [Metric, number][]) {
      const soFar = figure(thisMonth, staffId, metric);
      const pace = soFar > 0 && elapsed > 0 ? soFar / elapsed : figure(recent, staffId, metric) / 28;
      const projected = pace * monthDays * factor;
      targets[metric] =
        metric === 'dealAmountFen'
          ? Math.max(FLOOR[metric], Math.round(projected / 100_000) * 100_000)
          : Math.max(FLOOR[metric], Math.round(projected));
    }
    return [
      {
        _id: `${staffId}_${month}`,
        chainId: member.chainId,
        storeId: member.storeId,
        staffId,
        month,
        targets,
        setByStaffId: manager.id,
        setAt,
      },
    ];
  });
}
