/** Contract-parsed answers of `reports.dashboard` for the 经营看板 tests. */
import { reportsContract } from '@clinic/shared';
import type { DashboardView } from '../src/services/reports';

const WEEKS = [
  '2026-10-05',
  '2026-10-12',
  '2026-10-19',
  '2026-10-26',
  '2026-11-02',
  '2026-11-09',
  '2026-11-16',
  '2026-11-23',
];

/** A store manager's November, read on the 23rd (default), with every section filled in. */
export function dashboard(patch: Record<string, unknown> = {}): DashboardView {
  return reportsContract.dashboard.output.parse({
    month: '2026-11',
    asOf: '2026-11-23',
    daysInMonth: 30,
    daysElapsed: 23,
    scope: { kind: 'store', storeId: 'store-1', label: '静安店' },
    stores: [{ id: 'store-1', name: '静安店' }],
    referralShare: {
      referralRevenueFen: 8_500_000,
      totalRevenueFen: 100_000_000,
      shareBp: 850,
      targetBp: 1000,
      meetsTarget: false,
    },
    funnel: [
      { step: 'filed', label: '建档', count: 120 },
      { step: 'booked', label: '预约', count: 80, rateBp: 6666 },
      { step: 'visited', label: '到院', count: 60, rateBp: 7500 },
      { step: 'dealt', label: '成交', count: 18, rateBp: 3000 },
    ],
    monthTarget: [
      {
        metric: 'dealAmountFen',
        label: '带新成交额',
        actual: 8_500_000,
        target: 12_000_000,
        timeProgressTarget: 9_200_000,
        attainmentBp: 7083,
      },
      {
        metric: 'referralFilings',
        label: '带新建档量',
        actual: 120,
        target: 120,
        timeProgressTarget: 92,
        attainmentBp: 10000,
      },
      { metric: 'referralVisits', label: '带新到院量', actual: 60 },
      { metric: 'deals', label: '成交量', actual: 18, target: 30, timeProgressTarget: 23, attainmentBp: 6000 },
    ],
    weeklyTrend: WEEKS.map((weekStart, i) => ({
      weekStart,
      filings: 20 + i,
      visits: 10 + i,
      deals: 3 + (i % 3),
      revenueFen: (20 + i) * 1_000_000,
      referralRevenueFen: (2 + (i % 4)) * 1_000_000,
    })),
    slips: [
      {
        staffId: 'staff-consultant-1',
        name: '陈静',
        post: 'consultant',
        postLabel: '咨询师',
        metric: 'referralFilings',
        label: '带新建档量',
        cumulativeTarget: 6,
        cumulativeActual: 2,
        deviation: -4,
      },
      {
        staffId: 'staff-nurse-1',
        name: '林晓',
        post: 'nurse',
        postLabel: '护理师',
        metric: 'dealAmountFen',
        label: '带新成交额',
        cumulativeTarget: 1_500_000,
        cumulativeActual: 1_380_000,
        deviation: -120_000,
      },
    ],
    ...patch,
  });
}

/** A general manager's chain view: every store to choose between. */
export function chainDashboard(patch: Record<string, unknown> = {}): DashboardView {
  return dashboard({
    scope: { kind: 'chain', label: '全部门店' },
    stores: [
      { id: 'store-1', name: '静安店' },
      { id: 'store-2', name: '徐汇店' },
      { id: 'store-3', name: '浦东店' },
    ],
    ...patch,
  });
}
