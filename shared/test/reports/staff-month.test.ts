import {
  DEFAULT_SETTINGS,
  monthBounds,
  staffFigures,
  staffMonthEvents,
  type AttributionRecord,
  type Customer,
  type Deal,
  type FollowUpTask,
  type StaffMonthRecords,
  type Visit,
} from '../../src';

const ME = 's1';
const MONTH = '2027-03';
const scoped = { chainId: 'c1', storeId: 'st1' };

const attribution = (over: Partial<AttributionRecord> & { customerId: string }): AttributionRecord => ({
  channel: 'referral',
  level: 1,
  creditedStaffId: ME,
  rule: 'R1',
  explanation: '首次建档',
  provisional: true,
  filedAt: '2027-03-05T02:00:00.000Z',
  ...over,
});
const deal = (id: string, over: Partial<Deal> = {}): Deal => ({
  id,
  ...scoped,
  customerId: 'p1',
  productId: 'prod1',
  at: '2027-03-10T03:00:00.000Z',
  amountFen: 100_000,
  paidFen: 80_000,
  staffId: ME,
  ...over,
});
const task = (id: string, over: Partial<FollowUpTask> = {}): FollowUpTask => ({
  id,
  ...scoped,
  customerId: 'p1',
  ownerStaffId: ME,
  kind: 'cadence',
  dueDate: '2027-03-02',
  status: 'open',
  createdAt: '2027-03-01T00:00:00.000Z',
  ...over,
});
const visit = (id: string, customerId: string, over: Partial<Visit> = {}): Visit => ({
  id,
  ...scoped,
  customerId,
  at: '2027-03-06T02:00:00.000Z',
  companionCustomerIds: [],
  productIds: [],
  receivedByStaffId: ME,
  ...over,
});
const owned = (id: string, satisfaction?: number, over: Partial<Customer> = {}): Customer => ({
  id,
  ...scoped,
  name: '王丽',
  phone: '13900000001',
  openids: [],
  kind: 'existing',
  segment: 'general',
  ownerStaffId: ME,
  hasReferred: false,
  source: 'crm_import',
  createdAt: '2026-01-01T00:00:00.000Z',
  ...(satisfaction !== undefined ? { satisfaction } : {}),
  ...over,
});
const records = (over: Partial<StaffMonthRecords> = {}): StaffMonthRecords => ({
  staff: { id: ME, post: 'consultant' },
  attributions: [],
  deals: [],
  tasks: [],
  visits: [],
  ownedCustomers: [],
  ...over,
});
const figures = (r: StaffMonthRecords, asOf = '2027-03-15', target = {}) =>
  staffFigures(r, { month: MONTH, asOf, settings: DEFAULT_SETTINGS, target });

