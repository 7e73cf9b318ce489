import fc from 'fast-check';
import { assertFen, formatBp, formatFen, ratioBp, shareOfFen } from '../../src';

describe('integer fen arithmetic (§8 rounding rule: floor to the fen)', () => {
  test('shares round down, exactly, even past 2^53 intermediate products', () => {
    expect(shareOfFen(12_345, 833)).toBe(1028);
    expect(shareOfFen(999, 10_000)).toBe(999);
    expect(shareOfFen(0, 500)).toBe(0);
    expect(shareOfFen(Number.MAX_SAFE_INTEGER, 5000)).toBe(4_503_599_627_370_495);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 0, max: 10_000 }), (a, bp) => {
        const s = shareOfFen(a, bp);
        expect(Number.isInteger(s)).toBe(true);
        expect(s * 10_000 <= a * bp).toBe(true);
        expect((s + 1) * 10_000 > a * bp).toBe(true);
      }),
    );
  });
  test('invalid amounts and rates are refused', () => {
    expect(() => shareOfFen(1.5, 100)).toThrow('金额必须是非负整数');
    expect(() => shareOfFen(-1, 100)).toThrow();
    expect(() => shareOfFen(100, 10_001)).toThrow('比例必须是 0–10000');
    expect(() => shareOfFen(100, -1)).toThrow();
    expect(() => shareOfFen(100, 1.5)).toThrow();
    expect(assertFen(5)).toBe(5);
    expect(() => assertFen(Number.MAX_SAFE_INTEGER + 1, '返利')).toThrow('返利必须是非负整数');
  });
  test('ratios in basis points, exact for large values', () => {
    expect(ratioBp(1, 3)).toBe(3333);
    expect(ratioBp(5, 0)).toBe(0);
    expect(ratioBp(5, -1)).toBe(0);
    expect(ratioBp(10 ** 15, 3 * 10 ** 15)).toBe(3333);
  });
  test('display formatting from integers', () => {
    expect(formatFen(123_456_789)).toBe('¥1,234,567.89');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(-150)).toBe('-¥1.50');
    expect(formatBp(1234)).toBe('12.34%');
    expect(formatBp(5)).toBe('0.05%');
  });
});
