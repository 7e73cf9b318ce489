import { dateToDayNumber, emptyRollup, mergeRollup, sumRollups, type Rollup } from '@clinic/shared';
import { STAFF, startClinic, type Clinic } from './support/clinic';
import { botulinum, checkedIn, newKey, referredNewcomer } from '../deals/test/deal-support';

jest.setTimeout(240_000);

/**
 * The demo clinic's seeded history as the functions read and extend it: the dashboard reads the
 * seeded day roll-ups, and a live write after them counts on exactly as it would have had the
 * functions written the history themselves (markers included).
 */
const NOW = '2027-03-18T02:00:00.000Z'; // Thursday 10:00 in Shanghai, mid-month
const MANAGER = 'demo-manager-store-1';
const GM = 'demo-manager-gm';
let clinic: Clinic;

const rollups = () => clinic.cloud.db.find('dayRollups', {}) as any[];
const seededSum = (from: string, to: string, storeId?: string): Rollup =>
  sumRollups(
    rollups()
      .filter((d) => d.date >= from && d.date <= to && (!storeId || d.storeId === storeId))
      .map((d) => d.rollup as Rollup),
  );
const dashboard = async (data: Record<string, unknown>, openid = MANAGER) => {
  const res = await clinic.call('reports', 'dashboard', data, openid);
  expect(res.body.ok).toBe(true);
  return res.body.data;
};

beforeAll(async () => {
  clinic = await startClinic(NOW);
});
afterAll(async () => {
  await clinic.cloud.stop();
});

test('a manager’s dashboard shows the seeded month: the referral share, the funnel, targets and slips', async () => {
  const d = await dashboard({});
  const month = seededSum('2027-03-01', '2027-03-18', 'store-1');
  expect(d.referralShare).toMatchObject({
    referralRevenueFen: month.referralRevenueFen,
    totalRevenueFen: month.revenueFen,
  });
  expect(d.referralShare.referralRevenueFen).toBeGreaterThan(0);
  expect(d.funnel.map((f: any) => f.count)).toEqual([
    month.referralFilings,
    month.channels.referral?.bookings ?? 0,
    month.referralVisits,
    month.channels.referral?.firstDeals ?? 0,
  ]);
  expect(d.funnel[0].count).toBeGreaterThan(0);
  expect(d.monthTarget.find((m: any) => m.metric === 'referralVisits').target).toBeGreaterThan(0);
  expect(d.slips.length).toBeGreaterThan(0);
  // Eight weeks of trend, all of them with seeded revenue.
  expect(d.weeklyTrend).toHaveLength(8);
  for (const w of d.weeklyTrend) expect(w.revenueFen).toBeGreaterThan(0);
});

test('the general manager’s February is the two stores’ seeded roll-ups summed', async () => {
  const feb = await dashboard({ month: '2027-02' }, GM);
  const sum = seededSum('2027-02-01', '2027-02-28');
  expect(feb.referralShare.totalRevenueFen).toBe(sum.revenueFen);
  expect(feb.referralShare.referralRevenueFen).toBe(sum.referralRevenueFen);
  expect(feb.funnel.map((f: any) => f.count)).toEqual([
    sum.referralFilings,
    sum.channels.referral?.bookings ?? 0,
    sum.referralVisits,
    sum.channels.referral?.firstDeals ?? 0,
  ]);
  // The targets are this month's: February has none.
  expect(feb.monthTarget.every((m: any) => m.target === undefined)).toBe(true);
});

test('a seeded friend who paid this month buys again: a deal, but not a new paying customer', async () => {
  const customers = clinic.cloud.db.find('customers', {
    storeId: 'store-1',
    kind: 'existing',
    source: 'booking',
  }) as any[];
  const paidThisMonth = (id: string) =>
    (clinic.cloud.db.find('deals', { customerId: id }) as any[]).some(
      (d) => d.paidFen > 0 && d.at >= '2027-02-28T16:00:00.000Z' && d.at < NOW,
    );
  const friend = customers.find((c) => paidThisMonth(c._id));
  expect(friend).toBeDefined();
  const today = () => rollups().find((r) => r._id === 'store-1_20270318')?.rollup ?? emptyRollup();
  const before = today();

  await checkedIn(clinic, friend._id);
  const again = await clinic.call(
    'deals',
    'record',
    { customerId: friend._id, items: [botulinum()], idempotencyKey: newKey() },
    STAFF,
  );
  expect(again.body.ok).toBe(true);
  // Nothing is credited for a second purchase.
  expect(again.body.data.credited).toEqual([]);
  const after = today();
  expect(after.deals).toBe(before.deals + 1);
  expect(after.repeatPurchases).toBe(before.repeatPurchases + 1);
  expect(after.payingCustomers).toBe(before.payingCustomers);

  // A newcomer's first paid deal today is a new paying customer.
  const card = (await clinic.call('referral', 'getMyCard', {}, 'demo-customer-wangli')).body.data.code;
  const newcomer = await referredNewcomer(clinic, card, '13955559001', 'o-seeded-history-1', {
    date: '2027-03-19',
    slot: '11:00',
  });
  clinic.cloud.clock.set(new Date('2027-03-19T03:00:00.000Z'));
  await checkedIn(clinic, newcomer);
  const first = await clinic.call(
    'deals',
    'record',
    { customerId: newcomer, items: [botulinum()], idempotencyKey: newKey() },
    STAFF,
  );
  expect(first.body.ok).toBe(true);
  const next = rollups().find((r) => r._id === 'store-1_20270319')?.rollup as Rollup;
  expect(next).toMatchObject({ payingCustomers: 1, firstDeals: 1 });
  // The month read on the 19th: the seeded days and the two live ones.
  const march = (await dashboard({})).referralShare.totalRevenueFen;
  const byDay = new Map<number, Rollup>();
  for (const r of rollups().filter((x) => x.storeId === 'store-1' && x.date >= '2027-03-01')) {
    byDay.set(dateToDayNumber(r.date), mergeRollup(emptyRollup(), r.rollup));
  }
  expect(march).toBe(sumRollups(byDay.values()).revenueFen);
});
