import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { BookingResult } from '../../src/components/BookingResult';
import { resetTaroMocks, setPlatform } from '../helpers';
import { BOOKING } from '../fixtures';

const requestSubscribe = Taro.requestSubscribeMessage as unknown as jest.Mock;

beforeEach(() => {
  resetTaroMocks();
  setPlatform('weapp');
});

describe('the visit-reminder offer after booking', () => {
  it('asks for the template the clinic configured and shows the answer', async () => {
    requestSubscribe.mockResolvedValue({ 'tpl-from-settings': 'accept' });
    render(<BookingResult booking={{ ...BOOKING, status: 'booked', reminderTemplateId: 'tpl-from-settings' }} />);
    fireEvent.click(screen.getByTestId('booking-subscribe'));
    expect((await screen.findByTestId('booking-subscribe-result')).textContent).toContain('已开启到院提醒');
    expect(requestSubscribe).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['tpl-from-settings'] }));
  });

  it('a refusal is said plainly', async () => {
    requestSubscribe.mockResolvedValue({ 'tpl-from-settings': 'reject' });
    render(<BookingResult booking={{ ...BOOKING, status: 'booked', reminderTemplateId: 'tpl-from-settings' }} />);
    fireEvent.click(screen.getByTestId('booking-subscribe'));
    expect((await screen.findByTestId('booking-subscribe-result')).textContent).not.toContain('已开启');
  });

  it('without a configured template there is nothing to offer', () => {
    render(<BookingResult booking={{ ...BOOKING, status: 'booked' }} />);
    expect(screen.queryByTestId('booking-subscribe')).toBeNull();
  });
});
