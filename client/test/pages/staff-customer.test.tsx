import { fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import CustomerPage from '../../src/packages/staff/pages/customer/index';
import * as team from '../../src/services/staff-team';
import { resetTaroMocks, setPlatform } from '../helpers';
import { setRouterParams } from '../mocks/taro';
import { NOW, freezeClock } from '../fixtures';
import { customerCard, failResult, okResult, resetServiceMocks } from '../staff-fixtures';

jest.mock('../../src/services/staff-team');
const svc = jest.mocked(team);

beforeEach(() => {
  resetTaroMocks();
  setPlatform('weapp');
  freezeClock(NOW);
  resetServiceMocks(team);
  setRouterParams({ customerId: 'cust-1' });
  svc.loadCustomerCard.mockResolvedValue(okResult(customerCard()));
});
afterEach(() => jest.useRealTimers());

describe('customer card', () => {
  it('shows contact, kind, stars, grade, channel with its rule, referrer, open follow-ups and the history with deals', async () => {
    render(<CustomerPage />);
    expect(screen.getByTestId('customer-loading')).toBeTruthy();
    const card = await screen.findByTestId('customer-card');
    expect(svc.loadCustomerCard).toHaveBeenCalledWith('cust-1');
    expect(within(card).getByTestId('customer-name').textContent).toBe('唐*');
    expect(within(card).getByTestId('customer-kind').textContent).toBe('新客');
    expect(within(card).getByTestId('customer-star').textContent).toBe('★★★☆☆');
    expect(within(card).getByTestId('customer-row-grade').textContent).toBe('F1 一级（强）');
    expect(within(card).getByTestId('customer-row-channel').textContent).toBe('老带新');
    expect(within(card).getByTestId('customer-row-referrer').textContent).toBe('王*');
    expect(within(card).getByTestId('customer-rule').textContent).toContain('R2');
    expect(within(card).getByTestId('customer-rule-explanation').textContent).toContain('首次到院后归属老带新');
    expect(within(card).getByTestId('customer-phone').textContent).toBe('139****0001');

    const task = screen.getByTestId('customer-task-task-1');
    expect(task.textContent).toContain('到院前提醒');
    expect(task.textContent).toContain('明天');
    const history = screen.getAllByTestId('history-item');
    expect(history.map((h) => h.getAttribute('data-kind'))).toEqual(['filing', 'visit', 'deal']);
    expect(history[2]!.textContent).toContain('成交');

    fireEvent.click(within(card).getByTestId('call-button'));
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13955550001' });
    fireEvent.click(task);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/pages/task/index?id=task-1' });
    fireEvent.click(within(card).getByTestId('customer-deal'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({
      url: '/packages/staff/pages/deal/index?customerId=cust-1',
    });
    expect(screen.queryByTestId('customer-not-checked-in')).toBeNull();
  });

  it('no full phone: no call button; no 录入成交 when the card says the caller does not record deals', async () => {
    const base = customerCard();
    const { phone: _phone, ...customer } = base.customer;
    svc.loadCustomerCard.mockResolvedValue(
      okResult({ ...base, customer, canRecordDeals: false, openTasks: [], history: [] }),
    );
    render(<CustomerPage />);
    await screen.findByTestId('customer-card');
    expect(screen.queryByTestId('call-button')).toBeNull();
    expect(screen.getByTestId('call-hint')).toBeTruthy();
    expect(screen.queryByTestId('customer-deal')).toBeNull();
    expect(screen.getByTestId('customer-tasks-empty')).toBeTruthy();
    expect(screen.getByTestId('history-empty')).toBeTruthy();
  });

  it('a customer not checked in yet: 录入成交 is offered with the reason it will wait', async () => {
    svc.loadCustomerCard.mockResolvedValue(okResult(customerCard({ checkedIn: false })));
    render(<CustomerPage />);
    expect((await screen.findByTestId('customer-not-checked-in')).textContent).toContain('签到后才能录入成交');
  });

  it('a card failure has a retry; no id says so', async () => {
    svc.loadCustomerCard.mockResolvedValueOnce(failResult('NOT_FOUND', '没有找到这位顾客'));
    const second = render(<CustomerPage />);
    expect((await screen.findByTestId('customer-error')).textContent).toContain('没有找到这位顾客');
    fireEvent.click(screen.getByTestId('retry-button'));
    expect(await screen.findByTestId('customer-card')).toBeTruthy();
    second.unmount();

    setRouterParams({});
    render(<CustomerPage />);
    expect(screen.getByTestId('customer-missing')).toBeTruthy();
  });
});
