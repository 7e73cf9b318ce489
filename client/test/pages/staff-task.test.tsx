import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import TaskPage from '../../src/packages/staff/pages/task/index';
import { setRouterParams } from '../mocks/taro';
import * as staff from '../../src/services/staff';
import { resetTaroMocks, setPlatform } from '../helpers';
import { NOW, freezeClock } from '../fixtures';
import {
  N2_PREVIEW,
  TASK_DETAIL,
  V1_PREVIEW,
  V4_PREVIEW,
  failResult,
  okResult,
  resetServiceMocks,
} from '../staff-fixtures';

jest.mock('../../src/services/staff');
const svc = jest.mocked(staff);

beforeEach(() => {
  resetTaroMocks();
  setPlatform('weapp');
  freezeClock(NOW);
  resetServiceMocks(staff);
  setRouterParams({ id: 'task-1' });
  svc.getTask.mockResolvedValue(okResult(TASK_DETAIL));
  svc.previewResult.mockImplementation(async (_id, result) =>
    okResult(result.result === 'V1' ? V1_PREVIEW : result.result === 'V4' ? V4_PREVIEW : N2_PREVIEW),
  );
  svc.recordResult.mockImplementation(async (_id, result) =>
    okResult({ result: result.result, next: V1_PREVIEW.next, nextTaskId: 'task-2' }),
  );
});
afterEach(() => jest.useRealTimers());

async function openTask() {
  render(<TaskPage />);
  expect(screen.getByTestId('task-loading')).toBeTruthy();
  return screen.findByTestId('task-page');
}

