import { fireEvent, render, screen } from '@testing-library/react';
import FiguresPage from '../../src/packages/staff/pages/figures/index';
import * as team from '../../src/services/staff-team';
import { resetTaroMocks, setPlatform } from '../helpers';
import { failResult, figures, okResult, resetServiceMocks } from '../staff-fixtures';

jest.mock('../../src/services/staff-team');
const svc = jest.mocked(team);

beforeEach(() => {
  resetTaroMocks();
  setPlatform('weapp');
  resetServiceMocks(team);
  svc.loadMyFigures.mockImplementation(async (month) =>
    okResult(
      month && month !== '2026-11'
        ? figures({
            month,
            kpis: figures().kpis.map(({ metric, label, actual }) => ({ metric, label, actual })),
            followUps: { due: 0, onTime: 0, overdue: 0 },
          })
        : figures(),
    ),
  );
});

describe('my figures', () => {
  it('the server’s current month: each KPI with actual, target, attainment and a bar; 成交额 as money; follow-ups', async () => {
    render(<FiguresPage />);
    expect(screen.getByTestId('figures-loading')).toBeTruthy();
    await screen.findByTestId('figures-kpis');
    expect(svc.loadMyFigures).toHaveBeenCalledWith(undefined);
    expect(screen.getByTestId('month-title').textContent).toBe('2026年11月（本月）');
    expect(screen.getByTestId('month-next').getAttribute('data-disabled')).toBe('true');

    expect(screen.getByTestId('kpi-dealAmountFen-actual').textContent).toBe('¥29,800.00');
    expect(screen.getByTestId('kpi-dealAmountFen-target').textContent).toBe('目标 ¥50,000.00');
    expect(screen.getByTestId('kpi-dealAmountFen-attainment').textContent).toBe('完成 59.6%');
    expect(screen.getByTestId('kpi-dealAmountFen-bar').getAttribute('data-percent')).toBe('59.6');
    expect(screen.getByTestId('kpi-deals-attainment').textContent).toBe('完成 66.6%');
    expect(screen.getByTestId('kpi-oldCustomers-bar').getAttribute('data-percent')).toBe('100');
    expect(screen.getByTestId('kpi-satisfiedCustomers-target').textContent).toBe('未设目标');
    expect(screen.queryByTestId('kpi-satisfiedCustomers-bar')).toBeNull();
    expect(screen.queryByTestId('figures-no-targets')).toBeNull();

    expect(screen.getByTestId('follow-due').textContent).toBe('20 条');
    expect(screen.getByTestId('follow-on-time').textContent).toBe('17 条');
    expect(screen.getByTestId('follow-overdue').textContent).toBe('2 条');
    expect(screen.getByTestId('follow-rate').textContent).toBe('按时完成率 85.0%');

    // Next is not offered beyond the current month.
    fireEvent.click(screen.getByTestId('month-next'));
    expect(svc.loadMyFigures).toHaveBeenCalledTimes(1);
  });

  it('switches to the previous month and back; a month without targets says so', async () => {
    render(<FiguresPage />);
    await screen.findByTestId('figures-kpis');
    fireEvent.click(screen.getByTestId('month-prev'));
    expect(await screen.findByTestId('figures-no-targets')).toBeTruthy();
    expect(svc.loadMyFigures).toHaveBeenLastCalledWith('2026-10');
    expect(screen.getByTestId('month-title').textContent).toBe('2026年10月');
    expect(screen.getByTestId('kpi-deals-target').textContent).toBe('未设目标');
    expect(screen.queryByTestId('follow-rate')).toBeNull();
    expect(screen.getByTestId('month-next').getAttribute('data-disabled')).toBe('false');
    fireEvent.click(screen.getByTestId('month-next'));
    expect(await screen.findByTestId('kpi-deals-attainment')).toBeTruthy();
    expect(svc.loadMyFigures).toHaveBeenLastCalledWith('2026-11');
  });

  it('a failure has a retry', async () => {
    svc.loadMyFigures.mockResolvedValueOnce(failResult('NETWORK', '网络不可用，请稍后重试'));
    render(<FiguresPage />);
    expect((await screen.findByTestId('figures-error')).textContent).toContain('网络不可用');
    fireEvent.click(screen.getByTestId('retry-button'));
    expect(await screen.findByTestId('figures-kpis')).toBeTruthy();
  });
});
