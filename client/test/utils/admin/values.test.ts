import { compactYuan, metricValueText, percentText, pointsText } from '../../../src/packages/admin/utils/values';

describe('dashboard numbers', () => {
  it('basis points → percent with one decimal, never rounded up', () => {
    expect(percentText(850)).toBe('8.5%');
    expect(percentText(999)).toBe('9.9%');
    expect(percentText(1000)).toBe('10.0%');
    expect(percentText(6666)).toBe('66.6%');
    expect(percentText(10000)).toBe('100.0%');
    expect(percentText(9)).toBe('0.0%');
    expect(pointsText(150)).toBe('1.5');
  });

  it('money is fen shown as yuan with separators; counts carry their unit', () => {
    expect(metricValueText('dealAmountFen', 8_500_000)).toBe('¥85,000.00');
    expect(metricValueText('dealAmountFen', 1)).toBe('¥0.01');
    expect(metricValueText('referralFilings', 12)).toBe('12 人');
    expect(metricValueText('referralVisits', 0)).toBe('0 人');
    expect(metricValueText('deals', 3)).toBe('3 笔');
  });

  it('axis yuan are short: separators below 1万, then 万 and 亿 with one decimal rounded down', () => {
    expect(compactYuan(0)).toBe('0');
    expect(compactYuan(800)).toBe('800');
    expect(compactYuan(9_500)).toBe('9,500');
    expect(compactYuan(9_999.9)).toBe('9,999');
    expect(compactYuan(10_000)).toBe('1万');
    expect(compactYuan(12_999)).toBe('1.2万');
    expect(compactYuan(350_000)).toBe('35万');
    expect(compactYuan(99_999_999)).toBe('9999.9万');
    expect(compactYuan(150_000_000)).toBe('1.5亿');
  });
});
