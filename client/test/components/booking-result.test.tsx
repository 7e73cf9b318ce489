import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { BookingResult } from '../../src/components/BookingResult';
import { cloudCalls, fail, ok, resetTaroMocks, routeCloud, setPlatform } from '../helpers';
import { BOOKING } from '../fixtures';

const requestSubscribe = Taro.requestSubscribeMessage as unknown as jest.Mock;

beforeEach(() => {
  resetTaroMocks();
  setPlatform('weapp');
});

describe('the visit-reminder offer after booking', () => {
  it('asks for the template the clinic configured, banks the 允许 on the server and shows the answer', async () => {
    requestSubscribe.mockResolvedValue({ 'tpl-from-settings': 'accept' });
    routeCloud({ 'user.recordSubscription': () => ok({ grants: { 'tpl-from-settings': 1 } }) });
    render(<BookingResult booking={{ ...BOOKING, status: 'booked', reminderTemplateId: 'tpl-from-settings' }} />);
    fireEvent.click(screen.getByTestId('booking-subscribe'));
    expect((await screen.findByTestId('booking-subscribe-result')).textContent).toContain('已开启到院提醒');
    expect(requestSubscribe).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['tpl-from-settings'] }));
    expect(cloudCalls()).toEqual([
      { call: 'user.recordSubscription', data: { results: { 'tpl-from-settings': 'accept' } } },
    ]);
  });

  it('a 允许 the server could not bank is not reported as on', async () => {
    requestSubscribe.mockResolvedValue({ 'tpl-from-settings': 'accept' });
    routeCloud({ 'user.recordSubscription': () => fail('INTERNAL', '服务繁忙，请稍后重试') });
    render(<BookingResult booking={{ ...BOOKING, status: 'booked', reminderTemplateId: 'tpl-from-settings' }} />);
    fireEvent.click(screen.getByTestId('booking-subscribe'));
    expect((await screen.findByTestId('booking-subscribe-result')).textContent).toContain('提醒开启失败');
  });

  it('a refusal is said plainly and nothing is banked', async () => {
    requestSubscribe.mockResolvedValue({ 'tpl-from-settings': 'reject' });
    routeCloud({});
    render(<BookingResult booking={{ ...BOOKING, status: 'booked', reminderTemplateId: 'tpl-from-settings' }} />);
    fireEvent.click(screen.getByTestId('booking-subscribe'));
    expect((await screen.findByTestId('booking-subscribe-result')).textContent).not.toContain('已开启');
    expect(cloudCalls()).toEqual([]);
  });

  it('without a configured template there is nothing to offer', () => {
    render(<BookingResult booking={{ ...BOOKING, status: 'booked' }} />);
    expect(screen.queryByTestId('booking-subscribe')).toBeNull();
  });
});
