import { funnelSpec } from '../../../src/packages/admin/utils/funnel-chart';
import { dashboard } from '../../admin-fixtures';

describe('转化漏斗 chart spec', () => {
  it('each step with its count and its rate against the step before', () => {
    const spec = funnelSpec(dashboard().funnel);
    expect(spec.steps).toEqual([
      { step: 'filed', label: '建档', count: 120 },
      { step: 'booked', label: '预约', count: 80, rate: '转化 66.6%' },
      { step: 'visited', label: '到院', count: 60, rate: '转化 75.0%' },
      { step: 'dealt', label: '成交', count: 18, rate: '转化 30.0%' },
    ]);
    expect(spec.data.map((d) => d.text)).toEqual(['建档 120', '预约 80', '到院 60', '成交 18']);
    expect(spec.colors).toEqual(['#9e2f53', '#c2456b', '#d9799a', '#f3c5d3']);
    expect(spec.empty).toBe(false);
  });

  it('after an empty step there is no rate; a month with nobody is empty', () => {
    const funnel = dashboard().funnel.map((s) => ({ step: s.step, label: s.label, count: 0 }));
    const spec = funnelSpec(funnel);
    expect(spec.steps.every((s) => s.rate === undefined)).toBe(true);
    expect(spec.empty).toBe(true);
    expect(funnelSpec([{ ...funnel[0], count: 1 }, ...funnel.slice(1)]).empty).toBe(false);
  });
});
