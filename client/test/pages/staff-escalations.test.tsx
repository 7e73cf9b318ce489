import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import EscalationsPage from '../../src/packages/staff/pages/escalations/index';
import * as team from '../../src/services/staff-team';
import { resetTaroMocks, setPlatform } from '../helpers';
import { COLLEAGUES, escalationItem, escalationPage, failResult, okResult, resetServiceMocks } from '../staff-fixtures';

jest.mock('../../src/services/staff-team');
const svc = jest.mocked(team);

const ITEMS = [
  escalationItem('t-1'),
  escalationItem('t-2', {
    level: 'reassign',
    dueDate: '2026-11-17',
    overdueDays: 6,
    displayName: '赵*',
    kindLabel: '到院前提醒',
    customerId: 'cust-zhao',
    ownerStaffId: 'staff-nurse-1',
    ownerName: '林晓',
  }),
];

beforeEach(() => {
  resetTaroMocks();
  setPlatform('weapp');
  resetServiceMocks(team);
  svc.loadEscalations.mockImplementation(async (cursor) =>
    okResult(
      cursor === 'p2'
        ? escalationPage([escalationItem('t-3', { displayName: '孙*', overdueDays: 2, dueDate: '2026-11-21' })])
        : escalationPage(ITEMS, 'p2'),
    ),
  );
  svc.listColleagues.mockResolvedValue(okResult(COLLEAGUES));
  svc.reassignTask.mockImplementation(
    async (taskId, toStaffId) => okResult({ taskId, ownerStaffId: toStaffId, ownerName: '杨柳' }) as never,
  );
});

const item = (id: string) => screen.getByTestId(`escalation-${id}`);

