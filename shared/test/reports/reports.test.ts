import { breakDownMonthly, buildReports, dateToDayNumber, DEFAULT_SETTINGS, starBucket, type ReportEvent } from '../../src';

const at = (iso: string) => Date.parse(iso);
const day = (d: string) => dateToDayNumber(d);
const S = DEFAULT_SETTINGS;

const events: ReportEvent[] = [
  // Filings: two referral (level 1) by s1, one ecommerce level-2 referral, one search.
  { type: 'filing', at: at('2025-06-01T10:00:00+08:00'), personId: 'n1', channel: 'referral', level: 1, staffId: 's1', post: 'butler_service', referrerId: 'o1', referrerStar: 5, referrerLastTreatmentDay: day('2025-05-15'), productId: 'eyes', group: 'vip' },
  { type: 'filing', at: at('2025-06-01T16:30:00Z'), personId: 'n2', channel: 'referral', level: 1, staffId: 's1', referrerId: 'o2', referrerStar: 1, referrerLastTreatmentDay: day('2024-01-01') },
  { type: 'filing', at: at('2025-06-02T10:00:00+08:00'), personId: 'n3', channel: 'ecommerce', level: 2, staffId: 's2', referrerId: 'o1', referrerStar: 6, referrerLastTreatmentDay: day('2025-02-02') },
  { type: 'filing', at: at('2025-06-02T11:00:00+08:00'), personId: 'n4', channel: 'search', level: 1, staffId: 's2', referrerLastTreatmentDay: day('2025-01-01') },
  { type: 'filing', at: at('2025-06-02T11:00:00+08:00'), personId: 'n5', channel: 'referral', level: 1, referrerId: 'o3', referrerLastTreatmentDay: day('2025-07-01') },
  { type: 'booking', at: at('2025-06-01T10:00:00+08:00'), personId: 'n1', productId: 'eyes', channel: 'referral' },
  { type: 'booking', at: at('2025-06-01T10:00:00+08:00'), personId: 'n3', productId: 'botox', channel: 'ecommerce' },
  { type: 'visit', at: at('2025-06-03T10:00:00+08:00'), personId: 'n1', channel: 'referral', level: 1, first: true, productId: 'eyes', staffId: 's1', group: 'vip' },
  { type: 'visit', at: at('2025-06-03T11:00:00+08:00'), personId: 'n3', channel: 'ecommerce', level: 2, first: true, productId: 'botox', staffId: 's2' },
  { type: 'visit', at: at('2025-06-04T11:00:00+08:00'), personId: 'n3', channel: 'ecommerce', level: 2, first: false, productId: 'botox' },
  { type: 'visit', at: at('2025-06-04T11:00:00+08:00'), personId: 'n4', channel: 'search', level: 1, first: true },
  { type: 'deal', at: at('2025-06-03T12:00:00+08:00'), personId: 'n1', productId: 'eyes', amountFen: 1_000_000, channel: 'referral', level: 1, first: true, staffId: 's1', post: 'butler_service', referrerId: 'o1', referrerStar: 5, group: 'vip' },
  { type: 'deal', at: at('2025-06-03T12:00:00+08:00'), personId: 'n3', productId: 'botox', amountFen: 3_000_000, channel: 'ecommerce', level: 2, first: true, staffId: 's2', post: 'consultant', referrerStar: 2 },
  { type: 'deal', at: at('2025-06-04T12:00:00+08:00'), personId: 'n3', productId: 'botox', amountFen: 5_000_000, channel: 'ecommerce', level: 2, first: false, staffId: 's2' },
  { type: 'deal', at: at('2025-06-04T12:00:00+08:00'), personId: 'n9', productId: 'eyes', amountFen: 0, channel: 'walk_in', level: 1, first: true },
  { type: 'consume', at: at('2025-06-04T12:00:00+08:00'), personId: 'n3', amountFen: 200_000 },
  { type: 'spend', at: at('2025-06-01T00:00:00+08:00'), channel: 'ecommerce', amountFen: 2_000_000 },
  { type: 'spend', at: at('2025-06-01T00:00:00+08:00'), channel: 'referral', amountFen: 0 },
  { type: 'followup', at: 0, staffId: 's1', dueDay: day('2025-06-03'), doneDay: day('2025-06-03') },
  { type: 'followup', at: 0, staffId: 's1', dueDay: day('2025-06-03'), doneDay: day('2025-06-04') },
  { type: 'followup', at: 0, staffId: 's1', dueDay: day('2025-06-03') },
  { type: 'followup', at: 0, staffId: 's1', dueDay: day('2025-06-04') },
  { type: 'followup', at: 0, staffId: 's1', dueDay: day('2025-06-05') },
  { type: 'served', at: 0, staffId: 's1', personId: 'o1' },
  { type: 'served', at: 0, staffId: 's1', personId: 'o1' },
  { type: 'served', at: 0, staffId: 's1', personId: 'o2' },
  { type: 'owned', at: 0, staffId: 's1', satisfied: true },
  { type: 'owned', at: 0, staffId: 's1', satisfied: false },
  { type: 'owned', at: 0, staffId: 's3', post: 'nurse', satisfied: true },
  { type: 'reward', at: 0, entryType: 'credit', unit: 'fen', amount: 100_000 },
  { type: 'reward', at: 0, entryType: 'use', unit: 'fen', amount: 25_000 },
  { type: 'reward', at: 0, entryType: 'expire', unit: 'fen', amount: 5_000 },
  { type: 'reward', at: 0, entryType: 'credit', unit: 'points', amount: 10 },
];

