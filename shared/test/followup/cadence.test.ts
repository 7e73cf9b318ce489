import {
  cadenceDueDates,
  DEFAULT_SETTINGS,
  friendCheckDates,
  isOpenDay,
  nextOpenDay,
  parseSettings,
  previousOpenDay,
  type StoreCalendar,
} from '../../src';

const S = DEFAULT_SETTINGS;
const monToSat: StoreCalendar = {
  openingHours: [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday })),
  closedDates: ['2025-04-10'],
};

describe('F1/F2/F3 cadence (§6), Asia/Shanghai', () => {
  test('F1: filing day, day 7, day 20', () => {
    expect(cadenceDueDates('F1', '2025-03-03T10:00:00+08:00', S)).toEqual(['2025-03-03', '2025-03-10', '2025-03-23']);
  });
  test('F1: filed on the 31st runs into the next month rather than losing follow-ups', () => {
    expect(cadenceDueDates('F1', '2025-03-31T10:00:00+08:00', S)).toEqual(['2025-03-31', '2025-04-07', '2025-04-20']);
  });
  test('F1: the filing day is the Shanghai date (16:30Z is 00:30 the next day)', () => {
    expect(cadenceDueDates('F1', '2025-03-02T16:30:00Z', S)[0]).toBe('2025-03-03');
  });
  test('F1: a due date on a closed day moves to the next open day', () => {
    // 2025-04-06 is a Sunday; 04-10 is a closed date.
    expect(cadenceDueDates('F1', '2025-04-03T10:00:00+08:00', S, monToSat)).toEqual([
      '2025-04-03',
      '2025-04-11',
      '2025-04-23',
    ]);
    expect(cadenceDueDates('F1', '2025-03-30T10:00:00+08:00', S, monToSat)).toEqual([
      '2025-03-31',
      '2025-04-07',
      '2025-04-19',
    ]);
    expect(cadenceDueDates('F1', '2025-03-03T10:00:00+08:00', S, undefined, 2)).toEqual(['2025-03-03', '2025-03-10']);
  });
  test('F2: from one month after filing, the first 10th or 20th on or after that date', () => {
    expect(cadenceDueDates('F2', '2025-03-05T10:00:00+08:00', S)).toEqual([
      '2025-04-10',
      '2025-04-20',
      '2025-05-10',
      '2025-05-20',
      '2025-06-10',
      '2025-06-20',
    ]);
    expect(cadenceDueDates('F2', '2025-03-15T10:00:00+08:00', S, undefined, 3)).toEqual([
      '2025-04-20',
      '2025-05-10',
      '2025-05-20',
    ]);
    // Inclusive: one month after the 20th is the 20th.
    expect(cadenceDueDates('F2', '2025-03-20T10:00:00+08:00', S, undefined, 2)).toEqual(['2025-04-20', '2025-05-10']);
    expect(cadenceDueDates('F2', '2025-03-21T10:00:00+08:00', S, undefined, 1)).toEqual(['2025-05-10']);
  });
  test('F2: filed on Jan 31 starts from Feb 28 (or 29), so the first is March 10', () => {
    expect(cadenceDueDates('F2', '2025-01-31T10:00:00+08:00', S, undefined, 2)).toEqual(['2025-03-10', '2025-03-20']);
    expect(cadenceDueDates('F2', '2024-01-31T10:00:00+08:00', S, undefined, 1)).toEqual(['2024-03-10']);
    expect(cadenceDueDates('F2', '2025-01-09T10:00:00+08:00', S, undefined, 1)).toEqual(['2025-02-10']);
  });
  test('F2: closed days shift forward; days beyond a short month clamp to its last day', () => {
    expect(cadenceDueDates('F2', '2025-03-05T10:00:00+08:00', S, monToSat, 2)).toEqual(['2025-04-11', '2025-04-21']);
    const s = parseSettings({ followUp: { f2DaysOfMonth: [15, 31] } });
    expect(cadenceDueDates('F2', '2025-01-05T10:00:00+08:00', s, undefined, 4)).toEqual([
      '2025-02-15',
      '2025-02-28',
      '2025-03-15',
      '2025-03-31',
    ]);
    // The 30th and the 31st meet on April 30: one task, not two.
    const t = parseSettings({ followUp: { f2DaysOfMonth: [31, 30] } });
    expect(cadenceDueDates('F2', '2025-03-01T10:00:00+08:00', t, undefined, 3)).toEqual([
      '2025-04-30',
      '2025-05-30',
      '2025-05-31',
    ]);
    // Two due days pushed onto the same open day collapse to one task.
    const u = parseSettings({ followUp: { f2DaysOfMonth: [10, 11] } });
    expect(
      cadenceDueDates(
        'F2',
        '2025-03-01T10:00:00+08:00',
        u,
        { openingHours: monToSat.openingHours, closedDates: ['2025-04-10'] },
        2,
      ),
    ).toEqual(['2025-04-11']);
  });
  test('F3: from two months after filing, monthly, anchored on the filing day', () => {
    expect(cadenceDueDates('F3', '2024-12-31T10:00:00+08:00', S)).toEqual([
      '2025-02-28',
      '2025-03-31',
      '2025-04-30',
      '2025-05-31',
      '2025-06-30',
      '2025-07-31',
    ]);
    expect(cadenceDueDates('F3', '2023-12-31T10:00:00+08:00', S, undefined, 1)).toEqual(['2024-02-29']);
    const s = parseSettings({ followUp: { f3StartMonths: 3, f3IntervalMonths: 2 } });
    expect(cadenceDueDates('F3', '2025-01-15T10:00:00+08:00', s, undefined, 3)).toEqual([
      '2025-04-15',
      '2025-06-15',
      '2025-08-15',
    ]);
  });
  test('F3: a due date on a Sunday moves to Monday', () => {
    // 2025-05-04 is a Sunday.
    expect(cadenceDueDates('F3', '2025-03-04T10:00:00+08:00', S, monToSat, 1)).toEqual(['2025-05-05']);
  });
  test('§6 friend check: friend of a willing old customer: next day, then every 15 days', () => {
    expect(friendCheckDates('2025-03-10T10:00:00+08:00', S)).toEqual([
      '2025-03-11',
      '2025-03-26',
      '2025-04-10',
      '2025-04-25',
    ]);
    expect(friendCheckDates('2025-03-10T10:00:00+08:00', S, 1)).toEqual(['2025-03-11']);
  });
});

describe('store calendar', () => {
  test('open days, and a store closed all year leaves the date as it is', () => {
    expect(isOpenDay(monToSat, '2025-04-06')).toBe(false);
    expect(isOpenDay(monToSat, '2025-04-07')).toBe(true);
    expect(isOpenDay(monToSat, '2025-04-10')).toBe(false);
    expect(nextOpenDay(monToSat, '2025-04-06')).toBe('2025-04-07');
    expect(previousOpenDay(monToSat, '2025-04-06')).toBe('2025-04-05');
    expect(previousOpenDay(monToSat, '2025-04-07')).toBe('2025-04-07');
    expect(nextOpenDay(undefined, '2025-04-06')).toBe('2025-04-06');
    const never: StoreCalendar = { openingHours: [], closedDates: [] };
    expect(nextOpenDay(never, '2025-04-06')).toBe('2025-04-06');
    expect(previousOpenDay(never, '2025-04-06')).toBe('2025-04-06');
    // Exactly at the search bound: a store whose only open day is 366 days away is found.
    const far: StoreCalendar = { openingHours: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday })), closedDates: [] };
    expect(nextOpenDay(far, '2025-01-01')).toBe('2025-01-01');
  });
});