describe('逾期督办', () => {
  it('lists the overdue tasks with their level tag, days overdue, due date, kind and owner', async () => {
    render(<EscalationsPage />);
    expect(screen.getByTestId('escalations-loading')).toBeTruthy();
    const first = within(await screen.findByTestId('escalation-t-1'));
    expect(first.getByTestId('escalation-level').textContent).toBe('督办');
    expect(first.getByTestId('escalation-level').className).not.toContain('tag--warn');
    expect(first.getByTestId('escalation-overdue').textContent).toBe('逾期 3 天');
    expect(item('t-1').textContent).toContain('应于 11月20日 周五 回访');
    expect(first.getByTestId('escalation-kind').textContent).toBe('分级回访');
    expect(first.getByTestId('escalation-owner').textContent).toBe('负责人：陈静');
    expect(first.getByTestId('escalation-customer').textContent).toContain('陈*');

    const second = within(item('t-2'));
    expect(second.getByTestId('escalation-level').textContent).toBe('需改派');
    expect(second.getByTestId('escalation-level').className).toContain('tag--warn');
    expect(item('t-2').getAttribute('data-level')).toBe('reassign');
    expect(second.getByTestId('escalation-overdue').textContent).toBe('逾期 6 天');
    expect(item('t-2').textContent).toContain('应于 11月17日 周二 回访');
    expect(second.getByTestId('escalation-owner').textContent).toBe('负责人：林晓');
    expect(svc.loadEscalations).toHaveBeenCalledWith();
  });

  it('tapping the customer opens their card', async () => {
    render(<EscalationsPage />);
    await screen.findByTestId('escalation-t-2');
    fireEvent.click(within(item('t-2')).getByTestId('escalation-customer'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({
      url: '/packages/staff/pages/customer/index?customerId=cust-zhao',
    });
  });

  it('改派: colleagues of the task’s store without its owner; the chosen one gets it and the item shows them', async () => {
    render(<EscalationsPage />);
    await screen.findByTestId('escalation-t-2');
    fireEvent.click(screen.getByTestId('reassign-t-2'));
    const panel = within(screen.getByTestId('reassign-panel'));
    await panel.findByTestId('reassign-to-option-staff-onsite-1');
    expect(svc.listColleagues).toHaveBeenCalledWith({ storeId: 'store-1' });
    // 林晓 (staff-nurse-1) has the task already: not offered.
    expect(panel.queryByTestId('reassign-to-option-staff-nurse-1')).toBeNull();
    expect(panel.getByTestId('reassign-to-option-staff-consultant-1')).toBeTruthy();

    // Confirming without a choice asks for one and sends nothing.
    fireEvent.click(screen.getByTestId('reassign-save-t-2'));
    expect(within(item('t-2')).getByTestId('reassign-error').textContent).toBe('请选择接手的同事');
    expect(svc.reassignTask).not.toHaveBeenCalled();

    fireEvent.click(panel.getByTestId('reassign-to-option-staff-onsite-1'));
    expect(panel.getByTestId('reassign-to-option-staff-onsite-1').getAttribute('data-selected')).toBe('true');
    expect(within(item('t-2')).queryByTestId('reassign-error')).toBeNull();
    fireEvent.click(screen.getByTestId('reassign-save-t-2'));

    await waitFor(() => expect(screen.queryByTestId('reassign-panel')).toBeNull());
    expect(svc.reassignTask).toHaveBeenCalledTimes(1);
    expect(svc.reassignTask).toHaveBeenCalledWith('t-2', 'staff-onsite-1');
    expect(within(item('t-2')).getByTestId('escalation-owner').textContent).toBe('负责人：杨柳');
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已改派给 杨柳', icon: 'none' });
    // Still overdue, so still listed; the other item is untouched.
    expect(within(item('t-2')).getByTestId('escalation-level').textContent).toBe('需改派');
    expect(within(item('t-1')).getByTestId('escalation-owner').textContent).toBe('负责人：陈静');
  });

  it('a chain manager’s item of another store offers that store’s colleagues', async () => {
    svc.loadEscalations.mockResolvedValue(okResult(escalationPage([escalationItem('t-9', { storeId: 'store-2' })])));
    render(<EscalationsPage />);
    fireEvent.click(await screen.findByTestId('reassign-t-9'));
    await screen.findByTestId('reassign-to-option-staff-onsite-1');
    expect(svc.listColleagues).toHaveBeenCalledWith({ storeId: 'store-2' });
  });

  it('the server’s refusal is shown in Chinese and the owner stays', async () => {
    svc.reassignTask.mockResolvedValue(failResult('CONFLICT', '该任务已完成，无需改派') as never);
    render(<EscalationsPage />);
    fireEvent.click(await screen.findByTestId('reassign-t-1'));
    fireEvent.click(await screen.findByTestId('reassign-to-option-staff-nurse-1'));
    fireEvent.click(screen.getByTestId('reassign-save-t-1'));
    expect((await within(item('t-1')).findByTestId('reassign-error')).textContent).toBe('该任务已完成，无需改派');
    expect(svc.reassignTask).toHaveBeenCalledWith('t-1', 'staff-nurse-1');
    expect(within(item('t-1')).getByTestId('escalation-owner').textContent).toBe('负责人：陈静');
    expect(screen.getByTestId('reassign-panel')).toBeTruthy();
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('one reassign panel at a time; 取消 closes it', async () => {
    render(<EscalationsPage />);
    fireEvent.click(await screen.findByTestId('reassign-t-1'));
    expect(within(item('t-1')).getByTestId('reassign-panel')).toBeTruthy();
    fireEvent.click(screen.getByTestId('reassign-t-2'));
    expect(screen.getAllByTestId('reassign-panel')).toHaveLength(1);
    expect(within(item('t-2')).getByTestId('reassign-panel')).toBeTruthy();
    fireEvent.click(within(item('t-2')).getByText('取消'));
    expect(screen.queryByTestId('reassign-panel')).toBeNull();
    await waitFor(() => expect(svc.listColleagues).toHaveBeenCalled());
  });

  it('加载更多 appends the next page by cursor', async () => {
    render(<EscalationsPage />);
    await screen.findByTestId('escalation-t-1');
    fireEvent.click(screen.getByTestId('escalations-more'));
    expect(await screen.findByTestId('escalation-t-3')).toBeTruthy();
    expect(svc.loadEscalations).toHaveBeenLastCalledWith('p2');
    const shown = screen.getAllByTestId(/^escalation-t-\d$/).map((el) => el.getAttribute('data-testid'));
    expect(shown).toEqual(['escalation-t-1', 'escalation-t-2', 'escalation-t-3']);
    expect(within(item('t-3')).getByTestId('escalation-overdue').textContent).toBe('逾期 2 天');
    // The last page has no cursor: nothing more to load.
    expect(screen.queryByTestId('escalations-more')).toBeNull();
  });

  it('a failed next page keeps what is shown, with the message', async () => {
    render(<EscalationsPage />);
    await screen.findByTestId('escalation-t-1');
    svc.loadEscalations.mockResolvedValueOnce(failResult('NETWORK', '网络不可用，请稍后重试'));
    fireEvent.click(screen.getByTestId('escalations-more'));
    expect((await screen.findByTestId('escalations-more-error')).textContent).toBe('网络不可用，请稍后重试');
    expect(screen.getByTestId('escalation-t-2')).toBeTruthy();
    expect(screen.getByTestId('escalations-more')).toBeTruthy();
  });

  it('nothing overdue: the empty state', async () => {
    svc.loadEscalations.mockResolvedValue(okResult(escalationPage([])));
    render(<EscalationsPage />);
    const empty = await screen.findByTestId('escalations-empty');
    expect(empty.textContent).toContain('暂无逾期回访，团队跟进很及时');
    expect(screen.queryByTestId('escalations-more')).toBeNull();
  });

  it('a load error shows the server’s message with a retry', async () => {
    svc.loadEscalations.mockResolvedValueOnce(failResult('FORBIDDEN', '您没有权限进行此操作'));
    render(<EscalationsPage />);
    const error = await screen.findByTestId('escalations-error');
    expect(within(error).getByTestId('error-message').textContent).toBe('您没有权限进行此操作');
    fireEvent.click(within(error).getByTestId('retry-button'));
    expect(await screen.findByTestId('escalation-t-1')).toBeTruthy();
  });
});
