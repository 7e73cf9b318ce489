import {
  attainmentText,
  followUpView,
  kpiValueText,
  kpiView,
  monthNav,
  monthTitle,
  progressPercent,
} from '../../src/utils/figures';
import { figures } from '../staff-fixtures';

describe('my figures', () => {
  it('attainment: basis points → percent with one decimal, never rounded up', () => {
    expect(attainmentText(8534)).toBe('85.3%');
    expect(attainmentText(9999)).toBe('99.9%');
    expect(attainmentText(10000)).toBe('100.0%');
    expect(attainmentText(12000)).toBe('120.0%');
    expect(attainmentText(5)).toBe('0.0%');
    expect(attainmentText(0)).toBe('0.0%');
    expect(attainmentText(6666)).toBe('66.6%');
  });

  it('the bar fills up to 100 %', () => {
    expect(progressPercent(undefined)).toBe(0);
    expect(progressPercent(0)).toBe(0);
    expect(progressPercent(5960)).toBe(59.6);
    expect(progressPercent(15000)).toBe(100);
  });

  it('成交额 is money (shared formatFen), the others counts', () => {
    expect(kpiValueText('dealAmountFen', 2980000)).toBe('¥29,800.00');
    expect(kpiValueText('deals', 2)).toBe('2 笔');
    expect(kpiValueText('oldCustomers', 42)).toBe('42 位');
  });

  it('a KPI with a target, one reached, and one without (未设目标)', () => {
    const [old, satisfied, , , , , amount] = figures().kpis;
    expect(kpiView(amount!)).toEqual({
      metric: 'dealAmountFen',
      label: '成交额',
      actual: '¥29,800.00',
      target: '目标 ¥50,000.00',
      hasTarget: true,
      attainment: '59.6%',
      percent: 59.6,
      reached: false,
    });
    expect(kpiView(old!)).toMatchObject({ target: '目标 40 位', attainment: '105.0%', percent: 100, reached: true });
    const none = kpiView(satisfied!);
    expect(none).toMatchObject({ target: '未设目标', hasTarget: false, percent: 0, reached: false });
    expect(none).not.toHaveProperty('attainment');
  });

  it('the month switcher goes back freely and forward up to the current month', () => {
    expect(monthNav('2026-11', '2026-11')).toEqual({ prev: '2026-10' });
    expect(monthNav('2026-10', '2026-11')).toEqual({ prev: '2026-09', next: '2026-11' });
    expect(monthNav('2026-01', '2026-03')).toEqual({ prev: '2025-12', next: '2026-02' });
    expect(monthNav('2025-12', '2026-01')).toEqual({ prev: '2025-11', next: '2026-01' });
    expect(monthTitle('2026-11', '2026-11')).toBe('2026年11月（本月）');
    expect(monthTitle('2026-10', '2026-11')).toBe('2026年10月');
  });

  it('follow-ups: 应完成 / 按时完成 / 逾期 and the on-time rate when anything was due', () => {
    expect(followUpView({ due: 20, onTime: 17, overdue: 2 })).toEqual({
      due: '20 条',
      onTime: '17 条',
      overdue: '2 条',
      rate: '按时完成率 85.0%',
    });
    expect(followUpView({ due: 0, onTime: 0, overdue: 0 })).not.toHaveProperty('rate');
  });
});
