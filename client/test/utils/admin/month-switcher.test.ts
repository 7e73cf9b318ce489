import { monthNav, monthTitle } from '../../../src/packages/admin/utils/month-switcher';

describe('dashboard month switcher', () => {
  it('names the current month', () => {
    expect(monthTitle('2026-11', '2026-11')).toBe('2026年11月（本月）');
    expect(monthTitle('2026-10', '2026-11')).toBe('2026年10月');
  });

  it('goes back freely, forward only up to the current month, across the year', () => {
    expect(monthNav('2026-11', '2026-11')).toEqual({ prev: '2026-10' });
    expect(monthNav('2026-10', '2026-11')).toEqual({ prev: '2026-09', next: '2026-11' });
    expect(monthNav('2026-01', '2026-11')).toEqual({ prev: '2025-12', next: '2026-02' });
  });
});
