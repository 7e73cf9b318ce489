import { axisTicks } from '../../../src/packages/admin/utils/axis-ticks';

describe('value-axis ticks', () => {
  it('steps of 1, 2 or 5 × 10ⁿ from 0 up past the largest value', () => {
    expect(axisTicks(3)).toEqual([0, 1, 2, 3]);
    expect(axisTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(axisTicks(27)).toEqual([0, 10, 20, 30]);
    expect(axisTicks(41)).toEqual([0, 20, 40, 60]);
    expect(axisTicks(270_000)).toEqual([0, 100_000, 200_000, 300_000]);
  });

  it('whole steps only, and an axis even when everything is 0', () => {
    expect(axisTicks(0)).toEqual([0, 1]);
    expect(axisTicks(1)).toEqual([0, 1]);
    expect(axisTicks(2.5)).toEqual([0, 1, 2, 3]);
  });
});
