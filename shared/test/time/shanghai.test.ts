import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  calendarDaysBetween,
  compareDates,
  dateToDayNumber,
  dayNumberToDate,
  daysBetween,
  daysInMonth,
  isLocalDate,
  localDate,
  monthOf,
  monthsBetween,
  monthsBetweenDays,
  shanghaiDayNumber,
  weekday,
  withDayOfMonth,
} from '../../src';

dayjs.extend(utc);
dayjs.extend(timezone);

describe('Asia/Shanghai calendar (R2 lead time, §6 cadence)', () => {
  test('R2: local dates and calendar-day differences are Shanghai dates', () => {
    expect(localDate('2025-03-01T16:00:00Z')).toBe('2025-03-02');
    expect(localDate('2025-03-01T15:59:59Z')).toBe('2025-03-01');
    expect(localDate(Date.parse('2025-03-01T16:00:00Z'))).toBe('2025-03-02');
    expect(calendarDaysBetween('2025-03-01T23:59:00+08:00', '2025-03-02T00:01:00+08:00')).toBe(1);
    expect(calendarDaysBetween('2025-03-02T00:01:00+08:00', '2025-03-02T23:59:00+08:00')).toBe(0);
    expect(() => localDate('not a date')).toThrow('无效的时间');
  });
  test('F2: month arithmetic clamps to short months', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(daysBetween('2025-03-10', '2025-03-01')).toBe(-9);
    expect(monthsBetween('2025-01-31', '2025-02-28')).toBe(1);
    expect(daysInMonth('2024-02')).toBe(29);
    expect(monthOf('2024-02-10')).toBe('2024-02');
    expect(withDayOfMonth('2025-04-03', 31)).toBe('2025-04-30');
    expect(withDayOfMonth('2025-04-03', 9)).toBe('2025-04-09');
    expect(weekday('2025-04-06')).toBe(0);
    expect(compareDates('2025-01-01', '2025-01-02')).toBe(-1);
    expect(compareDates('2025-01-02', '2025-01-01')).toBe(1);
    expect(compareDates('2025-01-02', '2025-01-02')).toBe(0);
  });
  test('F1: impossible and malformed dates are refused', () => {
    expect(isLocalDate('2025-02-29')).toBe(false);
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2025-2-1')).toBe(false);
    expect(() => addDays('2025-13-01', 1)).toThrow('日期不存在');
    expect(() => addDays('20250101', 1)).toThrow('日期格式应为 YYYY-MM-DD');
  });
  test('fast day numbers agree with dayjs.tz for every hour over 40 years', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('1995-01-01T00:00:00Z'), max: Date.parse('2035-12-31T00:00:00Z') }),
        (ms) => {
          expect(dayNumberToDate(shanghaiDayNumber(ms))).toBe(dayjs(ms).tz('Asia/Shanghai').format('YYYY-MM-DD'));
        },
      ),
    );
    expect(dateToDayNumber('1970-01-02')).toBe(1);
  });
  test('fast month differences agree with dayjs', () => {
    const days = fc.integer({ min: dateToDayNumber('2020-01-01'), max: dateToDayNumber('2030-12-31') });
    fc.assert(
      fc.property(days, days, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        expect(monthsBetweenDays(from, to)).toBe(monthsBetween(dayNumberToDate(from), dayNumberToDate(to)));
      }),
    );
    expect(monthsBetweenDays(dateToDayNumber('2025-03-31'), dateToDayNumber('2025-01-31'))).toBe(-2);
  });
  test('month differences on day numbers: short months clamp the anchor day, earlier ends are negative', () => {
    const d = dateToDayNumber;
    // Jan 31 → Feb 28 is a whole month (the anchor clamps to Feb's last day); Feb 27 is not.
    expect(monthsBetweenDays(d('2025-01-31'), d('2025-02-28'))).toBe(1);
    expect(monthsBetweenDays(d('2025-01-31'), d('2025-02-27'))).toBe(0);
    expect(monthsBetweenDays(d('2024-01-31'), d('2024-02-29'))).toBe(1);
    expect(monthsBetweenDays(d('2025-03-31'), d('2025-04-30'))).toBe(1);
    expect(monthsBetweenDays(d('2025-03-31'), d('2025-04-29'))).toBe(0);
    // Backwards is minus the forwards difference (Jan 20 → Mar 15 is 1 month), and the same day is exactly +0.
    expect(monthsBetweenDays(d('2025-03-15'), d('2025-01-20'))).toBe(-1);
    expect(monthsBetweenDays(d('2025-01-20'), d('2025-03-15'))).toBe(1);
    expect(monthsBetweenDays(d('2025-03-15'), d('2025-03-15'))).toBe(0);
  });
  test('day numbers round-trip through dates', () => {
    expect(dateToDayNumber('1970-01-01')).toBe(0);
    expect(dateToDayNumber('2025-06-04')).toBe(Date.UTC(2025, 5, 4) / 86_400_000);
    expect(dayNumberToDate(Date.UTC(2025, 5, 4) / 86_400_000)).toBe('2025-06-04');
    expect(shanghaiDayNumber(Date.parse('2025-06-03T16:00:00Z'))).toBe(dateToDayNumber('2025-06-04'));
    expect(shanghaiDayNumber(Date.parse('2025-06-03T15:59:59.999Z'))).toBe(dateToDayNumber('2025-06-03'));
  });
});
