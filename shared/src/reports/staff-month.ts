import type { AttributionRecord, Customer, Deal, FollowUpTask, Visit } from '../model/entities';
import type { StaffPost } from '../model/people';
import type { ClinicSettings } from '../settings/clinic-settings';
import { dateToDayNumber, localDate, monthOf, shanghaiDayNumber } from '../time/shanghai';
import type { ReportEvent } from './events';
import { attainment, buildReports, KPI_METRICS, type KpiMetric, type Kpis } from './reducers';

/** A customer counts as satisfied (满意客户) from this survey score up (the golden-time "满意度高"). */
export const SATISFIED_FROM = 4;

/** What the database holds about one staff member's month (docs/business-rules.md §4 KPIs). */
export interface StaffMonthRecords {
  staff: { id: string; post: StaffPost };
  /** Attributions credited to the staff member (filed or first visited in the month; others are ignored). */
  attributions: readonly AttributionRecord[];
  /** Deals the staff member closed (those outside the month are ignored). */
  deals: readonly Deal[];
  /** Follow-up tasks the staff member owns that fall due in the month. */
  tasks: readonly FollowUpTask[];
  /** Visits the staff member received or checked in. */
  visits: readonly Visit[];
  /** The staff member's old customers now (老客总量 is a snapshot). */
  ownedCustomers: readonly Customer[];
}

const inMonth = (at: string | undefined, month: string): at is string =>
  at !== undefined && monthOf(localDate(at)) === month;

/**
 * The report events of one staff member's month, built from their records so that "my figures"
 * counts exactly what the managers' reports (`buildReports`) count.
 */
export function staffMonthEvents(records: StaffMonthRecords, month: string): ReportEvent[] {
  const { id: staffId, post } = records.staff;
  const events: ReportEvent[] = [];
  const attributionOf = new Map(records.attributions.map((a) => [a.customerId, a]));
  for (const a of records.attributions) {
    if (a.creditedStaffId !== staffId) continue;
    if (inMonth(a.filedAt, month)) {
      events.push({
        type: 'filing',
        at: Date.parse(a.filedAt),
        personId: a.customerId,
        channel: a.channel,
        level: a.level,
        staffId,
        post,
      });
    }
    if (inMonth(a.firstVisitAt, month)) {
      events.push({
        type: 'visit',
        at: Date.parse(a.firstVisitAt),
        personId: a.customerId,
        channel: a.channel,
        level: a.level,
        first: true,
        staffId,
        post,
      });
    }
  }
  for (const d of records.deals) {
    if (d.staffId !== staffId || !inMonth(d.at, month)) continue;
    // Revenue is what was paid (a rebate used as a deduction is not revenue).
    events.push({
      type: 'deal',
      at: Date.parse(d.at),
      personId: d.customerId,
      productId: d.productId,
      amountFen: d.paidFen,
      channel: attributionOf.get(d.customerId)?.channel ?? 'unattributed',
      level: attributionOf.get(d.customerId)?.level ?? 1,
      first: false,
      staffId,
      post,
    });
    events.push({ type: 'served', at: Date.parse(d.at), staffId, post, personId: d.customerId });
  }
  for (const v of records.visits) {
    const mine = v.receivedByStaffId === staffId || v.checkedInByStaffId === staffId;
    if (mine && inMonth(v.at, month)) {
      events.push({ type: 'served', at: Date.parse(v.at), staffId, post, personId: v.customerId });
    }
  }
  for (const t of records.tasks) {
    // A cancelled task was never due; a task moved out of the month is counted in its new month.
    if (t.ownerStaffId !== staffId || t.status === 'cancelled' || monthOf(t.dueDate) !== month) continue;
    events.push({
      type: 'followup',
      at: Date.parse(t.createdAt),
      staffId,
      post,
      dueDay: dateToDayNumber(t.dueDate),
      ...(t.doneAt !== undefined ? { doneDay: shanghaiDayNumber(Date.parse(t.doneAt)) } : {}),
    });
  }
  for (const c of records.ownedCustomers) {
    if (c.ownerStaffId !== staffId || c.kind !== 'existing') continue;
    events.push({
      type: 'owned',
      at: Date.parse(c.createdAt),
      staffId,
      post,
      satisfied: (c.satisfaction ?? 0) >= SATISFIED_FROM,
    });
  }
  return events;
}

export interface StaffFigures {
  month: string;
  actual: Kpis;
  target: Partial<Kpis>;
  attainmentBp: Partial<Record<KpiMetric, number>>;
  followUps: { due: number; onTime: number; overdue: number };
}

/**
 * "My figures" (§4, §9): the staff member's KPIs of the month against their targets, and their
 * follow-ups due so far, done on time and overdue, read on `asOf` (a Shanghai date).
 */
export function staffFigures(
  records: StaffMonthRecords,
  options: { month: string; asOf: string; settings: ClinicSettings; target?: Partial<Kpis> },
): StaffFigures {
  const staffId = records.staff.id;
  const report = buildReports(staffMonthEvents(records, options.month), {
    settings: options.settings,
    asOf: options.asOf,
    staffTargets: { [staffId]: options.target ?? {} },
  });
  const row = report.staff.find((r) => r.staffId === staffId);
  // No events at all: every KPI is 0 (the reports list only staff with events).
  const actual = row?.actual ?? (Object.fromEntries(KPI_METRICS.map((m) => [m, 0])) as Kpis);
  const target = options.target ?? {};
  return {
    month: options.month,
    actual,
    target,
    attainmentBp: attainment(actual, target),
    followUps: row?.followUps ?? { due: 0, onTime: 0, overdue: 0 },
  };
}

/** The month's first instant and the next month's, as ISO strings (for range queries). */
export function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return {
    from: new Date(`${month}-01T00:00:00+08:00`).toISOString(),
    to: new Date(`${next}-01T00:00:00+08:00`).toISOString(),
  };
}
