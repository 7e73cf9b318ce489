import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Workbench from '../../src/packages/staff/pages/workbench/index';
import * as staff from '../../src/services/staff';
import { resetTaroMocks, setPlatform } from '../helpers';
import { NOW, freezeClock } from '../fixtures';
import {
  WORKBENCH,
  failResult,
  goldenItem,
  goldenPage,
  okResult,
  resetServiceMocks,
  taskCard,
  taskPage,
} from '../staff-fixtures';

jest.mock('../../src/services/staff');
const svc = jest.mocked(staff);

const LISTS = {
  today: taskPage([taskCard('t-today-1', { displayName: '陈*' }), taskCard('t-today-2', { displayName: '周*' })], 'c2'),
  overdue: taskPage([taskCard('t-late-1', { displayName: '孙*', dueDate: '2026-11-20', overdueDays: 3 })]),
  tomorrow: taskPage([]),
};

beforeEach(() => {
  resetTaroMocks();
  setPlatform('weapp');
  freezeClock(NOW);
  resetServiceMocks(staff);
  svc.loadWorkbench.mockResolvedValue(okResult(WORKBENCH));
  svc.listTasks.mockImplementation(async (bucket, cursor) => {
    if (bucket === 'today' && cursor === 'c2')
      return okResult(taskPage([taskCard('t-today-3', { displayName: '吴*' })]));
    return okResult(LISTS[bucket as keyof typeof LISTS] ?? taskPage([]));
  });
  svc.loadGoldenTime.mockImplementation(async (cursor) =>
    okResult(
      cursor === 'g2'
        ? goldenPage([goldenItem('cust-0003', { displayName: '赵*', windowLabel: '黄金期', monthsSinceTreatment: 5 })])
        : goldenPage(
            [
              goldenItem('cust-0001'),
              goldenItem('cust-0002', { displayName: '刘*', starLevel: undefined, reasons: ['关键黄金期'] }),
            ],
            'g2',
          ),
    ),
  );
});
afterEach(() => jest.useRealTimers());

const tab = (name: string) => screen.getByTestId(`tab-${name}`);