describe('task detail', () => {
  it('shows the customer context: grade, stars, rule with its explanation, masked referrer and phone, history', async () => {
    await openTask();
    expect(svc.getTask).toHaveBeenCalledWith('task-1');
    const card = screen.getByTestId('customer-card');
    expect(within(card).getByTestId('customer-grade').textContent).toBe('F1 一级（强）');
    expect(within(card).getByTestId('customer-star').textContent).toBe('★★★★☆');
    expect(within(card).getByTestId('customer-rule').textContent).toContain('R1');
    expect(within(card).getByTestId('customer-rule').textContent).toContain('首次建档为老带新');
    expect(within(card).getByTestId('customer-referrer').textContent).toBe('王*');
    expect(within(card).getByTestId('customer-phone').textContent).toBe('139****8000');
    expect(card.textContent).not.toContain('13900138000');
    const history = screen.getAllByTestId('history-item').map((el) => el.textContent);
    expect(history).toEqual([
      '2026-11-20 10:00 · 建档前台建档：老带新，一级意向',
      '2026-11-21 14:30 · 回访N1 暂时无法接通',
    ]);

    fireEvent.click(within(card).getByTestId('call-button'));
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13900138000' });

    fireEvent.click(within(card).getByTestId('customer-open'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({
      url: '/packages/staff/pages/customer/index?customerId=cust-task-1',
    });
  });

  it('offers no call without the full phone (not the task owner)', async () => {
    const { phone: _phone, ...customer } = TASK_DETAIL.customer;
    svc.getTask.mockResolvedValue(okResult({ ...TASK_DETAIL, customer }));
    await openTask();
    expect(screen.queryByTestId('call-button')).toBeNull();
  });

  it('previews what saving would do whenever the choice changes, before saving', async () => {
    await openTask();
    expect(screen.getByTestId('result-preview').textContent).toContain('选择回访结果');

    fireEvent.click(screen.getByTestId('result-V1'));
    // V1 without a date: nothing to preview yet, and the form says what is missing.
    expect(screen.getByTestId('result-preview').textContent).toContain('请选择计划到院日期');
    expect(svc.previewResult).not.toHaveBeenCalled();

    fireEvent.click(screen.getByTestId('calendar-day-2026-11-27'));
    const next = await screen.findByTestId('preview-next');
    expect(next.textContent).toContain('保存后：11月26日 周四 生成「到院前提醒」任务');
    expect(next.textContent).toContain('提前 1 天再次确认');
    expect(svc.previewResult).toHaveBeenLastCalledWith('task-1', { result: 'V1', plannedVisitDate: '2026-11-27' });
    expect(svc.recordResult).not.toHaveBeenCalled();

    // A note does not ask again; another result does.
    fireEvent.change(screen.getByTestId('result-note'), { target: { value: '周五下午来' } });
    expect(svc.previewResult).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByTestId('result-N2'));
    await waitFor(() => expect(screen.getByTestId('preview-next').textContent).toContain('进入四部回访组核实'));
    expect(svc.previewResult).toHaveBeenLastCalledWith('task-1', { result: 'N2' });

    fireEvent.click(screen.getByTestId('result-V1'));
    await waitFor(() => expect(screen.getByTestId('preview-next').textContent).toContain('到院前提醒'));
    fireEvent.click(screen.getByTestId('result-save'));
    const saved = await screen.findByTestId('result-saved');
    expect(svc.recordResult).toHaveBeenCalledWith('task-1', {
      result: 'V1',
      plannedVisitDate: '2026-11-27',
      note: '周五下午来',
    });
    expect(saved.textContent).toContain('V1 有效一级：确定到院时间');
    expect(saved.textContent).toContain('保存后：11月26日 周四 生成「到院前提醒」任务');
  });

  it('saving offers to refill the daily digest’s authorization, inside the tap', async () => {
    Taro.setStorageSync('clinic.digestTemplate', { id: 'tmpl-staff-digest', longTerm: false });
    (Taro.requestSubscribeMessage as unknown as jest.Mock).mockResolvedValue({ 'tmpl-staff-digest': 'accept' });
    svc.recordSubscription.mockResolvedValue(okResult({ digestGrants: 1, reachable: true }));
    await openTask();
    fireEvent.click(screen.getByTestId('result-N1'));
    fireEvent.click(screen.getByTestId('result-save'));
    expect(Taro.requestSubscribeMessage).toHaveBeenCalledWith(
      expect.objectContaining({ tmplIds: ['tmpl-staff-digest'] }),
    );
    await screen.findByTestId('result-saved');
    expect(svc.recordSubscription).toHaveBeenCalledWith({ 'tmpl-staff-digest': 'accept' });
  });

  it('V4 without a reason shows the error and does not save', async () => {
    await openTask();
    fireEvent.click(screen.getByTestId('result-V4'));
    fireEvent.click(screen.getByTestId('result-save'));
    expect(screen.getByTestId('error-reason').textContent).toBe('有效四级必须填写原因');
    expect(screen.getByTestId('result-submit-error').textContent).toContain('请完善');
    expect(svc.recordResult).not.toHaveBeenCalled();
    expect(svc.previewResult).not.toHaveBeenCalled();

    fireEvent.click(screen.getByTestId('reason-competitor'));
    await waitFor(() =>
      expect(screen.getByTestId('preview-next').textContent).toContain('进入四部回访组核实，并移出跟进名单'),
    );
    expect(screen.queryByTestId('error-reason')).toBeNull();
    fireEvent.click(screen.getByTestId('result-save'));
    await screen.findByTestId('result-saved');
    expect(svc.recordResult).toHaveBeenCalledWith('task-1', { result: 'V4', reason: 'competitor' });
  });

  it('a refused save keeps the form with the message', async () => {
    svc.recordResult.mockResolvedValue(failResult('CONFLICT', '该任务已被处理，请返回刷新'));
    await openTask();
    fireEvent.click(screen.getByTestId('result-N2'));
    await screen.findByTestId('preview-next');
    fireEvent.click(screen.getByTestId('result-save'));
    expect((await screen.findByTestId('result-submit-error')).textContent).toBe('该任务已被处理，请返回刷新');
    expect(screen.queryByTestId('result-saved')).toBeNull();
  });

  it('改期 moves the due date; 稍后提醒 keeps it and says when', async () => {
    svc.rescheduleTask.mockResolvedValue(okResult({ taskId: 'task-1', dueDate: '2026-11-30' }));
    svc.remindLater.mockResolvedValue(okResult({ taskId: 'task-1', remindAt: '2026-11-23T03:00:00.000Z' }));
    await openTask();

    fireEvent.click(screen.getByTestId('reschedule-open'));
    const panel = screen.getByTestId('reschedule-panel');
    fireEvent.click(within(panel).getByTestId('calendar-day-2026-11-30'));
    fireEvent.change(within(panel).getByTestId('reschedule-note'), { target: { value: '顾客出差' } });
    fireEvent.click(within(panel).getByTestId('reschedule-save'));
    expect((await screen.findByTestId('later-result')).textContent).toBe('已改期到 11月30日 周一');
    expect(svc.rescheduleTask).toHaveBeenCalledWith('task-1', '2026-11-30', '顾客出差');
    expect(screen.getByTestId('task-kind').textContent).toContain('11月30日 周一');
    expect(screen.queryByTestId('reschedule-panel')).toBeNull();

    fireEvent.click(screen.getByTestId('remind-later'));
    await waitFor(() => expect(screen.getByTestId('later-result').textContent).toContain('11:00 再提醒（到期日不变）'));
    expect(svc.remindLater).toHaveBeenCalledWith('task-1', 60);
    expect(screen.getByTestId('task-kind').textContent).toContain('11月30日 周一');
    expect(screen.getByTestId('task-remind').textContent).toBe('11:00 再提醒');
  });

  it('a closed task shows no result form', async () => {
    svc.getTask.mockResolvedValue(okResult({ ...TASK_DETAIL, task: { ...TASK_DETAIL.task, status: 'done' } }));
    await openTask();
    expect(screen.getByTestId('task-closed').textContent).toContain('已完成');
    expect(screen.queryByTestId('result-form')).toBeNull();
  });

  it('a load error has a retry', async () => {
    svc.getTask.mockResolvedValueOnce(failResult('NOT_FOUND', '要找的内容不存在'));
    render(<TaskPage />);
    const error = await screen.findByTestId('task-error');
    fireEvent.click(within(error).getByTestId('retry-button'));
    expect(await screen.findByTestId('task-page')).toBeTruthy();
  });

  it('without an id it says so and calls nothing', () => {
    setRouterParams({});
    render(<TaskPage />);
    expect(screen.getByTestId('task-missing')).toBeTruthy();
    expect(svc.getTask).not.toHaveBeenCalled();
  });
});
