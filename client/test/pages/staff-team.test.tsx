import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import TeamPage from '../../src/packages/staff/pages/team/index';
import * as staff from '../../src/services/staff';
import * as team from '../../src/services/staff-team';
import { resetTaroMocks, setPlatform } from '../helpers';
import { NOW, freezeClock } from '../fixtures';
import { COLLEAGUES, WORKBENCH, colleagues, failResult, okResult, resetServiceMocks } from '../staff-fixtures';

jest.mock('../../src/services/staff');
jest.mock('../../src/services/staff-team');
const bench = jest.mocked(staff);
const svc = jest.mocked(team);
const showModal = Taro.showModal as unknown as jest.Mock;

const MANAGER = { ...WORKBENCH, staffName: '高峰', staffId: 'staff-manager', canManageTeam: true };

beforeEach(() => {
  resetTaroMocks();
  setPlatform('weapp');
  freezeClock(NOW);
  resetServiceMocks(staff);
  resetServiceMocks(team);
  bench.loadWorkbench.mockResolvedValue(okResult(MANAGER));
  bench.createInvite.mockResolvedValue(okResult({ code: 'ABCD2345', expiresAt: '2026-11-30T15:59:59.000Z' }));
  svc.listColleagues.mockResolvedValue(okResult(COLLEAGUES));
  svc.loadTargets.mockImplementation(async (staffId, month) => okResult({ staffId, month, targets: {} }));
  svc.setTargets.mockImplementation(async (input) => okResult({ staffId: input.staffId, month: input.month }));
  svc.deactivateColleague.mockResolvedValue(
    okResult({
      staffId: 'staff-nurse-1',
      handoverToStaffId: 'staff-onsite-1',
      handoverToName: '杨柳',
      movedTasks: 3,
      movedCustomers: 12,
    }),
  );
});
afterEach(() => jest.useRealTimers());

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('team: invite a colleague', () => {
  it('creates an invite for my store and shows the code, expiry and join link with a copy button', async () => {
    render(<TeamPage />);
    await screen.findByTestId('invite-form');
    fireEvent.click(screen.getByTestId('invite-submit'));
    expect(screen.getByTestId('error-invite-name')).toBeTruthy();
    expect(screen.getByTestId('error-invite-post').textContent).toBe('请选择岗位');
    expect(screen.getByTestId('error-invite-department').textContent).toBe('请选择部门');
    expect(bench.createInvite).not.toHaveBeenCalled();

    type('invite-name', '周新');
    fireEvent.click(screen.getByTestId('invite-post-nurse'));
    fireEvent.click(screen.getByTestId('invite-department-medical'));
    type('invite-days', '3');
    fireEvent.click(screen.getByTestId('invite-submit'));
    const result = await screen.findByTestId('invite-result');
    expect(bench.createInvite).toHaveBeenCalledWith({
      name: '周新',
      storeId: 'store-1',
      post: 'nurse',
      department: 'medical',
      validDays: 3,
    });
    expect(within(result).getByTestId('invite-code').textContent).toBe('ABCD2345');
    expect(within(result).getByTestId('invite-expires').textContent).toBe('2026-11-30 23:59');
    expect(within(result).getByTestId('invite-path').textContent).toBe(
      '/packages/staff/pages/join/index?code=ABCD2345',
    );
    fireEvent.click(screen.getByTestId('invite-copy'));
    await screen.findByTestId('invite-copied');
    const copied = (Taro.setClipboardData as unknown as jest.Mock).mock.calls[0]![0].data as string;
    expect(copied).toContain('/packages/staff/pages/join/index?code=ABCD2345');

    fireEvent.click(screen.getByTestId('invite-again'));
    expect((screen.getByTestId('invite-name') as HTMLInputElement).value).toBe('');
  });

  it('an admin may invite a manager post, sent only when chosen; the server’s refusal is shown', async () => {
    bench.loadWorkbench.mockResolvedValue(okResult({ ...MANAGER, isAdmin: true }));
    bench.createInvite.mockResolvedValue(failResult('FORBIDDEN', '只有管理员可以邀请管理岗位'));
    render(<TeamPage />);
    await screen.findByTestId('invite-form');
    type('invite-name', '周新');
    fireEvent.click(screen.getByTestId('invite-post-consultant'));
    fireEvent.click(screen.getByTestId('invite-department-consulting'));
    fireEvent.click(screen.getByTestId('invite-manager-store_manager'));
    fireEvent.click(screen.getByTestId('invite-submit'));
    expect((await screen.findByTestId('invite-error')).textContent).toBe('只有管理员可以邀请管理岗位');
    expect(bench.createInvite).toHaveBeenCalledWith(expect.objectContaining({ managerKind: 'store_manager' }));
  });

  it('a store manager is not offered manager posts', async () => {
    render(<TeamPage />);
    await screen.findByTestId('invite-form');
    expect(screen.queryByTestId('invite-manager-kinds')).toBeNull();
  });

  it('without canManageTeam the page says who manages the team and calls nothing else', async () => {
    bench.loadWorkbench.mockResolvedValue(okResult({ ...MANAGER, canManageTeam: false }));
    render(<TeamPage />);
    expect(await screen.findByTestId('team-forbidden')).toBeTruthy();
    expect(svc.listColleagues).not.toHaveBeenCalled();
  });
});

