import {
  latestWeekText,
  trendAxisLabel,
  trendSpec,
  visibleWeekLabels,
  weekLabel,
} from '../../../src/packages/admin/utils/trend-chart';
import { dashboard } from '../../admin-fixtures';

const weeks = dashboard().weeklyTrend;

describe('近8周趋势 chart spec', () => {
  it('weeks by their Monday, oldest first', () => {
    expect(weekLabel('2026-11-02')).toBe('11/2');
    expect(trendSpec(weeks, 'counts').weeks).toEqual([
      '10/5',
      '10/12',
      '10/19',
      '10/26',
      '11/2',
      '11/9',
      '11/16',
      '11/23',
    ]);
  });

  it('人数: three lines, one point a week each, in the theme colours', () => {
    const spec = trendSpec(weeks, 'counts');
    expect(spec.kind).toBe('line');
    expect(spec.series).toEqual([
      { name: '建档', color: '#c2456b' },
      { name: '到院', color: '#d98c2b' },
      { name: '成交', color: '#2e7d32' },
    ]);
    expect(spec.points).toHaveLength(24);
    expect(spec.points.filter((p) => p.series === '建档').map((p) => p.value)).toEqual([
      20, 21, 22, 23, 24, 25, 26, 27,
    ]);
    expect(spec.points.find((p) => p.series === '成交' && p.week === '11/23')?.value).toBe(4);
    expect(spec.ticks).toEqual([0, 10, 20, 30]);
    expect(spec.empty).toBe(false);
  });

  it('业绩: total and referral revenue as bars in whole yuan, the axis short', () => {
    const spec = trendSpec(weeks, 'revenue');
    expect(spec.kind).toBe('bar');
    expect(spec.series.map((s) => s.name)).toEqual(['总业绩', '老带新业绩']);
    expect(spec.points.find((p) => p.series === '总业绩' && p.week === '10/5')?.value).toBe(200_000);
    expect(spec.points.find((p) => p.series === '老带新业绩' && p.week === '11/23')?.value).toBe(50_000);
    expect(spec.ticks).toEqual([0, 100_000, 200_000, 300_000]);
    expect(spec.ticks.map((t) => trendAxisLabel('revenue', t))).toEqual(['0', '10万', '20万', '30万']);
    expect(trendAxisLabel('counts', 20)).toBe('20');
  });

  it('eight weeks with nothing in them are empty (the page shows words, not a flat line)', () => {
    const quiet = weeks.map((w) => ({ ...w, filings: 0, visits: 0, deals: 0, revenueFen: 0, referralRevenueFen: 0 }));
    expect(trendSpec(quiet, 'counts').empty).toBe(true);
    expect(trendSpec(quiet, 'revenue').empty).toBe(true);
    // Revenue alone is not nothing.
    expect(
      trendSpec(
        quiet.map((w, i) => (i === 3 ? { ...w, revenueFen: 50 } : w)),
        'counts',
      ).empty,
    ).toBe(true);
    expect(
      trendSpec(
        quiet.map((w, i) => (i === 3 ? { ...w, revenueFen: 100 } : w)),
        'revenue',
      ).empty,
    ).toBe(false);
  });

  it('the latest week in words', () => {
    expect(latestWeekText(weeks)).toEqual({
      lead: '11/23 起一周',
      parts: ['建档 27 人', '到院 17 人', '成交 4 笔', '业绩 ¥270,000.00', '老带新 ¥50,000.00'],
    });
    expect(latestWeekText([])).toBeUndefined();
  });

  it('a narrow chart labels every other week, always the latest', () => {
    const labels = trendSpec(weeks, 'counts').weeks;
    expect(visibleWeekLabels(labels, 360)).toEqual(labels);
    expect(visibleWeekLabels(labels, 250)).toEqual(['10/12', '10/26', '11/9', '11/23']);
    expect(visibleWeekLabels(labels.slice(0, 7), 200)).toEqual(['10/5', '10/19', '11/2', '11/16']);
  });
});
