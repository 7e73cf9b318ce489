import {
  breakDownMonthly,
  buildReports,
  DEFAULT_SETTINGS,
  parseSettings,
  starBucket,
  type ReportEvent,
  type ReportOptions,
} from '../../src';

// Nothing here calls the code under test at module load: every report is built inside the test that
// reads it, so that Stryker's per-test coverage sees which test pins which number (a report built
// at load time is "static" coverage, and its mutants were only checked against unrelated tests).
const at = (iso: string) => Date.parse(iso);
/** Day number (days since 1970-01-01) of a local date, computed independently of src/time. */
const day = (d: string) => {
  const [y, m, dd] = d.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, dd) / 86_400_000;
};
const S = DEFAULT_SETTINGS;

const events = (): ReportEvent[] => [
  // Filings: two referral (level 1) by s1, one ecommerce level-2 referral, one search.
  {
    type: 'filing',
    at: at('2025-06-01T10:00:00+08:00'),
    personId: 'n1',
    channel: 'referral',
    level: 1,
    staffId: 's1',
    post: 'butler_service',
    referrerId: 'o1',
    referrerStar: 5,
    referrerLastTreatmentDay: day('2025-05-15'),
    productId: 'eyes',
    group: 'vip',
  },
  {
    type: 'filing',
    at: at('2025-06-01T16:30:00Z'),
    personId: 'n2',
    channel: 'referral',
    level: 1,
    staffId: 's1',
    referrerId: 'o2',
    referrerStar: 1,
    referrerLastTreatmentDay: day('2024-01-01'),
  },
  {
    type: 'filing',
    at: at('2025-06-02T10:00:00+08:00'),
    personId: 'n3',
    channel: 'ecommerce',
    level: 2,
    staffId: 's2',
    referrerId: 'o1',
    referrerStar: 6,
    referrerLastTreatmentDay: day('2025-02-02'),
  },
  {
    type: 'filing',
    at: at('2025-06-02T11:00:00+08:00'),
    personId: 'n4',
    channel: 'search',
    level: 1,
    staffId: 's2',
    referrerLastTreatmentDay: day('2025-01-01'),
  },
  {
    type: 'filing',
    at: at('2025-06-02T11:00:00+08:00'),
    personId: 'n5',
    channel: 'referral',
    level: 1,
    referrerId: 'o3',
    referrerLastTreatmentDay: day('2025-07-01'),
  },
  { type: 'booking', at: at('2025-06-01T10:00:00+08:00'), personId: 'n1', productId: 'eyes', channel: 'referral' },
  { type: 'booking', at: at('2025-06-01T10:00:00+08:00'), personId: 'n3', productId: 'botox', channel: 'ecommerce' },
  {
    type: 'visit',
    at: at('2025-06-03T10:00:00+08:00'),
    personId: 'n1',
    channel: 'referral',
    level: 1,
    first: true,
    productId: 'eyes',
    staffId: 's1',
    group: 'vip',
  },
  {
    type: 'visit',
    at: at('2025-06-03T11:00:00+08:00'),
    personId: 'n3',
    channel: 'ecommerce',
    level: 2,
    first: true,
    productId: 'botox',
    staffId: 's2',
  },
  {
    type: 'visit',
    at: at('2025-06-04T11:00:00+08:00'),
    personId: 'n3',
    channel: 'ecommerce',
    level: 2,
    first: false,
    productId: 'botox',
  },
  { type: 'visit', at: at('2025-06-04T11:00:00+08:00'), personId: 'n4', channel: 'search', level: 1, first: true },
  {
    type: 'deal',
    at: at('2025-06-03T12:00:00+08:00'),
    personId: 'n1',
    productId: 'eyes',
    amountFen: 1_000_000,
    channel: 'referral',
    level: 1,
    first: true,
    staffId: 's1',
    post: 'butler_service',
    referrerId: 'o1',
    referrerStar: 5,
    group: 'vip',
  },
  {
    type: 'deal',
    at: at('2025-06-03T12:00:00+08:00'),
    personId: 'n3',
    productId: 'botox',
    amountFen: 3_000_000,
    channel: 'ecommerce',
    level: 2,
    first: true,
    staffId: 's2',
    post: 'consultant',
    referrerStar: 2,
  },
  {
    type: 'deal',
    at: at('2025-06-04T12:00:00+08:00'),
    personId: 'n3',
    productId: 'botox',
    amountFen: 5_000_000,
    channel: 'ecommerce',
    level: 2,
    first: false,
    staffId: 's2',
  },
  {
    type: 'deal',
    at: at('2025-06-04T12:00:00+08:00'),
    personId: 'n9',
    productId: 'eyes',
    amountFen: 0,
    channel: 'walk_in',
    level: 1,
    first: true,
  },
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

const build = () =>
  buildReports(events(), {
    settings: S,
    asOf: '2025-06-04',
    staffTargets: { s1: { referralFilings: 4, deals: 0 }, s2: { dealAmountFen: 16_000_000 } },
    dailyTargets: [
      { metric: 'revenueFen', dimension: 'total', key: 'all', month: '2025-06', value: 30_000_001 },
      { metric: 'referralFilings', dimension: 'staff', key: 's1', month: '2025-06', value: 30 },
      {
        metric: 'deals',
        dimension: 'product',
        key: 'nothing',
        month: '2025-06',
        value: 30,
        closedDates: ['2025-06-02'],
      },
      { metric: 'referralVisits', dimension: 'group', key: 'vip', month: '2025-06', value: 60 },
    ],
  });

const zero = {
  oldCustomers: 0,
  satisfiedCustomers: 0,
  servedCustomers: 0,
  referralFilings: 0,
  referralVisits: 0,
  deals: 0,
  dealAmountFen: 0,
};

describe('reports (§9)', () => {
  test('referral share of revenue against the 10% target', () => {
    expect(build().referralShare).toEqual({
      referralRevenueFen: 1_000_000,
      totalRevenueFen: 9_000_000,
      shareBp: 1111,
      targetBp: 1000,
      meetsTarget: true,
    });
    const below = buildReports(
      events().filter((e) => !(e.type === 'deal' && e.channel === 'referral')),
      { settings: S, asOf: '2025-06-04' },
    );
    expect(below.referralShare).toEqual({
      referralRevenueFen: 0,
      totalRevenueFen: 8_000_000,
      shareBp: 0,
      targetBp: 1000,
      meetsTarget: false,
    });
    expect(buildReports([], { settings: S, asOf: '2025-06-04' }).referralShare).toEqual({
      referralRevenueFen: 0,
      totalRevenueFen: 0,
      shareBp: 0,
      targetBp: 1000,
      meetsTarget: false,
    });
  });

  test('person KPIs against targets, with follow-ups due / on time / overdue', () => {
    expect(build().staff).toEqual([
      {
        staffId: 's1',
        post: 'butler_service',
        actual: {
          oldCustomers: 2,
          satisfiedCustomers: 1,
          servedCustomers: 2,
          referralFilings: 2,
          referralVisits: 1,
          deals: 1,
          dealAmountFen: 1_000_000,
        },
        target: { referralFilings: 4, deals: 0 },
        attainmentBp: { referralFilings: 5000, deals: 10_000 },
        followUps: { due: 4, onTime: 1, overdue: 2 },
      },
      {
        // s2 filed and first-visited only outside the referral channel: no referral KPI.
        staffId: 's2',
        post: 'consultant',
        actual: { ...zero, deals: 2, dealAmountFen: 8_000_000 },
        target: { dealAmountFen: 16_000_000 },
        attainmentBp: { dealAmountFen: 5000 },
        followUps: { due: 0, onTime: 0, overdue: 0 },
      },
      {
        staffId: 's3',
        post: 'nurse',
        actual: { ...zero, oldCustomers: 1, satisfiedCustomers: 1 },
        target: {},
        attainmentBp: {},
        followUps: { due: 0, onTime: 0, overdue: 0 },
      },
    ]);
  });

  test('post KPIs add their people up', () => {
    const r = build();
    expect(r.posts).toEqual([
      {
        post: 'butler_service',
        actual: r.staff[0]?.actual,
        target: { referralFilings: 4, deals: 0 },
        attainmentBp: { referralFilings: 5000, deals: 10_000 },
        followUps: { due: 4, onTime: 1, overdue: 2 },
      },
      {
        post: 'consultant',
        actual: r.staff[1]?.actual,
        target: { dealAmountFen: 16_000_000 },
        attainmentBp: { dealAmountFen: 5000 },
        followUps: { due: 0, onTime: 0, overdue: 0 },
      },
      {
        post: 'nurse',
        actual: r.staff[2]?.actual,
        target: {},
        attainmentBp: {},
        followUps: { due: 0, onTime: 0, overdue: 0 },
      },
    ]);
    const anon = buildReports(
      [
        { type: 'owned', at: 0, staffId: 'x', satisfied: false },
        { type: 'owned', at: 0, staffId: 'y', satisfied: false },
      ],
      { settings: S, asOf: '2025-06-04' },
    );
    expect(anon.posts).toEqual([
      {
        post: 'unknown',
        actual: { ...zero, oldCustomers: 2 },
        target: {},
        attainmentBp: {},
        followUps: { due: 0, onTime: 0, overdue: 0 },
      },
    ]);
  });

  test('product table: appointments, visits, deals, revenue and shares', () => {
    expect(build().products).toEqual([
      {
        productId: 'botox',
        appointments: 1,
        visits: 2,
        deals: 2,
        revenueFen: 8_000_000,
        visitShareBp: 6666,
        revenueShareBp: 8888,
      },
      {
        productId: 'eyes',
        appointments: 1,
        visits: 1,
        deals: 2,
        revenueFen: 1_000_000,
        visitShareBp: 3333,
        revenueShareBp: 1111,
      },
    ]);
  });

  test('star-level table: referrers and revenue share (≤1★ … ≥5★)', () => {
    expect(build().stars).toEqual([
      { bucket: '≤1', referrers: 1, revenueFen: 0, revenueShareBp: 0 },
      { bucket: '2', referrers: 0, revenueFen: 3_000_000, revenueShareBp: 7500 },
      { bucket: '3', referrers: 0, revenueFen: 0, revenueShareBp: 0 },
      { bucket: '4', referrers: 0, revenueFen: 0, revenueShareBp: 0 },
      { bucket: '≥5', referrers: 1, revenueFen: 1_000_000, revenueShareBp: 2500 },
    ]);
    expect([0, 1, 2, 3, 4, 5, 7].map(starBucket)).toEqual(['≤1', '≤1', '2', '3', '4', '≥5', '≥5']);
  });

  test('channel table: filings, visits, deals, revenue, second purchases, spend and ROI', () => {
    expect(build().channels).toEqual([
      {
        channel: 'ecommerce',
        filings: 1,
        visits: 1,
        deals: 2,
        revenueFen: 8_000_000,
        secondPurchases: 1,
        spendFen: 2_000_000,
        roiBp: 40_000,
      },
      {
        channel: 'referral',
        filings: 3,
        visits: 1,
        deals: 1,
        revenueFen: 1_000_000,
        secondPurchases: 0,
        spendFen: 0,
        roiBp: null,
      },
      {
        channel: 'search',
        filings: 1,
        visits: 1,
        deals: 0,
        revenueFen: 0,
        secondPurchases: 0,
        spendFen: 0,
        roiBp: null,
      },
      {
        channel: 'walk_in',
        filings: 0,
        visits: 0,
        deals: 1,
        revenueFen: 0,
        secondPurchases: 0,
        spendFen: 0,
        roiBp: null,
      },
    ]);
  });

  test('referral lag: months since the old customer’s treatment (golden time)', () => {
    // n1: May 15 → Jun 1 = month 1; n2: 2024-01-01 → Jun 2 (Shanghai) = month 18; n3: Feb 2 → Jun 2 = month 5.
    // n4 has no referrer; n5's referrer treatment is after the filing (bad data) and is left out.
    expect(build().referralLag).toEqual({
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
    const r = build();
    expect(r.rewards.fen).toEqual({ credited: 100_000, used: 25_000, expired: 5_000, usageRateBp: 2500 });
    expect(r.rewards.points).toEqual({ credited: 10, used: 0, expired: 0, usageRateBp: 0 });
    expect(r.rewards.item).toEqual({ credited: 0, used: 0, expired: 0, usageRateBp: 0 });
  });

  test('daily deviation: target by day vs actual, by total, employee, product and group', () => {
    const [total, staff, product, group] = build().deviation;
    expect(total?.days).toHaveLength(4);
    // 30,000,001 over 30 days: 1,000,000 a day and the extra fen on the 1st.
    expect(total?.days[0]).toEqual({
      date: '2025-06-01',
      target: 1_000_001,
      actual: 0,
      deviation: -1_000_001,
      cumulativeTarget: 1_000_001,
      cumulativeActual: 0,
      cumulativeDeviation: -1_000_001,
    });
    expect(total?.days[2]).toMatchObject({
      date: '2025-06-03',
      actual: 4_000_000,
      cumulativeActual: 4_000_000,
      cumulativeTarget: 3_000_001,
    });
    expect(total?.days[3]).toMatchObject({ actual: 5_000_000, cumulativeDeviation: 9_000_000 - 4_000_001 });
    // s1 filed one referral on Jun 1 and one at 00:30 Jun 2 Shanghai time.
    expect(staff?.days.map((d) => d.actual)).toEqual([1, 1, 0, 0]);
    expect(staff?.days.map((d) => d.target)).toEqual([1, 1, 1, 1]);
    expect(product?.days.map((d) => d.target)).toEqual([2, 0, 1, 1]);
    expect(product?.days.every((d) => d.actual === 0)).toBe(true);
    expect(group?.days.map((d) => d.actual)).toEqual([0, 0, 1, 0]);
    expect(group).toMatchObject({
      metric: 'referralVisits',
      dimension: 'group',
      key: 'vip',
      month: '2025-06',
      monthTarget: 60,
    });
  });

  test('operations template (001)', () => {
    const r = build();
    expect(r.operations).toEqual({
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
    expect(r.asOf).toBe('2025-06-04');
  });

  test('monthly targets split into whole days that add up exactly', () => {
    const feb = breakDownMonthly(100, '2025-02');
    expect(feb.size).toBe(28);
    expect([...feb.values()].reduce((a, b) => a + b, 0)).toBe(100);
    expect(feb.get('2025-02-01')).toBe(4);
    expect(feb.get('2025-02-16')).toBe(4);
    expect(feb.get('2025-02-17')).toBe(3);
    expect(breakDownMonthly(10, '2024-02').size).toBe(29);
    const closed = breakDownMonthly(
      3,
      '2025-02',
      Array.from({ length: 28 }, (_, i) => `2025-02-${String(i + 1).padStart(2, '0')}`),
    );
    expect([...closed.entries()]).toHaveLength(28);
    expect([...closed.values()].every((v) => v === 0)).toBe(true);
  });

  test('daily deviation: closed days get no share of the month, the rest go to the first open days', () => {
    // 5 over the 28 days of Feb 2025 with Feb 1 and Feb 3 closed: 26 open days, one each to the first five open days.
    expect([...breakDownMonthly(5, '2025-02', ['2025-02-01', '2025-02-03'])].slice(0, 8)).toEqual([
      ['2025-02-01', 0],
      ['2025-02-02', 1],
      ['2025-02-03', 0],
      ['2025-02-04', 1],
      ['2025-02-05', 1],
      ['2025-02-06', 1],
      ['2025-02-07', 1],
      ['2025-02-08', 0],
    ]);
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
    expect(r.staff).toEqual([
      {
        staffId: 'z',
        post: 'nurse',
        actual: { ...zero, servedCustomers: 2 },
        target: {},
        attainmentBp: {},
        followUps: { due: 0, onTime: 0, overdue: 0 },
      },
    ]);
    expect(r.products.map((p) => p.productId)).toEqual(['pA', 'pB', 'pC']);
  });
});

// ---------------------------------------------------------------------------------------------
// A hand-computed fortnight (July 2025, read as of Jul 10). Inserted out of order on purpose, so
// every table's sort is visible; every number below is worked out in the comments.
// ---------------------------------------------------------------------------------------------
const SH = (d: string, hm = '10:00') => at(`${d}T${hm}:00+08:00`);
const july = (): ReportEvent[] => [
  // Bookings (appointments): lips first, so insertion order ≠ revenue order.
  { type: 'booking', at: SH('2025-06-30'), personId: 'p4', productId: 'lips', channel: 'search' },
  { type: 'booking', at: SH('2025-06-30'), personId: 'p1', productId: 'nose', channel: 'referral' },
  { type: 'booking', at: SH('2025-06-30'), personId: 'p2', productId: 'nose', channel: 'referral' },
  { type: 'booking', at: SH('2025-06-30'), personId: 'p7', productId: 'eyes', channel: 'referral' },
  { type: 'booking', at: SH('2025-06-30'), personId: 'p9', productId: 'brow', channel: 'referral' },
  { type: 'booking', at: SH('2025-06-30'), personId: 'p9', productId: 'acne', channel: 'referral' },
  // Filings. Lag month = whole months from the referrer's treatment to the filing, + 1.
  // F1 zoe: treated the same day → month 1.
  {
    type: 'filing',
    at: SH('2025-07-01', '09:00'),
    personId: 'p1',
    channel: 'referral',
    level: 1,
    staffId: 'zoe',
    post: 'consultant',
    referrerId: 'r1',
    referrerStar: 4,
    referrerLastTreatmentDay: day('2025-07-01'),
    productId: 'nose',
    group: 'g1',
  },
  // F2 amy (post unknown yet): Apr 2 → Jul 1 is 2 whole months → month 3 (last month of 关键黄金期).
  {
    type: 'filing',
    at: SH('2025-07-01'),
    personId: 'p2',
    channel: 'referral',
    level: 1,
    staffId: 'amy',
    referrerId: 'r2',
    referrerStar: 3,
    referrerLastTreatmentDay: day('2025-04-02'),
    productId: 'nose',
    group: 'g2',
  },
  // F3 amy, a level-2 referral: counts in the referral channel's filings and the lag, never in a KPI.
  {
    type: 'filing',
    at: SH('2025-07-02'),
    personId: 'p3',
    channel: 'referral',
    level: 2,
    staffId: 'amy',
    referrerId: 'r1',
    referrerStar: 4,
    referrerLastTreatmentDay: day('2025-04-01'),
  },
  // F4 amy, search, level 1, a star and a treatment day but no referrer: neither star table nor lag.
  {
    type: 'filing',
    at: SH('2025-07-02'),
    personId: 'p4',
    channel: 'search',
    level: 1,
    staffId: 'amy',
    referrerStar: 5,
    referrerLastTreatmentDay: day('2025-07-01'),
    productId: 'lips',
  },
  // F5 bob, ecommerce level 2: Aug 2 2024 → Jul 2 2025 = 11 months → month 12 (first month of 一年以上).
  {
    type: 'filing',
    at: SH('2025-07-02'),
    personId: 'p5',
    channel: 'ecommerce',
    level: 2,
    staffId: 'bob',
    post: 'consultant',
    referrerId: 'r3',
    referrerStar: 1,
    referrerLastTreatmentDay: day('2024-08-02'),
  },
  // F6 bob: Aug 3 2024 → Jul 2 2025 = 10 months → month 11 (last month of 黄金期).
  {
    type: 'filing',
    at: SH('2025-07-02'),
    personId: 'p6',
    channel: 'referral',
    level: 1,
    staffId: 'bob',
    post: 'consultant',
    referrerId: 'r4',
    referrerStar: 2,
    referrerLastTreatmentDay: day('2024-08-03'),
    group: 'g1',
  },
  // F7 without staff; treatment after filing (bad data): left out of the lag.
  {
    type: 'filing',
    at: SH('2025-07-02'),
    personId: 'p7',
    channel: 'referral',
    level: 1,
    referrerId: 'r5',
    referrerStar: 5,
    referrerLastTreatmentDay: day('2025-07-03'),
    productId: 'eyes',
  },
  // F8 zoe at 23:59 Jul 1: Jun 5 → Jul 1 = 0 months → month 1 again.
  {
    type: 'filing',
    at: SH('2025-07-01', '23:59'),
    personId: 'p8',
    channel: 'referral',
    level: 1,
    staffId: 'zoe',
    referrerId: 'r2',
    referrerStar: 3,
    referrerLastTreatmentDay: day('2025-06-05'),
  },
  // F9 zoe at 00:30 Jul 3 Shanghai (16:30 UTC Jul 2).
  {
    type: 'filing',
    at: at('2025-07-02T16:30:00Z'),
    personId: 'p9',
    channel: 'referral',
    level: 1,
    staffId: 'zoe',
    referrerId: 'r6',
    referrerStar: 3,
  },
  // Visits.
  {
    type: 'visit',
    at: SH('2025-07-04'),
    personId: 'p1',
    channel: 'referral',
    level: 1,
    first: true,
    productId: 'nose',
    staffId: 'zoe',
    group: 'g1',
  },
  {
    type: 'visit',
    at: SH('2025-07-04'),
    personId: 'p2',
    channel: 'referral',
    level: 1,
    first: true,
    productId: 'nose',
    staffId: 'amy',
    group: 'g2',
  },
  {
    type: 'visit',
    at: SH('2025-07-05'),
    personId: 'p3',
    channel: 'referral',
    level: 2,
    first: true,
    productId: 'eyes',
    staffId: 'amy',
    group: 'g1',
  },
  {
    type: 'visit',
    at: SH('2025-07-05'),
    personId: 'p4',
    channel: 'search',
    level: 1,
    first: true,
    productId: 'lips',
    staffId: 'amy',
    group: 'g1',
  },
  {
    type: 'visit',
    at: SH('2025-07-06'),
    personId: 'p1',
    channel: 'referral',
    level: 1,
    first: false,
    productId: 'nose',
    staffId: 'zoe',
    group: 'g1',
  },
  { type: 'visit', at: SH('2025-07-06'), personId: 'p5', channel: 'ecommerce', level: 2, first: true },
  { type: 'visit', at: SH('2025-07-07'), personId: 'p8', channel: 'referral', level: 1, first: true, staffId: 'zoe' },
  {
    type: 'visit',
    at: SH('2025-07-11'),
    personId: 'p6',
    channel: 'referral',
    level: 1,
    first: true,
    productId: 'skin',
    staffId: 'bob',
    group: 'g1',
  },
  // Deals.
  {
    type: 'deal',
    at: SH('2025-07-04'),
    personId: 'p1',
    productId: 'nose',
    amountFen: 600_000,
    channel: 'referral',
    level: 1,
    first: true,
    staffId: 'zoe',
    referrerId: 'r1',
    referrerStar: 4,
    group: 'g1',
  },
  {
    type: 'deal',
    at: SH('2025-07-04'),
    personId: 'p2',
    productId: 'nose',
    amountFen: 300_000,
    channel: 'referral',
    level: 1,
    first: true,
    staffId: 'amy',
    post: 'butler_service',
    referrerStar: 3,
    group: 'g2',
  },
  {
    type: 'deal',
    at: SH('2025-07-05'),
    personId: 'p3',
    productId: 'eyes',
    amountFen: 200_000,
    channel: 'referral',
    level: 2,
    first: true,
    staffId: 'amy',
    referrerStar: 4,
  },
  {
    type: 'deal',
    at: SH('2025-07-05'),
    personId: 'p4',
    productId: 'lips',
    amountFen: 100_000,
    channel: 'search',
    level: 1,
    first: true,
    staffId: 'bob',
    group: 'g1',
  },
  {
    type: 'deal',
    at: SH('2025-07-06'),
    personId: 'p1',
    productId: 'nose',
    amountFen: 400_000,
    channel: 'referral',
    level: 1,
    first: false,
    staffId: 'zoe',
    referrerStar: 4,
    group: 'g1',
  },
  {
    type: 'deal',
    at: SH('2025-07-06'),
    personId: 'p5',
    productId: 'eyes',
    amountFen: 0,
    channel: 'ecommerce',
    level: 2,
    first: true,
    referrerStar: 1,
  },
  {
    type: 'deal',
    at: SH('2025-07-11'),
    personId: 'p6',
    productId: 'skin',
    amountFen: 3,
    channel: 'referral',
    level: 1,
    first: true,
    staffId: 'bob',
    group: 'g1',
  },
  { type: 'consume', at: SH('2025-07-06'), personId: 'p1', amountFen: 120_000 },
  { type: 'consume', at: SH('2025-07-07'), personId: 'p2', amountFen: 30_000 },
  { type: 'spend', at: SH('2025-07-01'), channel: 'social', amountFen: 20_000 },
  { type: 'spend', at: SH('2025-07-01'), channel: 'referral', amountFen: 300_000 },
  { type: 'spend', at: SH('2025-07-01'), channel: 'ecommerce', amountFen: 50_000 },
  // Follow-ups (asOf Jul 10).
  { type: 'followup', at: 0, staffId: 'zoe', dueDay: day('2025-07-09'), doneDay: day('2025-07-09') }, // on time (done on the due day)
  { type: 'followup', at: 0, staffId: 'zoe', dueDay: day('2025-07-08'), doneDay: day('2025-07-07') }, // on time (early)
  { type: 'followup', at: 0, staffId: 'zoe', dueDay: day('2025-07-09'), doneDay: day('2025-07-10') }, // overdue (done late)
  { type: 'followup', at: 0, staffId: 'zoe', dueDay: day('2025-07-10') }, // due today, still open: not overdue yet
  { type: 'followup', at: 0, staffId: 'zoe', dueDay: day('2025-07-10'), doneDay: day('2025-07-10') }, // on time
  { type: 'followup', at: 0, staffId: 'zoe', dueDay: day('2025-07-09') }, // overdue (open past due)
  { type: 'followup', at: 0, staffId: 'zoe', dueDay: day('2025-07-11') }, // not due yet: not counted
  { type: 'followup', at: 0, staffId: 'amy', dueDay: day('2025-07-01') }, // overdue
  { type: 'followup', at: 0, staffId: 'cat', post: 'nurse', dueDay: day('2025-07-11') }, // not due: cat has no row
  { type: 'served', at: 0, staffId: 'zoe', personId: 'c1' },
  { type: 'served', at: 0, staffId: 'zoe', personId: 'c2' },
  { type: 'served', at: 0, staffId: 'zoe', personId: 'c1' },
  { type: 'served', at: 0, staffId: 'bob', personId: 'c3' },
  { type: 'owned', at: 0, staffId: 'zoe', satisfied: true },
  { type: 'owned', at: 0, staffId: 'zoe', satisfied: false },
  { type: 'owned', at: 0, staffId: 'ann', satisfied: true },
  { type: 'owned', at: 0, staffId: 'ann', satisfied: true },
  { type: 'owned', at: 0, staffId: 'ann', satisfied: false },
  { type: 'reward', at: 0, entryType: 'credit', unit: 'fen', amount: 30_000 },
  { type: 'reward', at: 0, entryType: 'credit', unit: 'fen', amount: 10_000 },
  { type: 'reward', at: 0, entryType: 'use', unit: 'fen', amount: 10_000 },
  { type: 'reward', at: 0, entryType: 'expire', unit: 'fen', amount: 5_000 },
  { type: 'reward', at: 0, entryType: 'credit', unit: 'points', amount: 300 },
  { type: 'reward', at: 0, entryType: 'use', unit: 'points', amount: 100 },
  { type: 'reward', at: 0, entryType: 'use', unit: 'points', amount: 50 },
  { type: 'reward', at: 0, entryType: 'expire', unit: 'points', amount: 30 },
  { type: 'reward', at: 0, entryType: 'credit', unit: 'item', amount: 3 },
  { type: 'reward', at: 0, entryType: 'use', unit: 'item', amount: 1 },
  { type: 'reward', at: 0, entryType: 'expire', unit: 'item', amount: 1 },
];
const julyOptions: ReportOptions = {
  settings: S,
  asOf: '2025-07-10',
  staffTargets: {
    zoe: { referralFilings: 6, referralVisits: 2, deals: 3 },
    bob: { referralFilings: 4, dealAmountFen: 0 },
    ann: { satisfiedCustomers: 4 },
  },
};
const buildJuly = (dailyTargets: ReportOptions['dailyTargets'] = []) =>
  buildReports(july(), { ...julyOptions, dailyTargets });
const noFollowUps = { due: 0, onTime: 0, overdue: 0 };

describe('§9 tables pinned on a hand-computed July', () => {
  test('§4 referral share: level-1 referral deals only (600,000 + 300,000 + 400,000 + 3) over all revenue', () => {
    // All revenue: 600,000 + 300,000 + 200,000 + 100,000 + 400,000 + 0 + 3 = 1,600,003.
    // 1,300,003 × 10,000 / 1,600,003 = 8125.00… bp.
    expect(buildJuly().referralShare).toEqual({
      referralRevenueFen: 1_300_003,
      totalRevenueFen: 1_600_003,
      shareBp: 8125,
      targetBp: 1000,
      meetsTarget: true,
    });
  });

  test('§4 person KPIs vs targets (rows by staff id) and follow-ups due / on time / overdue at the as-of day', () => {
    expect(buildJuly().staff).toEqual([
      {
        // Post arrives with her deal; F3 (level 2) and F4 (search) and the level-2 / search visits add nothing.
        staffId: 'amy',
        post: 'butler_service',
        actual: { ...zero, referralFilings: 1, referralVisits: 1, deals: 2, dealAmountFen: 500_000 },
        target: {},
        attainmentBp: {},
        followUps: { due: 1, onTime: 0, overdue: 1 },
      },
      {
        staffId: 'ann',
        post: undefined,
        actual: { ...zero, oldCustomers: 3, satisfiedCustomers: 2 },
        target: { satisfiedCustomers: 4 },
        attainmentBp: { satisfiedCustomers: 5000 },
        followUps: noFollowUps,
      },
      {
        staffId: 'bob',
        post: 'consultant',
        actual: {
          ...zero,
          servedCustomers: 1,
          referralFilings: 1,
          referralVisits: 1,
          deals: 2,
          dealAmountFen: 100_003,
        },
        target: { referralFilings: 4, dealAmountFen: 0 },
        attainmentBp: { referralFilings: 2500, dealAmountFen: 10_000 },
        followUps: noFollowUps,
      },
      {
        staffId: 'zoe',
        post: 'consultant',
        actual: {
          oldCustomers: 2,
          satisfiedCustomers: 1,
          servedCustomers: 2,
          referralFilings: 3,
          referralVisits: 2,
          deals: 2,
          dealAmountFen: 1_000_000,
        },
        target: { referralFilings: 6, referralVisits: 2, deals: 3 },
        attainmentBp: { referralFilings: 5000, referralVisits: 10_000, deals: 6666 },
        followUps: { due: 6, onTime: 3, overdue: 2 },
      },
    ]);
  });

  test('§4 post KPIs vs targets: people of a post and their targets add up; no post → unknown', () => {
    const posts = buildJuly().posts;
    expect(posts).toEqual([
      {
        post: 'butler_service',
        actual: { ...zero, referralFilings: 1, referralVisits: 1, deals: 2, dealAmountFen: 500_000 },
        target: {},
        attainmentBp: {},
        followUps: { due: 1, onTime: 0, overdue: 1 },
      },
      {
        // bob + zoe. Targets: filings 4 + 6 = 10, visits 2, deals 3, amount 0.
        post: 'consultant',
        actual: {
          oldCustomers: 2,
          satisfiedCustomers: 1,
          servedCustomers: 3,
          referralFilings: 4,
          referralVisits: 3,
          deals: 4,
          dealAmountFen: 1_100_003,
        },
        target: { referralFilings: 10, referralVisits: 2, deals: 3, dealAmountFen: 0 },
        attainmentBp: { referralFilings: 4000, referralVisits: 15_000, deals: 13_333, dealAmountFen: 10_000 },
        followUps: { due: 6, onTime: 3, overdue: 2 },
      },
      {
        post: 'unknown',
        actual: { ...zero, oldCustomers: 3, satisfiedCustomers: 2 },
        target: { satisfiedCustomers: 4 },
        attainmentBp: { satisfiedCustomers: 5000 },
        followUps: noFollowUps,
      },
    ]);
  });

  test('§9 product table: by revenue, ties by id; visits include return visits', () => {
    // Visits: nose 3 (two first + one return), eyes 1, lips 1, skin 1 → 6. Revenue over 1,600,003.
    expect(buildJuly().products).toEqual([
      {
        productId: 'nose',
        appointments: 2,
        visits: 3,
        deals: 3,
        revenueFen: 1_300_000,
        visitShareBp: 5000,
        revenueShareBp: 8124,
      },
      {
        productId: 'eyes',
        appointments: 1,
        visits: 1,
        deals: 2,
        revenueFen: 200_000,
        visitShareBp: 1666,
        revenueShareBp: 1249,
      },
      {
        productId: 'lips',
        appointments: 1,
        visits: 1,
        deals: 1,
        revenueFen: 100_000,
        visitShareBp: 1666,
        revenueShareBp: 624,
      },
      { productId: 'skin', appointments: 0, visits: 1, deals: 1, revenueFen: 3, visitShareBp: 1666, revenueShareBp: 0 },
      { productId: 'acne', appointments: 1, visits: 0, deals: 0, revenueFen: 0, visitShareBp: 0, revenueShareBp: 0 },
      { productId: 'brow', appointments: 1, visits: 0, deals: 0, revenueFen: 0, visitShareBp: 0, revenueShareBp: 0 },
    ]);
  });

  test('§9 star-level table: distinct referrers per bucket and revenue share of starred deals', () => {
    // Referrers: ≤1 r3; 2 r4; 3 r2 (twice) and r6; 4 r1 (twice); ≥5 r5. F4's star has no referrer.
    // Starred revenue: ★4 600,000 + 200,000 + 400,000 = 1,200,000; ★3 300,000; ★1 0 → 1,500,000.
    expect(buildJuly().stars).toEqual([
      { bucket: '≤1', referrers: 1, revenueFen: 0, revenueShareBp: 0 },
      { bucket: '2', referrers: 1, revenueFen: 0, revenueShareBp: 0 },
      { bucket: '3', referrers: 2, revenueFen: 300_000, revenueShareBp: 2000 },
      { bucket: '4', referrers: 1, revenueFen: 1_200_000, revenueShareBp: 8000 },
      { bucket: '≥5', referrers: 1, revenueFen: 0, revenueShareBp: 0 },
    ]);
  });

  test('§9 channel table (003): filings, first visits, deals, revenue, second purchases, spend and ROI', () => {
    expect(buildJuly().channels).toEqual([
      {
        channel: 'ecommerce',
        filings: 1,
        visits: 1,
        deals: 1,
        revenueFen: 0,
        secondPurchases: 0,
        spendFen: 50_000,
        roiBp: 0,
      },
      // 1,500,003 × 10,000 / 300,000 = 50,000.1 → 50,000.
      {
        channel: 'referral',
        filings: 7,
        visits: 5,
        deals: 5,
        revenueFen: 1_500_003,
        secondPurchases: 1,
        spendFen: 300_000,
        roiBp: 50_000,
      },
      {
        channel: 'search',
        filings: 1,
        visits: 1,
        deals: 1,
        revenueFen: 100_000,
        secondPurchases: 0,
        spendFen: 0,
        roiBp: null,
      },
      {
        channel: 'social',
        filings: 0,
        visits: 0,
        deals: 0,
        revenueFen: 0,
        secondPurchases: 0,
        spendFen: 20_000,
        roiBp: 0,
      },
    ]);
  });

  test('§5 referral lag by month since treatment, window edges included (months 1, 3 | 4, 11 | 12)', () => {
    // Months: 1 (F1, same day), 3 (F2), 4 (F3), 12 (F5), 11 (F6), 1 (F8) → 6.
    expect(buildJuly().referralLag).toEqual({
      total: 6,
      windows: [
        { windowId: 'peak', label: '关键黄金期', count: 3, shareBp: 5000 },
        { windowId: 'golden', label: '黄金期', count: 2, shareBp: 3333 },
        { windowId: 'late', label: '一年以上', count: 1, shareBp: 1666 },
      ],
      months: [
        { month: 1, count: 2, shareBp: 3333 },
        { month: 3, count: 1, shareBp: 1666 },
        { month: 4, count: 1, shareBp: 1666 },
        { month: 11, count: 1, shareBp: 1666 },
        { month: 12, count: 1, shareBp: 1666 },
      ],
    });
  });

  test('§8 rewards: credited, used, expired and usage rate per unit', () => {
    expect(buildJuly().rewards).toEqual({
      fen: { credited: 40_000, used: 10_000, expired: 5_000, usageRateBp: 2500 },
      points: { credited: 300, used: 150, expired: 30, usageRateBp: 5000 },
      item: { credited: 3, used: 1, expired: 1, usageRateBp: 3333 },
    });
  });

  test('§9 operations template (001)', () => {
    // Paying: p1, p2, p3, p4, p6 (p5's deal is 0) → 1,600,003 / 5 = 320,000.6 → 320,000.
    // First visits 7 (p1, p2, p3, p4, p5, p8, p6), one return; first deals 6 / 7 = 8571 bp.
    expect(buildJuly().operations).toEqual({
      totalRevenueFen: 1_600_003,
      consumedRevenueFen: 150_000,
      payingCustomers: 5,
      spendPerCustomerFen: 320_000,
      firstVisits: 7,
      returnVisits: 1,
      repeatPurchases: 1,
      consultationCloseRateBp: 8571,
      marketingSpendFen: 370_000,
    });
  });

  test('§9 daily deviation by date: total revenue, running totals up to the as-of day', () => {
    const [rev] = buildJuly([
      { metric: 'revenueFen', dimension: 'total', key: 'all', month: '2025-07', value: 3_100_000 },
    ]).deviation;
    expect(rev).toMatchObject({
      metric: 'revenueFen',
      dimension: 'total',
      key: 'all',
      month: '2025-07',
      monthTarget: 3_100_000,
    });
    // 100,000 a day. Jul 4: 900,000; Jul 5: 300,000; Jul 6: 400,000; Jul 11 (3 fen) is after the as-of day.
    const actual = [0, 0, 0, 900_000, 300_000, 400_000, 0, 0, 0, 0];
    let cumA = 0;
    expect(rev?.days).toEqual(
      actual.map((a, i) => {
        cumA += a;
        return {
          date: `2025-07-${String(i + 1).padStart(2, '0')}`,
          target: 100_000,
          actual: a,
          deviation: a - 100_000,
          cumulativeTarget: 100_000 * (i + 1),
          cumulativeActual: cumA,
          cumulativeDeviation: cumA - 100_000 * (i + 1),
        };
      }),
    );
  });

  test('§9 daily deviation by employee, customer group and product for every metric', () => {
    const d = buildJuly([
      { metric: 'deals', dimension: 'staff', key: 'zoe', month: '2025-07', value: 31 },
      { metric: 'referralFilings', dimension: 'product', key: 'nose', month: '2025-07', value: 62 },
      {
        metric: 'referralVisits',
        dimension: 'group',
        key: 'g1',
        month: '2025-07',
        value: 31,
        closedDates: ['2025-07-06'],
      },
      { metric: 'referralVisits', dimension: 'total', key: 'all', month: '2025-07', value: 10 },
      { metric: 'referralFilings', dimension: 'total', key: 'all', month: '2025-07', value: 0 },
      { metric: 'deals', dimension: 'product', key: 'nothing', month: '2025-07', value: 5 },
      { metric: 'revenueFen', dimension: 'group', key: 'g2', month: '2025-07', value: 0 },
      { metric: 'revenueFen', dimension: 'staff', key: 'bob', month: '2025-07', value: 0 },
      { metric: 'revenueFen', dimension: 'product', key: 'nose', month: '2025-07', value: 0 },
    ]).deviation;
    const col = (i: number, f: 'actual' | 'target') => d[i]?.days.map((x) => x[f]);
    // zoe's deals: Jul 4 (first) and Jul 6 (second purchase); target 1 a day.
    expect(col(0, 'actual')).toEqual([0, 0, 0, 1, 0, 1, 0, 0, 0, 0]);
    expect(col(0, 'target')).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(d[0]?.days[9]).toMatchObject({ cumulativeTarget: 10, cumulativeActual: 2, cumulativeDeviation: -8 });
    // Level-1 referral filings for nose: F1 and F2 on Jul 1.
    expect(col(1, 'actual')).toEqual([2, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(col(1, 'target')).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 2, 2]);
    // g1 referral visits: p1 on Jul 4 (p3 is level 2, p4 is search, p6 comes after the as-of day).
    // 31 over 30 open days (Jul 6 closed): the extra one on Jul 1.
    expect(col(2, 'actual')).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
    expect(col(2, 'target')).toEqual([2, 1, 1, 1, 1, 0, 1, 1, 1, 1]);
    // All referral first visits: p1, p2 on Jul 4, p8 on Jul 7; 10 over 31 days → 1 on each of the first 10.
    expect(col(3, 'actual')).toEqual([0, 0, 0, 2, 0, 0, 1, 0, 0, 0]);
    expect(col(3, 'target')).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    // All level-1 referral filings: Jul 1 F1, F2, F8 (23:59); Jul 2 F6, F7; Jul 3 F9 (00:30).
    expect(col(4, 'actual')).toEqual([3, 2, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(col(4, 'target')).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(d[4]?.days[9]).toMatchObject({ cumulativeActual: 6, cumulativeDeviation: 6 });
    // A key with no events is all zeros.
    expect(col(5, 'actual')).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(col(5, 'target')).toEqual([1, 1, 1, 1, 1, 0, 0, 0, 0, 0]);
    expect(col(6, 'actual')).toEqual([0, 0, 0, 300_000, 0, 0, 0, 0, 0, 0]);
    expect(col(7, 'actual')).toEqual([0, 0, 0, 0, 100_000, 0, 0, 0, 0, 0]);
    expect(col(8, 'actual')).toEqual([0, 0, 0, 900_000, 0, 400_000, 0, 0, 0, 0]);
  });

  test('§9 daily deviation runs to the as-of day only: read on Jul 1 it has one day', () => {
    // bob's follow-up due Jul 1 was done on Jul 2: late, so overdue even when read on its due day.
    const late: ReportEvent = {
      type: 'followup',
      at: 0,
      staffId: 'bob',
      dueDay: day('2025-07-01'),
      doneDay: day('2025-07-02'),
    };
    const r = buildReports([...july(), late], {
      ...julyOptions,
      asOf: '2025-07-01',
      dailyTargets: [{ metric: 'referralFilings', dimension: 'staff', key: 'zoe', month: '2025-07', value: 31 }],
    });
    expect(r.asOf).toBe('2025-07-01');
    expect(r.deviation[0]?.days).toEqual([
      {
        date: '2025-07-01',
        target: 1,
        actual: 2,
        deviation: 1,
        cumulativeTarget: 1,
        cumulativeActual: 2,
        cumulativeDeviation: 1,
      },
    ]);
    // Read on Jul 1, zoe's follow-ups from Jul 7 on are not yet due.
    expect(r.staff.find((s) => s.staffId === 'zoe')?.followUps).toEqual(noFollowUps);
    expect(r.staff.find((s) => s.staffId === 'amy')?.followUps).toEqual({ due: 1, onTime: 0, overdue: 0 });
    expect(r.staff.find((s) => s.staffId === 'bob')?.followUps).toEqual({ due: 1, onTime: 0, overdue: 1 });
  });

  test('§4 KPIs go to a named staff member only: referral filing, visit and deal without staff add no row', () => {
    const r = buildReports(
      [
        { type: 'filing', at: SH('2025-07-01'), personId: 'q', channel: 'referral', level: 1 },
        { type: 'visit', at: SH('2025-07-02'), personId: 'q', channel: 'referral', level: 1, first: true },
        {
          type: 'deal',
          at: SH('2025-07-02'),
          personId: 'q',
          productId: 'nose',
          amountFen: 100,
          channel: 'referral',
          level: 1,
          first: true,
        },
      ],
      { settings: S, asOf: '2025-07-10' },
    );
    expect(r.staff).toEqual([]);
    expect(r.posts).toEqual([]);
    expect(r.channels).toEqual([
      {
        channel: 'referral',
        filings: 1,
        visits: 1,
        deals: 1,
        revenueFen: 100,
        secondPurchases: 0,
        spendFen: 0,
        roiBp: null,
      },
    ]);
  });
});

describe('§4 referral share: the meetsTarget edge', () => {
  const deals = (referral: number, other: number): ReportEvent[] => [
    {
      type: 'deal',
      at: 0,
      personId: 'a',
      productId: 'x',
      amountFen: referral,
      channel: 'referral',
      level: 1,
      first: true,
    },
    { type: 'deal', at: 0, personId: 'b', productId: 'x', amountFen: other, channel: 'search', level: 1, first: true },
    // A level-2 referral deal is the other channel's revenue (§2).
    {
      type: 'deal',
      at: 0,
      personId: 'c',
      productId: 'x',
      amountFen: 1_000,
      channel: 'referral',
      level: 2,
      first: true,
    },
  ];
  test('exactly the 10% target meets it; one fen short does not', () => {
    expect(buildReports(deals(1_000, 8_000), { settings: S, asOf: '2025-06-04' }).referralShare).toEqual({
      referralRevenueFen: 1_000,
      totalRevenueFen: 10_000,
      shareBp: 1000,
      targetBp: 1000,
      meetsTarget: true,
    });
    expect(buildReports(deals(999, 8_001), { settings: S, asOf: '2025-06-04' }).referralShare).toEqual({
      referralRevenueFen: 999,
      totalRevenueFen: 10_000,
      shareBp: 999,
      targetBp: 1000,
      meetsTarget: false,
    });
  });
  test('the target is the clinic setting; with no revenue at all a 0% target is still not met', () => {
    const s15 = parseSettings({ referralShareTargetBp: 1500 });
    expect(buildReports(deals(1_000, 8_000), { settings: s15, asOf: '2025-06-04' }).referralShare).toMatchObject({
      targetBp: 1500,
      meetsTarget: false,
    });
    const s0 = parseSettings({ referralShareTargetBp: 0 });
    expect(buildReports([], { settings: s0, asOf: '2025-06-04' }).referralShare).toEqual({
      referralRevenueFen: 0,
      totalRevenueFen: 0,
      shareBp: 0,
      targetBp: 0,
      meetsTarget: false,
    });
    expect(buildReports(deals(0, 1), { settings: s0, asOf: '2025-06-04' }).referralShare.meetsTarget).toBe(true);
  });
});