describe('staff workbench', () => {
  it('shows the counts on the tabs and switches lists', async () => {
    render(<Workbench />);
    expect(screen.getByTestId('workbench-loading')).toBeTruthy();
    expect(await screen.findByTestId('task-t-today-1')).toBeTruthy();
    expect(screen.getByTestId('workbench-staff').textContent).toBe('李顾问');
    expect(screen.getByTestId('tab-count-today').textContent).toBe('12');
    expect(screen.getByTestId('tab-count-overdue').textContent).toBe('3');
    expect(screen.getByTestId('tab-count-tomorrow').textContent).toBe('5');
    expect(screen.queryByTestId('tab-count-golden')).toBeNull();
    expect(tab('today').getAttribute('data-active')).toBe('true');
    expect(svc.listTasks).toHaveBeenCalledWith('today');

    fireEvent.click(tab('overdue'));
    const late = await screen.findByTestId('task-t-late-1');
    expect(late.textContent).toContain('逾期 3 天');
    expect(screen.queryByTestId('task-t-today-1')).toBeNull();
    expect(tab('overdue').getAttribute('data-active')).toBe('true');
    expect(tab('today').getAttribute('data-active')).toBe('false');
    expect(svc.listTasks).toHaveBeenLastCalledWith('overdue');

    fireEvent.click(tab('tomorrow'));
    expect((await screen.findByTestId('tasks-empty')).textContent).toContain('明日暂无回访任务');

    // Back to 今日: the list already loaded is shown again without another call.
    const calls = svc.listTasks.mock.calls.length;
    fireEvent.click(tab('today'));
    expect(screen.getByTestId('task-t-today-2')).toBeTruthy();
    expect(svc.listTasks.mock.calls.length).toBe(calls);
  });

  it('loads more by cursor, appended after the first page', async () => {
    render(<Workbench />);
    await screen.findByTestId('task-t-today-1');
    fireEvent.click(screen.getByTestId('tasks-more'));
    expect(await screen.findByTestId('task-t-today-3')).toBeTruthy();
    expect(svc.listTasks).toHaveBeenLastCalledWith('today', 'c2');
    const names = within(screen.getByTestId('tasks-today'))
      .getAllByTestId(/^task-t-/)
      .map((el) => el.getAttribute('data-testid'));
    expect(names).toEqual(['task-t-today-1', 'task-t-today-2', 'task-t-today-3']);
    expect(screen.queryByTestId('tasks-more')).toBeNull();
  });

  it('a task opens its detail page; the entries open the desk pages', async () => {
    render(<Workbench />);
    fireEvent.click(await screen.findByTestId('task-t-today-2'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/pages/task/index?id=t-today-2' });
    fireEvent.click(screen.getByTestId('entry-check-in'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/pages/check-in/index' });
    fireEvent.click(screen.getByTestId('entry-desk-filing'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/pages/desk-filing/index' });
    fireEvent.click(screen.getByTestId('entry-verification'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/pages/verification/index' });
    fireEvent.click(screen.getByTestId('entry-figures'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/pages/figures/index' });
  });

  it('offers 回访核实, 团队管理 and 逾期督办 only when the workbench says the caller may', async () => {
    svc.loadWorkbench.mockResolvedValue(
      okResult({ ...WORKBENCH, canVerify: false, canManageTeam: false, canReassign: false }),
    );
    const { unmount } = render(<Workbench />);
    await screen.findByTestId('entry-figures');
    expect(screen.queryByTestId('entry-verification')).toBeNull();
    expect(screen.queryByTestId('entry-team')).toBeNull();
    expect(screen.queryByTestId('entry-escalations')).toBeNull();
    await screen.findByTestId('task-t-today-1');
    unmount();

    svc.loadWorkbench.mockResolvedValue(
      okResult({ ...WORKBENCH, canVerify: true, canManageTeam: true, canReassign: true }),
    );
    render(<Workbench />);
    fireEvent.click(await screen.findByTestId('entry-team'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/pages/team/index' });
    expect(screen.getByTestId('entry-verification')).toBeTruthy();
    fireEvent.click(screen.getByTestId('entry-escalations'));
    expect(screen.getByTestId('entry-escalations').textContent).toBe('逾期督办');
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/pages/escalations/index' });
    await screen.findByTestId('task-t-today-1');
  });

  it('逾期督办 follows its own flag, not the team flag (a general manager who is no admin)', async () => {
    svc.loadWorkbench.mockResolvedValue(okResult({ ...WORKBENCH, canManageTeam: false, canReassign: true }));
    render(<Workbench />);
    expect(await screen.findByTestId('entry-escalations')).toBeTruthy();
    expect(screen.queryByTestId('entry-team')).toBeNull();
    await screen.findByTestId('task-t-today-1');
  });

  it('re-subscribes to the daily digest with one tap (weapp)', async () => {
    const ask = Taro.requestSubscribeMessage as unknown as jest.Mock;
    ask.mockResolvedValue({ 'tpl-digest': 'accept', errMsg: 'requestSubscribeMessage:ok' });
    svc.recordSubscription.mockResolvedValue(okResult({ digestGrants: 1 }) as never);
    render(<Workbench />);
    fireEvent.click(await screen.findByTestId('subscribe-button'));
    expect((await screen.findByTestId('subscribe-result')).textContent).toContain('已订阅');
    expect(ask).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['tpl-digest'] }));
    // The authorization is banked on the server, and the workbench reloads with it.
    expect(svc.recordSubscription).toHaveBeenCalledWith({ 'tpl-digest': 'accept' });
    await waitFor(() => expect(svc.loadWorkbench).toHaveBeenCalledTimes(2));

    ask.mockResolvedValue({ 'tpl-digest': 'reject' });
    svc.recordSubscription.mockClear();
    fireEvent.click(screen.getByTestId('subscribe-button'));
    await waitFor(() => expect(screen.getByTestId('subscribe-result').textContent).toContain('未订阅'));
    expect(svc.recordSubscription).not.toHaveBeenCalled();
  });

  it('the stock-up row shows what is left; when nothing reaches the colleague only the banner asks', async () => {
    render(<Workbench />);
    expect((await screen.findByTestId('subscribe-left')).textContent).toBe('微信提醒还剩 1 次，每订阅一次可多提醒一次');
    cleanup();
    svc.loadWorkbench.mockResolvedValue(
      okResult({ ...WORKBENCH, reach: { digestGrants: 0, longTerm: false, reachable: false } }),
    );
    render(<Workbench />);
    await screen.findByTestId('reach-resubscribe');
    expect(screen.queryByTestId('subscribe-row')).toBeNull();
    cleanup();
    // A long-term template needs no stocking up.
    svc.loadWorkbench.mockResolvedValue(
      okResult({ ...WORKBENCH, reach: { digestGrants: 0, longTerm: true, reachable: true } }),
    );
    render(<Workbench />);
    await screen.findByTestId('workbench-tabs');
    expect(screen.queryByTestId('subscribe-row')).toBeNull();
    expect(screen.queryByTestId('reach-banner')).toBeNull();
  });

  it('a list that fails shows the error with a retry', async () => {
    svc.listTasks.mockResolvedValueOnce(failResult('INTERNAL', '系统繁忙，请稍后再试'));
    render(<Workbench />);
    const error = await screen.findByTestId('tasks-error');
    expect(error.textContent).toContain('系统繁忙');
    fireEvent.click(within(error).getByTestId('retry-button'));
    expect(await screen.findByTestId('task-t-today-1')).toBeTruthy();
  });

  it('the workbench itself failing is a page error with a retry', async () => {
    svc.loadWorkbench.mockResolvedValueOnce(failResult('FORBIDDEN', '您没有权限进行此操作'));
    render(<Workbench />);
    const error = await screen.findByTestId('workbench-error');
    expect(error.textContent).toContain('您没有权限进行此操作');
    fireEvent.click(within(error).getByTestId('retry-button'));
    expect(await screen.findByTestId('tab-count-today')).toBeTruthy();
  });
});

describe('workbench 黄金时间', () => {
  it('lists my old customers with window, months, stars, reasons, how and the script', async () => {
    render(<Workbench />);
    await screen.findByTestId('task-t-today-1');
    expect(svc.loadGoldenTime).not.toHaveBeenCalled();
    fireEvent.click(tab('golden'));
    expect(screen.getByTestId('golden-loading')).toBeTruthy();
    const card = await screen.findByTestId('golden-cust-0001');
    expect(svc.loadGoldenTime).toHaveBeenCalledWith();
    const inCard = within(card);
    expect(inCard.getByTestId('golden-name').textContent).toBe('王*');
    expect(inCard.getByTestId('golden-window').textContent).toBe('关键黄金期');
    expect(inCard.getByTestId('golden-stars').textContent).toBe('★★★★☆');
    expect(inCard.getByTestId('golden-meta').textContent).toBe('130****1966 · 治疗后第 1 个月');
    // The window is the tag; the other reasons are chips.
    expect(inCard.getByTestId('golden-reasons').textContent).toBe('4星客户满意度高');
    expect(inCard.getByTestId('golden-how').textContent).toContain('权益单页');
    expect(inCard.getByTestId('golden-talk').textContent).toContain('介绍老带新政策');
    // Without stars or other reasons, neither row is shown.
    const plain = within(screen.getByTestId('golden-cust-0002'));
    expect(plain.queryByTestId('golden-stars')).toBeNull();
    expect(plain.queryByTestId('golden-reasons')).toBeNull();
    expect(screen.queryByTestId('tasks-today')).toBeNull();
  });

  it('loads more by cursor; 记录宣导 opens the ask form for that customer', async () => {
    render(<Workbench />);
    await screen.findByTestId('task-t-today-1');
    fireEvent.click(tab('golden'));
    await screen.findByTestId('golden-cust-0001');
    fireEvent.click(screen.getByTestId('golden-more'));
    expect(await screen.findByTestId('golden-cust-0003')).toBeTruthy();
    expect(svc.loadGoldenTime).toHaveBeenLastCalledWith('g2');
    const ids = within(screen.getByTestId('golden-list'))
      .getAllByTestId(/^golden-cust-/)
      .map((el) => el.getAttribute('data-testid'));
    expect(ids).toEqual(['golden-cust-0001', 'golden-cust-0002', 'golden-cust-0003']);
    expect(screen.queryByTestId('golden-more')).toBeNull();

    fireEvent.click(screen.getByTestId('golden-ask-cust-0002'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({
      url: '/packages/staff/pages/golden-ask/index?id=cust-0002&name=%E5%88%98*',
    });
  });

  it('an empty list says who appears there; a failure has a retry; a failed page keeps the list', async () => {
    svc.loadGoldenTime.mockResolvedValueOnce(failResult('INTERNAL', '系统繁忙，请稍后再试'));
    render(<Workbench />);
    await screen.findByTestId('task-t-today-1');
    fireEvent.click(tab('golden'));
    const error = await screen.findByTestId('golden-error');
    expect(error.textContent).toContain('系统繁忙');
    fireEvent.click(within(error).getByTestId('retry-button'));
    await screen.findByTestId('golden-cust-0001');

    svc.loadGoldenTime.mockResolvedValueOnce(failResult('NETWORK', '网络不可用，请稍后重试'));
    fireEvent.click(screen.getByTestId('golden-more'));
    expect((await screen.findByTestId('golden-more-error')).textContent).toContain('网络不可用');
    expect(screen.getByTestId('golden-cust-0001')).toBeTruthy();

    // Back to another tab and here again: the list is asked for afresh (an ask may have rested someone).
    svc.loadGoldenTime.mockResolvedValueOnce(okResult(goldenPage([])));
    fireEvent.click(tab('today'));
    fireEvent.click(tab('golden'));
    const empty = await screen.findByTestId('golden-empty');
    expect(empty.textContent).toContain('暂无黄金时间内的老客');
    expect(empty.textContent).toContain('冷却期');
  });
});
