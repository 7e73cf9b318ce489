import { fireEvent, render, screen, within } from '@testing-library/react';
import Dashboard from '../../src/packages/admin/pages/reports/index';
import * as reports from '../../src/services/reports';
import { USER, VISITOR, cloudCalls, ok, resetTaroMocks, routeCloud, setPlatform } from '../helpers';
import { chainDashboard, dashboard } from '../admin-fixtures';
import { failResult, okResult } from '../staff-fixtures';

jest.mock('../../src/services/reports');
const svc = jest.mocked(reports);

const MANAGER = { ...VISITOR, roles: ['staff', 'manager'] };

function signedInAs(user: unknown): void {
  routeCloud({ 'user.login': () => ok(user) });
}

beforeEach(() => {
  resetTaroMocks();
  setPlatform('weapp');
  svc.loadDashboard.mockReset();
  signedInAs(MANAGER);
  svc.loadDashboard.mockImplementation(async (query = {}) =>
    okResult(query.month && query.month !== '2026-11' ? dashboard({ month: query.month, slips: [] }) : dashboard()),
  );
});

const text = (id: string) => screen.getByTestId(id).textContent;

describe('经营看板 checks the role on the server, not by hiding the link', () => {
  it('a customer who opens the page by its path is refused, and no report is asked for', async () => {
    signedInAs(USER);
    render(<Dashboard />);
    expect((await screen.findByTestId('admin-denied')).textContent).toContain('无权查看经营看板');
    expect(screen.queryByTestId('dashboard-page')).toBeNull();
    expect(svc.loadDashboard).not.toHaveBeenCalled();
  });

  it('a manager the reports function refuses sees the same refusal', async () => {
    svc.loadDashboard.mockResolvedValue(failResult('FORBIDDEN', '您没有权限进行此操作'));
    render(<Dashboard />);
    expect(await screen.findByTestId('admin-denied')).toBeTruthy();
    expect(cloudCalls().map((c) => c.call)).toEqual(['user.login']);
  });
});