describe('team: colleagues', () => {
  it('sets a colleague’s targets for a month (成交额 in yuan → fen)', async () => {
    render(<TeamPage />);
    const row = await screen.findByTestId('colleague-staff-consultant-1');
    expect(row.textContent).toContain('陈静');
    expect(row.textContent).toContain('咨询师 · 客服二部');
    fireEvent.click(within(row).getByTestId('targets-open-staff-consultant-1'));
    const panel = screen.getByTestId('targets-panel');
    fireEvent.click(within(panel).getByTestId('targets-month-2026-12'));
    await waitFor(() => expect(svc.loadTargets).toHaveBeenLastCalledWith('staff-consultant-1', '2026-12'));
    fireEvent.click(within(panel).getByTestId('targets-save'));
    expect(screen.getByTestId('targets-error').textContent).toBe('请至少填写一项目标');
    type('target-deals', '3');
    type('target-dealAmountFen', '50000.5');
    type('target-referralFilings', '1.5');
    fireEvent.click(within(panel).getByTestId('targets-save'));
    expect(screen.getByTestId('error-target-referralFilings').textContent).toBe('目标须为不小于 0 的整数');
    expect(svc.setTargets).not.toHaveBeenCalled();
    type('target-referralFilings', '8');
    fireEvent.click(within(panel).getByTestId('targets-save'));
    expect((await screen.findByTestId('targets-saved')).textContent).toBe('已保存 陈静 2026年12月的目标');
    expect(svc.setTargets).toHaveBeenCalledWith({
      staffId: 'staff-consultant-1',
      month: '2026-12',
      targets: { referralFilings: 8, deals: 3, dealAmountFen: 5000050 },
    });
  });

  it('the targets form starts from what was set for the month; my own row has no 停用', async () => {
    svc.loadTargets.mockResolvedValue(
      okResult({ staffId: 'staff-consultant-1', month: '2026-11', targets: { deals: 3, dealAmountFen: 5_000_050 } }),
    );
    render(<TeamPage />);
    const row = await screen.findByTestId('colleague-staff-consultant-1');
    fireEvent.click(within(row).getByTestId('targets-open-staff-consultant-1'));
    await waitFor(() => expect((screen.getByTestId('target-deals') as HTMLInputElement).value).toBe('3'));
    expect((screen.getByTestId('target-dealAmountFen') as HTMLInputElement).value).toBe('50000.5');
    const me = screen.getByTestId('colleague-staff-manager');
    expect(within(me).queryByTestId('leave-open-staff-manager')).toBeNull();
    expect(within(me).getByTestId('targets-open-staff-manager')).toBeTruthy();
  });

  it('停用: pick the successor, confirm what moves, see the moved counts; the list refreshes', async () => {
    render(<TeamPage />);
    const row = await screen.findByTestId('colleague-staff-nurse-1');
    fireEvent.click(within(row).getByTestId('leave-open-staff-nurse-1'));
    const panel = screen.getByTestId('leave-panel');
    // The leaver is not among the successors.
    expect(within(panel).queryByTestId('successor-staff-nurse-1')).toBeNull();
    fireEvent.click(within(panel).getByTestId('leave-confirm'));
    expect(screen.getByTestId('leave-error').textContent).toBe('请选择接手工作的同事');
    expect(showModal).not.toHaveBeenCalled();

    // Cancelled at the confirmation: nothing happens.
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(within(panel).getByTestId('successor-staff-onsite-1'));
    fireEvent.click(within(panel).getByTestId('leave-confirm'));
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1));
    // A destructive confirm is red.
    expect(showModal).toHaveBeenCalledWith(
      expect.objectContaining({ confirmText: '确认停用', confirmColor: '#c62828' }),
    );
    expect(showModal.mock.calls[0]![0].content).toContain('未完成的回访任务和名下老客将交给 杨柳');
    expect(showModal.mock.calls[0]![0].content).toContain('业绩保持不变');
    expect(svc.deactivateColleague).not.toHaveBeenCalled();

    svc.listColleagues.mockResolvedValue(
      okResult(colleagues(COLLEAGUES.items.filter((c) => c.staffId !== 'staff-nurse-1'))),
    );
    fireEvent.click(within(panel).getByTestId('leave-confirm'));
    const notice = await screen.findByTestId('leave-result');
    expect(svc.deactivateColleague).toHaveBeenCalledWith('staff-nurse-1', 'staff-onsite-1');
    expect(notice.textContent).toBe('林晓：已停用。回访任务 3 条、老客 12 位已交给 杨柳');
    await waitFor(() => expect(screen.queryByTestId('colleague-staff-nurse-1')).toBeNull());
    expect(svc.listColleagues).toHaveBeenCalledTimes(2);
  });

  it('a refused deactivation is shown in the panel', async () => {
    svc.deactivateColleague.mockResolvedValue(failResult('FORBIDDEN', '管理人员的账号只能由管理员停用'));
    // Another store's manager viewing 高峰 (not their own row): the server refuses.
    bench.loadWorkbench.mockResolvedValue(okResult({ ...MANAGER, staffId: 'staff-another-manager' }));
    render(<TeamPage />);
    fireEvent.click(await screen.findByTestId('leave-open-staff-manager'));
    fireEvent.click(screen.getByTestId('successor-staff-consultant-1'));
    fireEvent.click(screen.getByTestId('leave-confirm'));
    expect((await screen.findByTestId('leave-error')).textContent).toBe('管理人员的账号只能由管理员停用');
  });

  it('list and page failures have retries', async () => {
    svc.listColleagues.mockResolvedValueOnce(failResult('NETWORK', '网络不可用'));
    const first = render(<TeamPage />);
    expect((await screen.findByTestId('colleagues-error')).textContent).toContain('网络不可用');
    fireEvent.click(within(screen.getByTestId('colleagues-error')).getByTestId('retry-button'));
    expect(await screen.findByTestId('colleague-staff-nurse-1')).toBeTruthy();
    first.unmount();

    bench.loadWorkbench.mockResolvedValueOnce(failResult('NETWORK', '网络不可用'));
    render(<TeamPage />);
    expect(await screen.findByTestId('team-error')).toBeTruthy();
    fireEvent.click(screen.getByTestId('retry-button'));
    expect(await screen.findByTestId('colleague-staff-nurse-1')).toBeTruthy();
  });
});
