import { CLINIC_NOW, MANAGER, STAFF, WANGLI, startClinic, type Clinic } from '../../test/support/clinic';
import { botulinum, checkedIn, newKey, referredNewcomer } from '../../deals/test/deal-support';

jest.setTimeout(240_000);

/**
 * reports.dashboard against the real function: the roll-ups that bookings, check-ins and deals
 * keep in their own transactions, read at the manager's scope.
 */
let clinic: Clinic;
let code: string;
const GM = 'demo-manager-gm';
const MANAGER_STORE_2 = 'demo-manager-store-2';
const CONSULTANT_ID = 'staff-s1-consultant-1';

const dashboard = (data: Record<string, unknown>, openid = MANAGER) =>
  clinic.call('reports', 'dashboard', data, openid);
const rollups = () => clinic.cloud.db.find('dayRollups', {}) as any[];

beforeAll(async () => {
  clinic = await startClinic();
  code = (await clinic.call('referral', 'getMyCard', {}, WANGLI.openid)).body.data.code;
});
afterAll(async () => {
  await clinic.cloud.stop();
});

describe('the referral funnel comes from the roll-ups each write keeps', () => {
  test('a friend filed and booked by card, checked in the next day and buying shows in every step', async () => {
    clinic.cloud.clock.set(new Date(CLINIC_NOW));
    const before = (await dashboard({ month: '2027-03' })).body.data;
    const friend = await referredNewcomer(clinic, code, '13955550001', 'o-friend-1');

    // The booking day's roll-up of 一店 holds the filing and the booking.
    const day = rollups().find((r) => r._id === 'store-1_20270301');
    expect(day.rollup.channels.referral).toMatchObject({ filings: expect.any(Number), bookings: expect.any(Number) });

    clinic.cloud.clock.set(new Date('2027-03-02T02:00:00.000Z'));
    await checkedIn(clinic, friend);
    const deal = await clinic.call(
      'deals',
      'record',
      { customerId: friend, items: [botulinum()], idempotencyKey: newKey() },
      STAFF,
    );
    expect(deal.body.ok).toBe(true);

    const after = (await dashboard({ month: '2027-03' })).body;
    expect(after.ok).toBe(true);
    const step = (d: any, s: string) => d.funnel.find((f: any) => f.step === s).count;
    for (const s of ['filed', 'booked', 'visited', 'dealt']) expect(step(after.data, s)).toBe(step(before, s) + 1);
    expect(after.data.referralShare.referralRevenueFen).toBe(before.referralShare.referralRevenueFen + 298_000);
    expect(after.data.referralShare.totalRevenueFen).toBe(before.referralShare.totalRevenueFen + 298_000);
    expect(after.data.scope).toEqual({ kind: 'store', storeId: 'store-1', label: expect.any(String) });
    expect(after.data.asOf).toBe('2027-03-02');
    expect(after.data.daysElapsed).toBe(2);
    // The week of 2 March holds the deal; eight Mondays, the last one that week.
    expect(after.data.weeklyTrend).toHaveLength(8);
    expect(after.data.weeklyTrend.at(-1)).toMatchObject({ weekStart: '2027-03-01' });
    expect(after.data.weeklyTrend.at(-1).revenueFen).toBeGreaterThanOrEqual(298_000);
  });

  test('a referral filed on the day of the visit moves to 直接来院 at check-in (R2): the funnel loses it', async () => {
    clinic.cloud.clock.set(new Date('2027-03-03T01:00:00.000Z'));
    const before = (await dashboard({ month: '2027-03' })).body.data;
    const friend = await referredNewcomer(clinic, code, '13955550002', 'o-friend-2', {
      date: '2027-03-03',
      slot: '15:00',
    });
    const mid = (await dashboard({ month: '2027-03' })).body.data;
    const filed = (d: any) => d.funnel.find((f: any) => f.step === 'filed').count;
    expect(filed(mid)).toBe(filed(before) + 1);

    await checkedIn(clinic, friend);
    const after = (await dashboard({ month: '2027-03' })).body.data;
    expect(filed(after)).toBe(filed(before));
    const day = rollups().find((r) => r._id === 'store-1_20270303');
    expect(day.rollup.channels.walk_in.filings).toBeGreaterThanOrEqual(1);
  });

  test('a second check-in the same day and a replayed deal change nothing', async () => {
    clinic.cloud.clock.set(new Date('2027-03-04T02:00:00.000Z'));
    const friend = await referredNewcomer(clinic, code, '13955550003', 'o-friend-3', { date: '2027-03-05' });
    clinic.cloud.clock.set(new Date('2027-03-05T02:00:00.000Z'));
    await checkedIn(clinic, friend);
    const key = newKey();
    const input = { customerId: friend, items: [botulinum(100_000, 100_000)], idempotencyKey: key };
    expect((await clinic.call('deals', 'record', input, STAFF)).body.ok).toBe(true);
    const once = rollups().find((r) => r._id === 'store-1_20270305').rollup;
    await checkedIn(clinic, friend);
    expect((await clinic.call('deals', 'record', input, STAFF)).body.ok).toBe(true);
    expect(rollups().find((r) => r._id === 'store-1_20270305').rollup).toEqual(once);
    expect(once.staff[CONSULTANT_ID]).toMatchObject({ deals: 1, dealAmountFen: 100_000, servedCustomers: 1 });
    expect(once.payingCustomers).toBe(1);
  });
});

