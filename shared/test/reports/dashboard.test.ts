import {
  DEFAULT_SETTINGS,
  dashboardDays,
  dashboardFigures,
  foldEvents,
  timeProgress,
  type ReportEvent,
  type StaffPost,
} from '../../src';

const at = (iso: string) => Date.parse(iso);
const day = (d: string) => {
  const [y, m, dd] = d.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, dd) / 86_400_000;
};

const referralFiling = (iso: string, personId: string, staffId = 's1'): ReportEvent => ({
  type: 'filing',
  at: at(iso),
  personId,
  channel: 'referral',
  level: 1,
  staffId,
});
const deal = (iso: string, personId: string, amountFen: number, channel = 'referral', first = true): ReportEvent => ({
  type: 'deal',
  at: at(iso),
  personId,
  productId: 'eyes',
  amountFen,
  channel,
  level: 1,
  first,
  staffId: 's1',
});

const person = (id: string, targets?: Record<string, number>, post: StaffPost = 'consultant') => ({
  id,
  name: `员工${id}`,
  post,
  postLabel: '咨询师',
  ...(targets ? { targets } : {}),
});

function figures(events: ReportEvent[], asOf: string, staff = [person('s1')]) {
  return dashboardFigures({
    month: asOf.slice(0, 7),
    asOf,
    days: foldEvents(events, day(asOf)),
    settings: DEFAULT_SETTINGS,
    staff,
  });
}

