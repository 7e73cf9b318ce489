import { monthDayText, targetRowView, timeProgressRule } from '../../../src/packages/admin/utils/month-target';
import { dashboard } from '../../admin-fixtures';

const row = (metric: string) => dashboard().monthTarget.find((r) => r.metric === metric)!;

describe('本月目标与时间进度', () => {
  it('money behind its time progress: actual, target, the time-progress line, attainment and how far behind', () => {
    expect(targetRowView(row('dealAmountFen'))).toEqual({
      metric: 'dealAmountFen',
      label: '带新成交额',
      actual: '¥85,000.00',
      hasTarget: true,
      target: '目标 ¥120,000.00',
      timeProgress: '时间进度 ¥92,000.00',
      attainment: '完成 70.8%',
      fillPercent: 70.8,
      markerPercent: 76.6,
      pace: 'behind',
      paceText: '落后时间进度 ¥7,000.00',
    });
  });

  it('a count ahead of its time progress, the bar full at 100 %', () => {
    const v = targetRowView(row('referralFilings'));
    expect(v.pace).toBe('ahead');
    expect(v.paceText).toBe('领先时间进度 28 人');
    expect(v.fillPercent).toBe(100);
    expect(v.attainment).toBe('完成 100.0%');
  });

  it('beyond the target the bar stays full; on the time progress exactly says so', () => {
    const v = targetRowView({ ...row('deals'), actual: 45, timeProgressTarget: 45, attainmentBp: 15000 });
    expect(v.fillPercent).toBe(100);
    expect(v.pace).toBe('on');
    expect(v.paceText).toBe('与时间进度持平');
  });

  it('without a target: 未设目标, no bar, no time progress, no attainment', () => {
    expect(targetRowView(row('referralVisits'))).toEqual({
      metric: 'referralVisits',
      label: '带新到院量',
      actual: '60 人',
      hasTarget: false,
      target: '未设目标',
      fillPercent: 0,
    });
  });

  it('a target of 0 has no marker and a bar that is full only once something happened', () => {
    const zero = { metric: 'deals' as const, label: '成交量', target: 0, timeProgressTarget: 0 };
    expect(targetRowView({ ...zero, actual: 0 }).fillPercent).toBe(0);
    expect(targetRowView({ ...zero, actual: 2 }).fillPercent).toBe(100);
    expect(targetRowView({ ...zero, actual: 2 }).markerPercent).toBeUndefined();
  });

  it('the rule and the reading date in words', () => {
    expect(timeProgressRule(30, 23)).toBe('时间进度 = 月目标 ÷ 30 天 × 已过 23 天');
    expect(monthDayText('2026-11-03')).toBe('11月3日');
  });
});