describe('month against target and today’s slips', () => {
  test('the store’s target is its people’s targets; time progress is 月目标 ÷ 天数 × 已过天数; who is behind slips', async () => {
    clinic.cloud.clock.set(new Date('2027-03-10T02:00:00.000Z'));
    const set = await clinic.call(
      'staff',
      'setTargets',
      { staffId: CONSULTANT_ID, month: '2027-03', targets: { referralFilings: 31, dealAmountFen: 3_100_000 } },
      MANAGER,
    );
    expect(set.body.ok).toBe(true);
    const d = (await dashboard({})).body.data;
    expect(d.month).toBe('2027-03');
    const filings = d.monthTarget.find((m: any) => m.metric === 'referralFilings');
    expect(filings).toMatchObject({ target: 31, timeProgressTarget: 10 });
    const revenue = d.monthTarget.find((m: any) => m.metric === 'dealAmountFen');
    expect(revenue).toMatchObject({ target: 3_100_000, timeProgressTarget: 1_000_000 });
    expect(d.monthTarget.find((m: any) => m.metric === 'deals').target).toBeUndefined();
    // The consultant filed fewer than 10 referrals by the 10th: a slip, with the shortfall.
    const slip = d.slips.find((s: any) => s.staffId === CONSULTANT_ID && s.metric === 'referralFilings');
    expect(slip).toMatchObject({ cumulativeTarget: 10, postLabel: '咨询师' });
    expect(slip.deviation).toBe(slip.cumulativeActual - 10);
    expect(slip.deviation).toBeLessThan(0);
  });
});

describe('data scope (access matrix)', () => {
  test('a store manager reads their store only; another store looks like none', async () => {
    const own = await dashboard({}, MANAGER_STORE_2);
    expect(own.body.ok).toBe(true);
    expect(own.body.data.scope).toMatchObject({ kind: 'store', storeId: 'store-2' });
    expect(own.body.data.stores.map((s: any) => s.id)).toEqual(['store-2']);
    // 一店's referral deals are not in 二店's figures.
    expect(own.body.data.referralShare.referralRevenueFen).toBe(0);
    const other = await dashboard({ storeId: 'store-1' }, MANAGER_STORE_2);
    expect(other.body).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  test('a general manager reads the chain, or one of its stores', async () => {
    const chain = (await dashboard({}, GM)).body.data;
    expect(chain.scope).toEqual({ kind: 'chain', label: '全部门店' });
    expect(chain.stores.map((s: any) => s.id).sort()).toEqual(['store-1', 'store-2']);
    const one = (await dashboard({ storeId: 'store-1' }, GM)).body.data;
    const two = (await dashboard({ storeId: 'store-2' }, GM)).body.data;
    expect(chain.referralShare.totalRevenueFen).toBe(
      one.referralShare.totalRevenueFen + two.referralShare.totalRevenueFen,
    );
    expect((await dashboard({ storeId: 'store-9' }, GM)).body).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  test('staff and customers are refused; bad input and future months are refused', async () => {
    expect((await dashboard({}, STAFF)).body).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await dashboard({}, WANGLI.openid)).body).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await dashboard({ month: '2027-13' })).body).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect((await dashboard({ storeId: { $ne: null } })).body).toMatchObject({ ok: false });
    expect((await dashboard({ month: '2099-01' })).body).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });

  test('a past month is read on its last day', async () => {
    const feb = (await dashboard({ month: '2027-02' })).body.data;
    expect(feb).toMatchObject({ asOf: '2027-02-28', daysInMonth: 28, daysElapsed: 28 });
  });
});
