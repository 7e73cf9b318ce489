/**
 * This month's targets (`staffTargets`, as staff.setTargets writes them) for some of the team, so
 * the dashboard shows a month target, its time progress and who slips behind. Each target is the
 * person's pace of the last four weeks (from the seeded day roll-ups) scaled to the month and by a
 * factor: below 1 the person is on plan, above 1 behind.
 *
 * 一店's consultants and butlers get targets only on 带新到院量 and 当月服务客户量: the reports
 * function's tests set 一店's other month targets themselves and expect exactly theirs. 二店's
 * team gets all four dashboard metrics.
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

export const DEMO_TARGETS: readonly { staffId: string; metrics: readonly Metric[]; factor: number }[] = [
  { staffId: 'staff-s1-butler-1', metrics: ['referralVisits'], factor: 0.7 },
  { staffId: 'staff-s1-butler-2', metrics: ['referralVisits'], factor: 1.5 },
  { staffId: 'staff-s1-consultant-1', metrics: ['referralVisits'], factor: 1.2 },
  { staffId: 'staff-s1-consultant-2', metrics: ['servedCustomers'], factor: 0.9 },
  {
    staffId: 'staff-s2-consultant-1',
    metrics: ['referralFilings', 'referralVisits', 'deals', 'dealAmountFen'],
    factor: 0.8,
  },
  { staffId: 'staff-s2-consultant-2', metrics: ['deals', 'dealAmountFen'], factor: 1.4 },
  { staffId: 'staff-s2-butler-1', metrics: ['referralFilings', 'referralVisits'], factor: 1.3 },
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
  const setAt = new Date(Math.min(Date.parse(`${month}-01T09:00:00+08:00`), now.getTime())).toISOString();
  // The four weeks before today, every store summed (a person works at one).
  const recent = emptyRollup();
  for (let d = addDays(today, -28); d < today; d = addDays(d, 1)) {
    const r = days.get(d);
    if (r) mergeRollup(recent, r);
  }
  return DEMO_TARGETS.flatMap(({ staffId, metrics, factor }) => {
    const member = staff.find((s) => s.id === staffId);
    const manager = staff.find((s) => s.storeId === member?.storeId && s.managerKind === 'store_manager');
    if (!member || !manager) return [];
    const targets: Partial<Kpis> = {};
    for (const metric of metrics) {
      const pace = (figure(recent, staffId, metric) * daysInMonth(month) * factor) / 28;
      targets[metric] =
        metric === 'dealAmountFen'
          ? Math.max(FLOOR[metric], Math.round(pace / 100_000) * 100_000)
          : Math.max(FLOOR[metric], Math.round(pace));
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
