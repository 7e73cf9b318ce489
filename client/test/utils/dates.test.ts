import {
  bookableMonths,
  clinicToday,
  dayDisabledReason,
  firstOpenDate,
  formatDay,
  monthGrid,
  nextOpenDate,
  suggestedVisitDate,
  type CalendarDay,
} from '../../src/utils/dates';
import { STORES, TODAY } from '../fixtures';

const days = (month: string, rules: Parameters<typeof monthGrid>[1]) =>
  monthGrid(month, rules)
    .flat()
    .filter((d): d is CalendarDay => d !== null);

describe('clinicToday (Asia/Shanghai whatever the device zone)', () => {
  it('is the Shanghai date of the instant', () => {
    expect(clinicToday(Date.parse('2026-11-23T15:59:59Z'))).toBe('2026-11-23');
    expect(clinicToday(Date.parse('2026-11-23T16:00:00Z'))).toBe('2026-11-24');
  });
});

describe('monthGrid', () => {
  const rules = { today: TODAY, hours: STORES[0] };

  it('lays the month out in Sunday-first weeks', () => {
    const weeks = monthGrid('2026-11', rules);
    // 1 Nov 2026 is a Sunday: 30 days → 5 weeks, the last one padded.
    expect(weeks).toHaveLength(5);
    expect(weeks[0]?.[0]?.date).toBe('2026-11-01');
    expect(weeks[4]?.slice(2)).toEqual([null, null, null, null, null]);
  });

  it('disables past days, keeps today', () => {
    const nov = days('2026-11', rules);
    expect(nov.find((d) => d.date === '2026-11-22')).toMatchObject({ disabled: true, reason: 'past' });
    expect(nov.find((d) => d.date === TODAY)).toMatchObject({ disabled: false, isToday: true });
  });

  it('disables the store’s closed dates and closed weekdays', () => {
    expect(days('2026-11', rules).find((d) => d.date === '2026-11-26')).toMatchObject({ reason: 'closed' });
    const store2 = days('2026-12', { today: TODAY, hours: STORES[1] });
    const tuesdays = store2.filter((d) => new Date(`${d.date}T00:00:00Z`).getUTCDay() === 2);
    expect(tuesdays.length).toBeGreaterThan(3);
    expect(tuesdays.every((d) => d.disabled && d.reason === 'closed')).toBe(true);
  });

  it('disables days beyond the booking horizon (90 days)', () => {
    expect(dayDisabledReason('2027-02-22', rules)).toBe('too_far');
    expect(dayDisabledReason('2027-02-21', rules)).toBeUndefined();
    expect(bookableMonths(TODAY)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });

  it('finds the first open day', () => {
    expect(firstOpenDate({ today: '2026-11-24', hours: STORES[1] })).toBe('2026-11-25');
  });
});

describe('the day a booking starts with', () => {
  // STORES[1] (二店) is closed on Tuesdays; 2026-11-23 is a Monday.
  const closedTuesdays = { today: TODAY, hours: STORES[1] };

  it('is the first open day, today included', () => {
    expect(suggestedVisitDate({ today: TODAY, hours: STORES[0] })).toBe(TODAY);
    expect(suggestedVisitDate({ today: '2026-11-24', hours: STORES[1] })).toBe('2026-11-25');
  });

  it('for an invited friend, the first open day far enough ahead to count as a referral', () => {
    // One day's lead from Monday lands on the closed Tuesday: Wednesday.
    expect(suggestedVisitDate(closedTuesdays, 1)).toBe('2026-11-25');
    expect(suggestedVisitDate(closedTuesdays, 0)).toBe(TODAY);
    expect(suggestedVisitDate(closedTuesdays, null)).toBe(TODAY);
  });

  it('falls back to the first open day when the lead time leaves none in the bookable range', () => {
    const rules = { today: TODAY, hours: STORES[0], maxDate: '2026-11-24' };
    expect(suggestedVisitDate(rules, 5)).toBe(TODAY);
  });

  it('moves to the next open day when the suggested one is fully booked, and stops at the range end', () => {
    expect(nextOpenDate(closedTuesdays, TODAY)).toBe('2026-11-25');
    expect(nextOpenDate({ today: TODAY, hours: STORES[0], maxDate: '2026-11-24' }, '2026-11-24')).toBeUndefined();
  });
});

describe('formatDay', () => {
  it('names weekday, today and tomorrow', () => {
    expect(formatDay('2026-11-25')).toBe('11月25日 周三');
    expect(formatDay('2026-11-23', TODAY)).toBe('11月23日 周一（今天）');
    expect(formatDay('2026-11-24', TODAY)).toBe('11月24日 周二（明天）');
  });
});