const reports = buildReports(events, {
  settings: S,
  asOf: '2025-06-04',
  staffTargets: { s1: { referralFilings: 4, deals: 0 }, s2: { dealAmountFen: 16_000_000 } },
  dailyTargets: [
    { metric: 'revenueFen', dimension: 'total', key: 'all', month: '2025-06', value: 30_000_001 },
    { metric: 'referralFilings', dimension: 'staff', key: 's1', month: '2025-06', value: 30 },
    { metric: 'deals', dimension: 'product', key: 'nothing', month: '2025-06', value: 30, closedDates: ['2025-06-02'] },
    { metric: 'referralVisits', dimension: 'group', key: 'vip', month: '2025-06', value: 60 },
  ],
});

describe('reports (§9)', () => {
  test('referral share of revenue against the 10% target', () => {
    expect(reports.referralShare).toEqual({ referralRevenueFen: 1_000_000, totalRevenueFen: 9_000_000, shareBp: 1111, targetBp: 1000, meetsTarget: true });
    const below = buildReports(events.filter((e) => !(e.type === 'deal' && e.channel === 'referral')), { settings: S, asOf: '2025-06-04' });
    expect(below.referralShare).toMatchObject({ shareBp: 0, meetsTarget: false });
    expect(buildReports([], { settings: S, asOf: '2025-06-04' }).referralShare).toMatchObject({ shareBp: 0, meetsTarget: false });
  });

  test('person KPIs against targets, with follow-ups due / on time / overdue', () => {
    const s1 = reports.staff.find((r) => r.staffId === 's1');
    expect(s1).toEqual({
      staffId: 's1',
      post: 'butler_service',
      actual: { oldCustomers: 2, satisfiedCustomers: 1, servedCustomers: 2, referralFilings: 2, referralVisits: 1, deals: 1, dealAmountFen: 1_000_000 },
      target: { referralFilings: 4, deals: 0 },
      attainmentBp: { referralFilings: 5000, deals: 10_000 },
      followUps: { due: 4, onTime: 1, overdue: 2 },
    });
    expect(reports.staff.map((r) => r.staffId)).toEqual(['s1', 's2', 's3']);
    expect(reports.staff[1]).toMatchObject({ post: 'consultant', attainmentBp: { dealAmountFen: 5000 } });
  });

  test('post KPIs add their people up', () => {
    expect(reports.posts.map((p) => p.post)).toEqual(['butler_service', 'consultant', 'nurse']);
    expect(reports.posts[0]).toMatchObject({ actual: { referralFilings: 2 }, target: { referralFilings: 4, deals: 0 }, followUps: { due: 4 } });
    expect(reports.posts[2]).toMatchObject({ actual: { oldCustomers: 1, satisfiedCustomers: 1 }, target: {}, attainmentBp: {} });
    const anon = buildReports([{ type: 'owned', at: 0, staffId: 'x', satisfied: false }, { type: 'owned', at: 0, staffId: 'y', satisfied: false }], { settings: S, asOf: '2025-06-04' });
    expect(anon.posts).toEqual([expect.objectContaining({ post: 'unknown', actual: expect.objectContaining({ oldCustomers: 2 }) })]);
  });

  test('product table: appointments, visits, deals, revenue and shares', () => {
    expect(reports.products).toEqual([
      { productId: 'botox', appointments: 1, visits: 2, deals: 2, revenueFen: 8_000_000, visitShareBp: 6666, revenueShareBp: 8888 },
      { productId: 'eyes', appointments: 1, visits: 1, deals: 2, revenueFen: 1_000_000, visitShareBp: 3333, revenueShareBp: 1111 },
    ]);
  });

  test('star-level table: referrers and revenue share (≤1★ … ≥5★)', () => {
    expect(reports.stars).toEqual([
      { bucket: '≤1', referrers: 1, revenueFen: 0, revenueShareBp: 0 },
      { bucket: '2', referrers: 0, revenueFen: 3_000_000, revenueShareBp: 7500 },
      { bucket: '3', referrers: 0, revenueFen: 0, revenueShareBp: 0 },
      { bucket: '4', referrers: 0, revenueFen: 0, revenueShareBp: 0 },
      { bucket: '≥5', referrers: 1, revenueFen: 1_000_000, revenueShareBp: 2500 },
    ]);
    expect([0, 1, 2, 3, 4, 5, 7].map(starBucket)).toEqual(['≤1', '≤1', '2', '3', '4', '≥5', '≥5']);
  });

  test('channel table: filings, visits, deals, revenue, second purchases, spend and ROI', () => {
    expect(reports.channels).toEqual([
      { channel: 'ecommerce', filings: 1, visits: 1, deals: 2, revenueFen: 8_000_000, secondPurchases: 1, spendFen: 2_000_000, roiBp: 40_000 },
      { channel: 'referral', filings: 3, visits: 1, deals: 1, revenueFen: 1_000_000, secondPurchases: 0, spendFen: 0, roiBp: null },
      { channel: 'search', filings: 1, visits: 1, deals: 0, revenueFen: 0, secondPurchases: 0, spendFen: 0, roiBp: null },
      { channel: 'walk_in', filings: 0, visits: 0, deals: 1, revenueFen: 0, secondPurchases: 0, spendFen: 0, roiBp: null },
    ]);
  });

  test('referral lag: months since the old customer’s treatment (golden time)', () => {
    // n1: May 15 → Jun 1 = month 1; n2: 2024-01-01 → Jun 2 (Shanghai) = month 18; n3: Feb 2 → Jun 2 = month 5.
    // n4 has no referrer; n5's referrer treatment is after the filing (bad data) and is left out.
    expect(reports.referralLag).toEqual({
      total: 3,
      windows: [
        { windowId: 'peak', label: '关键黄金期', count: 1, shareBp: 3333 },
        { windowId: 'golden', label: '黄金期', count: 1, shareBp: 3333 },
        { windowId: 'late', label: '一年以上', count: 1, shareBp: 3333 },
      ],
      months: [
        { month: 1, count: 1, shareBp: 3333 },
        { month: 5, count: 1, shareBp: 3333 },
        { month: 18, count: 1, shareBp: 3333 },
      ],
    });
  });

  test('rewards: credited, used, usage rate', () => {
    expect(reports.rewards.fen).toEqual({ credited: 100_000, used: 25_000, expired: 5_000, usageRateBp: 2500 });
    expect(reports.rewards.points).toEqual({ credited: 10, used: 0, expired: 0, usageRateBp: 0 });
    expect(reports.rewards.item).toEqual({ credited: 0, used: 0, expired: 0, usageRateBp: 0 });
  });

  test('daily deviation: target by day vs actual, by total, employee, product and group', () => {
    const [total, staff, product, group] = reports.deviation;
    expect(total?.days).toHaveLength(4);
    // 30,000,001 over 30 days: 1,000,000 a day and the extra fen on the 1st.
    expect(total?.days[0]).toEqual({ date: '2025-06-01', target: 1_000_001, actual: 0, deviation: -1_000_001, cumulativeTarget: 1_000_001, cumulativeActual: 0, cumulativeDeviation: -1_000_001 });
    expect(total?.days[2]).toMatchObject({ date: '2025-06-03', actual: 4_000_000, cumulativeActual: 4_000_000, cumulativeTarget: 3_000_001 });
    expect(total?.days[3]).toMatchObject({ actual: 5_000_000, cumulativeDeviation: 9_000_000 - 4_000_001 });
    // s1 filed one referral on Jun 1 and one at 00:30 Jun 2 Shanghai time.
    expect(staff?.days.map((d) => d.actual)).toEqual([1, 1, 0, 0]);
    expect(staff?.days.map((d) => d.target)).toEqual([1, 1, 1, 1]);
    expect(product?.days.map((d) => d.target)).toEqual([2, 0, 1, 1]);
    expect(product?.days.every((d) => d.actual === 0)).toBe(true);
    expect(group?.days.map((d) => d.actual)).toEqual([0, 0, 1, 0]);
    expect(group).toMatchObject({ metric: 'referralVisits', dimension: 'group', key: 'vip', month: '2025-06', monthTarget: 60 });
  });

  test('operations template (001)', () => {
    expect(reports.operations).toEqual({
      totalRevenueFen: 9_000_000,
      consumedRevenueFen: 200_000,
      payingCustomers: 2,
      spendPerCustomerFen: 4_500_000,
      firstVisits: 3,
      returnVisits: 1,
      repeatPurchases: 1,
      consultationCloseRateBp: 10_000,
      marketingSpendFen: 2_000_000,
    });
    expect(buildReports([], { settings: S, asOf: '2025-06-04' }).operations.spendPerCustomerFen).toBe(0);
    expect(reports.asOf).toBe('2025-06-04');
  });

  test('monthly targets split into whole days that add up exactly', () => {
    const feb = breakDownMonthly(100, '2025-02');
    expect(feb.size).toBe(28);
    expect([...feb.values()].reduce((a, b) => a + b, 0)).toBe(100);
    expect(feb.get('2025-02-01')).toBe(4);
    expect(feb.get('2025-02-17')).toBe(3);
    expect(breakDownMonthly(10, '2024-02').size).toBe(29);
    const closed = breakDownMonthly(3, '2025-02', Array.from({ length: 28 }, (_, i) => `2025-02-${String(i + 1).padStart(2, '0')}`));
    expect([...closed.values()].every((v) => v === 0)).toBe(true);
  });
});

describe('reports: ordering and late post information', () => {
  test('a staff member’s post may arrive with a later event; equal revenue orders products by id', () => {
    const r = buildReports(
      [
        { type: 'served', at: 0, staffId: 'z', personId: 'a' },
        { type: 'served', at: 0, staffId: 'z', post: 'nurse', personId: 'b' },
        { type: 'served', at: 0, staffId: 'z', post: 'technician', personId: 'b' },
        { type: 'booking', at: 0, personId: 'a', productId: 'pB', channel: 'search' },
        { type: 'booking', at: 0, personId: 'a', productId: 'pA', channel: 'search' },
        { type: 'booking', at: 0, personId: 'a', productId: 'pC', channel: 'search' },
      ],
      { settings: S, asOf: '2025-06-04' },
    );
    expect(r.staff[0]).toMatchObject({ staffId: 'z', post: 'nurse', actual: expect.objectContaining({ servedCustomers: 2 }) });
    expect(r.products.map((p) => p.productId)).toEqual(['pA', 'pB', 'pC']);
  });
});
