import { cellText, dateOfCell, parseCellDate, parseStarLevel } from '../../src';

describe('import cells: what a CRM export puts in a cell', () => {
  test('text as Excel shows it: whole numbers without a decimal point, dates as days, booleans in Chinese', () => {
    expect(cellText(null)).toBe('');
    expect(cellText('  王丽 ')).toBe('王丽');
    expect(cellText(13800138000)).toBe('13800138000');
    expect(cellText(4.5)).toBe('4.5');
    expect(cellText(true)).toBe('是');
    expect(cellText(false)).toBe('否');
    expect(cellText(new Date(Date.UTC(2026, 10, 5)))).toBe('2026-11-05');
    expect(cellText(new Date(NaN))).toBe('');
  });

  test('a date cell is its UTC calendar day (spreadsheet dates carry no zone)', () => {
    expect(dateOfCell(new Date(Date.UTC(2026, 0, 31)))).toBe('2026-01-31');
    expect(dateOfCell(new Date('invalid'))).toBeNull();
  });

  test.each([
    [new Date(Date.UTC(2026, 10, 5)), '2026-11-05'],
    [46_331, '2026-11-05'], // an Excel serial (a date cell saved as a number)
    [1, '1899-12-31'],
    ['2026-11-05', '2026-11-05'],
    ['2026/11/5', '2026-11-05'],
    ['2026.11.05', '2026-11-05'],
    ['2026-11-05 14:30', '2026-11-05'],
    ['2026-11-05T14:30:00', '2026-11-05'],
    ['2026年11月5日', '2026-11-05'],
    ['2026年11月5', '2026-11-05'],
    ['20261105', '2026-11-05'],
    ['２０２６－１１－０５', '2026-11-05'],
  ])('the treatment date %p reads as %s', (cell, date) => {
    expect(parseCellDate(cell)).toBe(date);
  });

  test.each([['2026-02-30'], ['2026-13-01'], ['11/05/2026'], ['昨天'], [0], [-3], [1.5], [3_000_000], [true], [null]])(
    'the treatment date %p is not a date',
    (cell) => {
      expect(parseCellDate(cell)).toBeNull();
    },
  );

  test.each([
    [4, 4],
    ['4', 4],
    ['4.0', 4],
    ['4星', 4],
    ['4 星级', 4],
    ['4级', 4],
    ['四星', 4],
    ['一星', 1],
    ['两星', 2],
    ['五', 5],
    ['★★★', 3],
    ['★', 1],
  ])('the star level %p reads as %i', (cell, level) => {
    expect(parseStarLevel(cell)).toBe(level);
  });

  test.each([[0], [6], ['4.5'], [4.5], ['六星'], ['★★★★★★'], ['很好'], ['-1']])(
    'the star level %p is refused',
    (cell) => {
      expect(parseStarLevel(cell)).toBeNull();
    },
  );

  test('an empty star cell is no star level', () => {
    expect(parseStarLevel(null)).toBeUndefined();
    expect(parseStarLevel('  ')).toBeUndefined();
  });
});
