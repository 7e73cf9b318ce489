import { fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import GoldenAskPage from '../../src/packages/staff/pages/golden-ask/index';
import * as staff from '../../src/services/staff';
import { resetTaroMocks, setPlatform } from '../helpers';
import { setRouterParams } from '../mocks/taro';
import { NOW, freezeClock } from '../fixtures';
import { failResult, okResult, recordedAsk, resetServiceMocks } from '../staff-fixtures';

jest.mock('../../src/services/staff');
const svc = jest.mocked(staff);

beforeEach(() => {
  resetTaroMocks();
  setPlatform('weapp');
  freezeClock(NOW);
  resetServiceMocks(staff);
  setRouterParams({ id: 'cust-0001', name: '%E7%8E%8B*' });
  svc.recordAsk.mockResolvedValue(okResult(recordedAsk()));
});
afterEach(() => jest.useRealTimers());

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

function fillFriend() {
  fireEvent.click(screen.getByTestId('friend-yes'));
  type('friend-name', '韩梅');
  type('friend-phone', '13944440001');
  type('friend-need', '想做双眼皮，预算一万');
  fireEvent.click(screen.getByTestId('grade-F1'));
}

describe('记录宣导', () => {
  it('an ask without a friend: the customer and the note, then 已记录宣导', async () => {
    render(<GoldenAskPage />);
    expect(screen.getByTestId('golden-ask-customer').textContent).toBe('记录宣导 · 王*');
    expect(screen.getByTestId('friend-no').getAttribute('data-selected')).toBe('true');
    expect(screen.queryByTestId('friend-form')).toBeNull();
    type('ask-note', ' 下月复诊时再聊 ');
    svc.recordAsk.mockResolvedValueOnce(okResult(recordedAsk({ friendFiling: undefined })));
    fireEvent.click(screen.getByTestId('ask-save'));
    const result = await screen.findByTestId('ask-result');
    expect(svc.recordAsk).toHaveBeenCalledWith({ customerId: 'cust-0001', note: '下月复诊时再聊' });
    expect(within(result).getByTestId('ask-headline').textContent).toBe('已记录宣导');
    expect(within(result).getByTestId('ask-date').textContent).toBe('11月23日 周一（今天）');
    expect(within(result).getByTestId('ask-message').textContent).toContain('冷却期');
    expect(within(result).queryByTestId('ask-channel')).toBeNull();

    fireEvent.click(screen.getByTestId('ask-back'));
    expect(Taro.navigateBack).toHaveBeenCalled();
  });

  it('a friend with the grades explained; missing fields are named in Chinese and nothing is sent', async () => {
    render(<GoldenAskPage />);
    fireEvent.click(screen.getByTestId('friend-yes'));
    const grades = screen.getByTestId('grade-picker');
    expect(within(grades).getByTestId('grade-F1').textContent).toContain('1 个月内到院');
    expect(within(grades).getByTestId('grade-F3').textContent).toContain('尚未沟通');
    fireEvent.click(screen.getByTestId('ask-save'));
    expect(screen.getByTestId('error-friendName')).toBeTruthy();
    expect(screen.getByTestId('error-friendPhone').textContent).toBe('请填写手机号码');
    expect(screen.getByTestId('error-grade').textContent).toBe('请选择朋友的意向等级');
    expect(screen.getByTestId('ask-error').textContent).toContain('请完善标红的内容');
    expect(svc.recordAsk).not.toHaveBeenCalled();

    // Choosing F1 without a need asks for it; typing clears that field's error.
    fireEvent.click(screen.getByTestId('grade-F1'));
    fireEvent.click(screen.getByTestId('ask-save'));
    expect(screen.getByTestId('error-need').textContent).toContain('需求');
    type('friend-need', '想做双眼皮');
    expect(screen.queryByTestId('error-need')).toBeNull();
  });

  it('files the friend: date from the picker, the answer with channel, message and rule', async () => {
    render(<GoldenAskPage />);
    fillFriend();
    expect(screen.getByTestId('friend-date').textContent).toBe('选择日期（选填）');
    const picker = screen.getByTestId('picker-date');
    expect(picker.getAttribute('min')).toBe('2026-11-23');
    expect(picker.getAttribute('max')).toBe('2027-11-23');
    fireEvent.change(picker, { target: { value: '2027-01-20' } });
    expect(screen.getByTestId('friend-date').textContent).toBe('2027年1月20日 周三');
    // F1 means within a month: a later date is pointed out, never refused.
    expect(screen.getByTestId('grade-date-hint').textContent).toContain('1 个月内');
    fireEvent.click(screen.getByTestId('friend-date-clear'));
    expect(screen.queryByTestId('grade-date-hint')).toBeNull();
    fireEvent.change(screen.getByTestId('picker-date'), { target: { value: '2026-12-05' } });

    fireEvent.click(screen.getByTestId('ask-save'));
    const result = await screen.findByTestId('ask-result');
    expect(svc.recordAsk).toHaveBeenCalledWith({
      customerId: 'cust-0001',
      friend: {
        name: '韩梅',
        phone: '13944440001',
        need: '想做双眼皮，预算一万',
        expectedVisitDate: '2026-12-05',
        grade: 'F1',
      },
    });
    expect(within(result).getByTestId('ask-headline').textContent).toBe('已为朋友建档');
    expect(within(result).getByTestId('ask-channel').textContent).toBe('老带新');
    expect(within(result).getByTestId('ask-message').textContent).toContain('已建档：老带新');
    expect(within(result).getByTestId('ask-rule').textContent).toContain('R1');
    expect(result.getAttribute('data-existing')).toBe('false');
  });

  it('a friend filed before keeps that filing: the message, R1 first filing wins', async () => {
    svc.recordAsk.mockResolvedValueOnce(
      okResult(
        recordedAsk({
          friendFiling: {
            customerId: 'cust-friend-1',
            existing: true,
            message: '该顾客已由搜索建档，本次登记记为接触',
            channelLabel: '搜索',
            rule: 'R1',
            explanation: '首次建档为准：已由搜索建档，本次登记记为接触',
          },
        }),
      ),
    );
    render(<GoldenAskPage />);
    fillFriend();
    fireEvent.click(screen.getByTestId('ask-save'));
    const result = await screen.findByTestId('ask-result');
    expect(result.getAttribute('data-existing')).toBe('true');
    expect(screen.getByTestId('ask-headline').textContent).toBe('朋友此前已建档');
    expect(screen.getByTestId('ask-message').textContent).toBe('该顾客已由搜索建档，本次登记记为接触');
    expect(screen.getByTestId('ask-channel').textContent).toBe('搜索（以首次建档为准）');
    // The rule's explanation is the server's, as stored with the attribution.
    expect(screen.getByTestId('ask-rule').textContent).toBe('R1首次建档为准：已由搜索建档，本次登记记为接触');
  });

  it('a refusal is shown as the server says it, and the form stays', async () => {
    svc.recordAsk.mockResolvedValueOnce(failResult('NOT_FOUND', '没有找到这位老客'));
    render(<GoldenAskPage />);
    fireEvent.click(screen.getByTestId('ask-save'));
    expect((await screen.findByTestId('ask-error')).textContent).toBe('没有找到这位老客');
    expect(screen.getByTestId('ask-save')).toBeTruthy();
  });

  it('without a customer it says where to come from', () => {
    setRouterParams({});
    render(<GoldenAskPage />);
    expect(screen.getByTestId('golden-ask-missing').textContent).toContain('黄金时间名单');
  });
});