describe('经营看板 (§4, §9)', () => {
  test('§4 referral share: referral revenue of the month against the 10% target, other months left out', () => {
    const d = figures(
      [
        deal('2027-03-02T10:00:00+08:00', 'a', 100_000),
        deal('2027-03-03T10:00:00+08:00', 'b', 900_000, 'search'),
        deal('2027-02-27T10:00:00+08:00', 'c', 5_000_000),
        deal('2027-03-20T10:00:00+08:00', 'd', 7_000_000),
      ],
      '2027-03-10',
    );
    expect(d.referralShare).toEqual({
      referralRevenueFen: 100_000,
      totalRevenueFen: 1_000_000,
      shareBp: 1000,
      targetBp: 1000,
      meetsTarget: true,
    });
  });

  test('funnel: referral filings → bookings → first visits → first deals, each against the step before', () => {
    const events: ReportEvent[] = [
      referralFiling('2027-03-01T10:00:00+08:00', 'a'),
      referralFiling('2027-03-01T11:00:00+08:00', 'b'),
      referralFiling('2027-03-02T11:00:00+08:00', 'c'),
      referralFiling('2027-03-02T12:00:00+08:00', 'd'),
      { type: 'booking', at: at('2027-03-02T10:00:00+08:00'), personId: 'a', productId: 'eyes', channel: 'referral' },
      { type: 'booking', at: at('2027-03-02T10:00:00+08:00'), personId: 'b', productId: 'eyes', channel: 'referral' },
      { type: 'booking', at: at('2027-03-02T10:00:00+08:00'), personId: 'x', productId: 'eyes', channel: 'search' },
      { type: 'visit', at: at('2027-03-03T10:00:00+08:00'), personId: 'a', channel: 'referral', level: 1, first: true },
      deal('2027-03-03T11:00:00+08:00', 'a', 100),
      deal('2027-03-04T11:00:00+08:00', 'a', 100, 'referral', false),
    ];
    expect(figures(events, '2027-03-05').funnel).toEqual([
      { step: 'filed', label: '建档', count: 4 },
      { step: 'booked', label: '预约', count: 2, rateBp: 5000 },
      { step: 'visited', label: '到院', count: 1, rateBp: 5000 },
      { step: 'dealt', label: '成交', count: 1, rateBp: 10_000 },
    ]);
    // A step after an empty one has no rate.
    expect(figures([], '2027-03-05').funnel.every((s) => s.rateBp === undefined && s.count === 0)).toBe(true);
  });

  test('month against target: the people’s targets add up; time progress is 月目标 ÷ 天数 × 已过天数', () => {
    expect(timeProgress(100, 15, 30)).toBe(50);
    expect(timeProgress(10, 1, 31)).toBe(0);
    expect(timeProgress(31, 31, 31)).toBe(31);
    const d = figures(
      [referralFiling('2027-04-02T10:00:00+08:00', 'a'), deal('2027-04-03T10:00:00+08:00', 'a', 200_000)],
      '2027-04-15',
      [
        person('s1', { referralFilings: 20, dealAmountFen: 1_000_000 }),
        person('s2', { referralFilings: 10 }),
        person('s3'),
      ],
    );
    expect(d.daysInMonth).toBe(30);
    expect(d.daysElapsed).toBe(15);
    expect(d.monthTarget).toEqual([
      {
        metric: 'dealAmountFen',
        label: '成交额',
        actual: 200_000,
        target: 1_000_000,
        timeProgressTarget: 500_000,
        attainmentBp: 2000,
      },
      {
        metric: 'referralFilings',
        label: '带新建档量',
        actual: 1,
        target: 30,
        timeProgressTarget: 15,
        attainmentBp: 333,
      },
      { metric: 'referralVisits', label: '带新到院量', actual: 0 },
      { metric: 'deals', label: '成交量', actual: 1 },
    ]);
  });

  test('a target of 0 is met; no one with a target means no target', () => {
    const d = figures([], '2027-04-15', [person('s1', { deals: 0 })]);
    expect(d.monthTarget.find((m) => m.metric === 'deals')).toMatchObject({ target: 0, attainmentBp: 10_000 });
    expect(d.slips).toEqual([]);
  });

  test('slips: people behind their plan to date, by the share they miss, at most 20', () => {
    const staff = [
      person('s1', { referralFilings: 30 }), // plan 15 by the 15th, actual 12: misses 20 %
      person('s2', { referralFilings: 30 }), // plan 15, actual 0: misses 100 %
      person('s3', { referralFilings: 30, deals: 2 }), // plan 15 / 1, actual 15 / 0: deals miss 100 %
      person('s4', { referralFilings: 30 }), // ahead
    ];
    const filings = (staffId: string, n: number) =>
      Array.from({ length: n }, (_, i) => referralFiling('2027-04-10T10:00:00+08:00', `${staffId}-${i}`, staffId));
    const d = figures([...filings('s1', 12), ...filings('s3', 15), ...filings('s4', 20)], '2027-04-15', staff);
    expect(d.slips.map((s) => [s.staffId, s.metric, s.cumulativeTarget, s.cumulativeActual, s.deviation])).toEqual([
      ['s2', 'referralFilings', 15, 0, -15],
      ['s3', 'deals', 1, 0, -1],
      ['s1', 'referralFilings', 15, 12, -3],
    ]);
    const many = Array.from({ length: 25 }, (_, i) => person(`m${String(i).padStart(2, '0')}`, { deals: 30 }));
    expect(figures([], '2027-04-15', many).slips).toHaveLength(20);
  });

  test('a staff id that names an object property is a person like any other', () => {
    const d = figures([], '2027-04-15', [person('constructor', { deals: 30 })]);
    expect(d.slips).toEqual([expect.objectContaining({ staffId: 'constructor', cumulativeActual: 0, deviation: -15 })]);
  });

  test('weekly trend: eight Monday weeks, the last holding the day read on; later days are not counted', () => {
    const d = figures(
      [
        deal('2027-03-10T10:00:00+08:00', 'a', 300, 'search'), // Wednesday of the last week
        deal('2027-03-08T00:30:00+08:00', 'b', 200), // its Monday
        deal('2027-03-07T23:30:00+08:00', 'c', 100), // the Sunday before
        deal('2027-01-24T10:00:00+08:00', 'e', 50), // the first week's Sunday
        deal('2027-01-17T10:00:00+08:00', 'f', 9), // the Sunday before the trend
      ],
      '2027-03-10',
    );
    expect(d.weeklyTrend.map((w) => w.weekStart)).toEqual([
      '2027-01-18',
      '2027-01-25',
      '2027-02-01',
      '2027-02-08',
      '2027-02-15',
      '2027-02-22',
      '2027-03-01',
      '2027-03-08',
    ]);
    expect(d.weeklyTrend[0]).toMatchObject({ revenueFen: 50, deals: 1 });
    expect(d.weeklyTrend.at(-2)).toMatchObject({ revenueFen: 100, referralRevenueFen: 100 });
    expect(d.weeklyTrend.at(-1)).toMatchObject({ revenueFen: 500, referralRevenueFen: 200, deals: 2 });
  });

  test('the days a dashboard reads: from the earlier of the month’s first day and the trend’s first Monday', () => {
    expect(dashboardDays('2027-03', '2027-03-10')).toEqual({ from: '2027-01-18', to: '2027-03-10' });
    // A Sunday belongs to the week that started the Monday before.
    expect(dashboardDays('2027-03', '2027-03-14')).toEqual({ from: '2027-01-18', to: '2027-03-14' });
    expect(dashboardDays('2027-03', '2027-03-15')).toEqual({ from: '2027-01-25', to: '2027-03-15' });
  });
});