describe('a store manager’s month', () => {
  it('the scope, the referral share against its 10 % target, and the two revenues', async () => {
    render(<Dashboard />);
    expect(screen.getByTestId('admin-loading')).toBeTruthy();
    await screen.findByTestId('dashboard-page');
    expect(svc.loadDashboard).toHaveBeenCalledWith({});
    expect(text('dashboard-scope')).toBe('静安店 · 截至 11月23日 · 已过 23/30 天');
    expect(text('month-title')).toBe('2026年11月（本月）');

    expect(text('share-value')).toBe('本月占比 8.5%');
    expect(text('share-target')).toBe('目标 10.0%');
    expect(text('share-status')).toBe('未达标');
    expect(screen.getByTestId('share-status').getAttribute('data-met')).toBe('false');
    expect(text('share-gap')).toBe('距目标还差 1.5 个百分点');
    expect(text('share-referral')).toBe('¥85,000.00');
    expect(text('share-total')).toBe('¥1,000,000.00');
    expect(screen.getByTestId('share-gauge').getAttribute('aria-label')).toBe(
      '老带新业绩占比 8.5%，目标 10.0%，未达标',
    );
    expect(screen.queryByTestId('share-no-revenue')).toBeNull();
  });

  it('each month target: actual, target, the time-progress line, attainment, and 未设目标 without one', async () => {
    render(<Dashboard />);
    await screen.findByTestId('targets-card');
    expect(text('targets-rule')).toBe('时间进度 = 月目标 ÷ 30 天 × 已过 23 天');

    expect(text('target-dealAmountFen-actual')).toBe('¥85,000.00');
    expect(text('target-dealAmountFen-target')).toBe('目标 ¥120,000.00');
    expect(text('target-dealAmountFen-time')).toBe('时间进度 ¥92,000.00');
    expect(text('target-dealAmountFen-attainment')).toBe('完成 70.8%');
    expect(screen.getByTestId('target-dealAmountFen-bar').getAttribute('data-percent')).toBe('70.8');
    expect(screen.getByTestId('target-dealAmountFen-marker').getAttribute('data-percent')).toBe('76.6');
    expect(text('target-dealAmountFen-pace')).toBe('落后时间进度 ¥7,000.00');
    expect(screen.getByTestId('target-dealAmountFen-pace').getAttribute('data-pace')).toBe('behind');

    expect(text('target-referralFilings-pace')).toBe('领先时间进度 28 人');
    expect(text('target-deals-actual')).toBe('18 笔');

    expect(text('target-referralVisits-target')).toBe('未设目标');
    expect(text('target-referralVisits-actual')).toBe('60 人');
    expect(screen.queryByTestId('target-referralVisits-bar')).toBeNull();
    expect(screen.queryByTestId('target-referralVisits-time')).toBeNull();
  });

  it('the funnel with its rates, the trend with its latest week, the slips worst first, no store picker', async () => {
    render(<Dashboard />);
    await screen.findByTestId('funnel-card');
    expect(['filed', 'booked', 'visited', 'dealt'].map((s) => text(`funnel-step-${s}-count`))).toEqual([
      '120',
      '80',
      '60',
      '18',
    ]);
    expect(['filed', 'booked', 'visited', 'dealt'].map((s) => text(`funnel-step-${s}-rate`))).toEqual([
      '起点',
      '转化 66.6%',
      '转化 75.0%',
      '转化 30.0%',
    ]);
    expect(screen.getByTestId('funnel-chart')).toBeTruthy();

    expect(screen.getByTestId('trend-chart')).toBeTruthy();
    expect(text('trend-latest')).toBe(
      '11/23 起一周：建档 27 人，到院 17 人，成交 4 笔，业绩 ¥270,000.00，老带新 ¥50,000.00',
    );
    expect(screen.getByTestId('trend-mode-counts').getAttribute('data-selected')).toBe('true');
    fireEvent.click(screen.getByTestId('trend-mode-revenue'));
    expect(screen.getByTestId('trend-mode-revenue').getAttribute('data-selected')).toBe('true');
    expect(screen.getByTestId('trend-mode-counts').getAttribute('data-selected')).toBe('false');

    const slips = screen.getAllByTestId('slip-item');
    expect(slips.map((s) => s.getAttribute('data-staff'))).toEqual(['staff-consultant-1', 'staff-nurse-1']);
    expect(slips[0].textContent).toContain('陈静');
    expect(slips[0].textContent).toContain('落后 4 人');
    expect(slips[0].textContent).toContain('带新建档量：应完成 6 人，实际 2 人');
    expect(slips[1].textContent).toContain('落后 ¥1,200.00');
    expect(screen.queryByTestId('slips-empty')).toBeNull();

    expect(screen.queryByTestId('store-picker')).toBeNull();
  });

  it('a target met reads 已达标', async () => {
    svc.loadDashboard.mockResolvedValue(
      okResult(
        dashboard({
          referralShare: {
            referralRevenueFen: 12_400_000,
            totalRevenueFen: 100_000_000,
            shareBp: 1240,
            targetBp: 1000,
            meetsTarget: true,
          },
        }),
      ),
    );
    render(<Dashboard />);
    expect((await screen.findByTestId('share-status')).textContent).toBe('✓ 已达标');
    expect(screen.getByTestId('share-status').getAttribute('data-met')).toBe('true');
    expect(text('share-gap')).toBe('高出目标 2.4 个百分点');
  });

  it('a quiet month: 今日无偏差 and empty funnel and trend instead of charts', async () => {
    const quiet = dashboard();
    svc.loadDashboard.mockResolvedValue(
      okResult(
        dashboard({
          slips: [],
          funnel: quiet.funnel.map(({ step, label }) => ({ step, label, count: 0 })),
          weeklyTrend: quiet.weeklyTrend.map((w) => ({
            ...w,
            filings: 0,
            visits: 0,
            deals: 0,
            revenueFen: 0,
            referralRevenueFen: 0,
          })),
          referralShare: { referralRevenueFen: 0, totalRevenueFen: 0, shareBp: 0, targetBp: 1000, meetsTarget: false },
        }),
      ),
    );
    render(<Dashboard />);
    expect((await screen.findByTestId('slips-empty')).textContent).toContain('今日无偏差');
    expect(screen.queryByTestId('slip-item')).toBeNull();
    expect(screen.getByTestId('funnel-empty').textContent).toContain('本月暂无转化数据');
    expect(screen.queryByTestId('funnel-chart')).toBeNull();
    expect(screen.getByTestId('trend-empty')).toBeTruthy();
    expect(screen.queryByTestId('trend-chart')).toBeNull();
    expect(screen.getByTestId('share-no-revenue')).toBeTruthy();
  });
});