describe('§4 my figures: the KPIs of one staff member’s month', () => {
  test('referral filings (带新建档量) count level-1 referral filings credited to me, filed in the month', () => {
    const r = records({
      attributions: [
        attribution({ customerId: 'p1' }),
        attribution({ customerId: 'p2', filedAt: '2027-03-31T15:59:00.000Z' }), // 23:59 Shanghai, still March
        attribution({ customerId: 'p3', filedAt: '2027-03-31T16:00:00.000Z' }), // April in Shanghai
        attribution({ customerId: 'p4', channel: 'search' }),
        attribution({ customerId: 'p5', level: 2 }), // a referral tag inside another channel
        attribution({ customerId: 'p6', creditedStaffId: 'someone-else' }),
      ],
    });
    expect(figures(r).actual.referralFilings).toBe(2);
  });

  test('referral visits (带新到院量) count first visits of my level-1 referrals in the month, whenever they were filed', () => {
    const r = records({
      attributions: [
        attribution({
          customerId: 'p1',
          filedAt: '2027-02-20T02:00:00.000Z',
          firstVisitAt: '2027-03-03T02:00:00.000Z',
        }),
        attribution({ customerId: 'p2', firstVisitAt: '2027-04-01T02:00:00.000Z' }),
        attribution({ customerId: 'p3', channel: 'walk_in', firstVisitAt: '2027-03-03T02:00:00.000Z' }),
      ],
    });
    const f = figures(r);
    expect(f.actual.referralVisits).toBe(1);
    expect(f.actual.referralFilings).toBe(1); // p2 (p1 was filed in February, p3 is a walk-in)
  });

  test('deals (成交量, 成交额) are my deals of the month; the amount is what was paid', () => {
    const r = records({
      deals: [
        deal('d1'),
        deal('d2', { paidFen: 20_000 }),
        deal('d3', { at: '2027-02-28T15:00:00.000Z' }), // 23:00 Shanghai on 28 Feb
        deal('d4', { staffId: 'someone-else' }),
      ],
    });
    const f = figures(r);
    expect(f.actual.deals).toBe(2);
    expect(f.actual.dealAmountFen).toBe(100_000);
  });

  test('customers served (当月服务客户量) are distinct people I received, checked in or closed a deal with', () => {
    const r = records({
      visits: [
        visit('v1', 'p1'),
        visit('v2', 'p1', { at: '2027-03-20T02:00:00.000Z' }),
        visit('v3', 'p2', { receivedByStaffId: 'x', checkedInByStaffId: ME }),
        visit('v4', 'p3', { receivedByStaffId: 'x' }),
        visit('v5', 'p4', { at: '2027-02-10T02:00:00.000Z' }),
      ],
      deals: [deal('d1', { customerId: 'p5' }), deal('d2', { customerId: 'p1' })],
    });
    expect(figures(r).actual.servedCustomers).toBe(3);
  });

  test('old customers (老客总量) are those I own now; satisfied ones (满意客户量) scored 4 or 5', () => {
    const r = records({
      ownedCustomers: [
        owned('c1', 5),
        owned('c2', 4),
        owned('c3', 3),
        owned('c4'),
        owned('c5', 5, { kind: 'new' }),
        owned('c6', 5, { ownerStaffId: 'x' }),
      ],
    });
    const f = figures(r);
    expect(f.actual.oldCustomers).toBe(4);
    expect(f.actual.satisfiedCustomers).toBe(2);
  });

  test('follow-ups: due so far this month, done on time, overdue; a cancelled task was never due', () => {
    const r = records({
      tasks: [
        task('t1', { status: 'done', doneAt: '2027-03-02T10:00:00.000Z' }), // on its day
        task('t2', { status: 'done', doneAt: '2027-03-03T01:00:00.000Z' }), // a day late
        task('t3'), // open and past due
        task('t4', { dueDate: '2027-03-15' }), // due today: not overdue yet
        task('t5', { dueDate: '2027-03-20' }), // not due yet
        task('t6', { status: 'cancelled' }),
        task('t7', { dueDate: '2027-02-27' }), // another month
      ],
    });
    expect(figures(r).followUps).toEqual({ due: 4, onTime: 1, overdue: 2 });
  });

  test('attainment is actual against my target in basis points; metrics without a target have none', () => {
    const r = records({ attributions: [attribution({ customerId: 'p1' })], deals: [deal('d1')] });
    const f = figures(r, '2027-03-15', { referralFilings: 4, deals: 0 });
    expect(f.target).toEqual({ referralFilings: 4, deals: 0 });
    expect(f.attainmentBp).toEqual({ referralFilings: 2500, deals: 10_000 });
  });

  test('a month with nothing recorded is all zeros, not missing', () => {
    const f = figures(records(), '2027-03-15', { deals: 3 });
    expect(f.actual).toEqual({
      oldCustomers: 0,
      satisfiedCustomers: 0,
      servedCustomers: 0,
      referralFilings: 0,
      referralVisits: 0,
      deals: 0,
      dealAmountFen: 0,
    });
    expect(f.attainmentBp).toEqual({ deals: 0 });
    expect(staffMonthEvents(records(), MONTH)).toEqual([]);
  });

  test('month bounds are Shanghai midnights, December rolls into January', () => {
    expect(monthBounds('2027-03')).toEqual({ from: '2027-02-28T16:00:00.000Z', to: '2027-03-31T16:00:00.000Z' });
    expect(monthBounds('2026-12')).toEqual({ from: '2026-11-30T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z' });
  });
});