describe('months and stores', () => {
  it('back a month and forward again, never beyond the current month', async () => {
    render(<Dashboard />);
    await screen.findByTestId('share-card');
    expect(screen.getByTestId('month-next').getAttribute('data-disabled')).toBe('true');
    fireEvent.click(screen.getByTestId('month-next'));
    expect(svc.loadDashboard).toHaveBeenCalledTimes(1);

    fireEvent.click(screen.getByTestId('month-prev'));
    expect(await screen.findByTestId('slips-empty')).toBeTruthy();
    expect(svc.loadDashboard).toHaveBeenLastCalledWith({ month: '2026-10' });
    expect(text('month-title')).toBe('2026年10月');
    expect(screen.getByTestId('month-next').getAttribute('data-disabled')).toBe('false');

    fireEvent.click(screen.getByTestId('month-next'));
    expect(await screen.findAllByTestId('slip-item')).toHaveLength(2);
    expect(svc.loadDashboard).toHaveBeenLastCalledWith({ month: '2026-11' });
    expect(text('month-title')).toBe('2026年11月（本月）');
  });

  it('a chain manager picks one store and goes back to all, keeping the month', async () => {
    svc.loadDashboard.mockImplementation(async (query = {}) =>
      okResult(
        query.storeId
          ? chainDashboard({ scope: { kind: 'store', storeId: query.storeId, label: '徐汇店' } })
          : chainDashboard(),
      ),
    );
    render(<Dashboard />);
    const picker = await screen.findByTestId('store-picker');
    expect(
      within(picker)
        .getAllByText(/店$/)
        .map((n) => n.textContent),
    ).toEqual(['全部门店', '静安店', '徐汇店', '浦东店']);
    expect(screen.getByTestId('store-all').getAttribute('data-selected')).toBe('true');
    expect(text('dashboard-scope')).toContain('全部门店');

    fireEvent.click(screen.getByTestId('store-store-2'));
    expect(svc.loadDashboard).toHaveBeenLastCalledWith({ month: '2026-11', storeId: 'store-2' });
    await screen.findByText(/^徐汇店 · 截至/);
    expect(screen.getByTestId('store-store-2').getAttribute('data-selected')).toBe('true');
    expect(screen.getByTestId('store-all').getAttribute('data-selected')).toBe('false');

    fireEvent.click(screen.getByTestId('month-prev'));
    expect(svc.loadDashboard).toHaveBeenLastCalledWith({ month: '2026-10', storeId: 'store-2' });
    await screen.findByTestId('store-picker');

    fireEvent.click(screen.getByTestId('store-all'));
    expect(svc.loadDashboard).toHaveBeenLastCalledWith({ month: '2026-10' });
    await screen.findByText(/^全部门店 · 截至/);
  });
});

describe('failures', () => {
  it('a first load that fails offers a retry that loads the board', async () => {
    svc.loadDashboard.mockResolvedValueOnce(failResult('NETWORK', '网络不可用，请稍后重试'));
    render(<Dashboard />);
    expect((await screen.findByTestId('dashboard-error')).textContent).toContain('网络不可用');
    fireEvent.click(screen.getByTestId('retry-button'));
    expect(await screen.findByTestId('share-card')).toBeTruthy();
    expect(svc.loadDashboard).toHaveBeenCalledTimes(2);
    expect(svc.loadDashboard).toHaveBeenLastCalledWith({});
  });

  it('a month that fails to load keeps the switcher and retries that month', async () => {
    render(<Dashboard />);
    await screen.findByTestId('share-card');
    svc.loadDashboard.mockResolvedValueOnce(failResult('INTERNAL', '服务暂时不可用'));
    fireEvent.click(screen.getByTestId('month-prev'));
    expect((await screen.findByTestId('dashboard-error')).textContent).toContain('服务暂时不可用');
    expect(text('month-title')).toBe('2026年10月');
    expect(screen.queryByTestId('share-card')).toBeNull();
    fireEvent.click(screen.getByTestId('retry-button'));
    expect(await screen.findByTestId('share-card')).toBeTruthy();
    expect(svc.loadDashboard).toHaveBeenLastCalledWith({ month: '2026-10' });
  });

  it('a sign-in that fails has a retry', async () => {
    routeCloud({
      'user.login': () => ({ ok: false, code: 'UNAUTHENTICATED', message: '无法识别您的微信身份，请重新进入小程序' }),
    });
    render(<Dashboard />);
    expect((await screen.findByTestId('error-state')).textContent).toContain('无法识别您的微信身份');
    signedInAs(MANAGER);
    fireEvent.click(screen.getByTestId('retry-button'));
    expect(await screen.findByTestId('share-card')).toBeTruthy();
  });
});
