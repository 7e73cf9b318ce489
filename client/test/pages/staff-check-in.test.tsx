import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import CheckInPage from '../../src/packages/staff/pages/check-in/index';
import * as visits from '../../src/services/visits';
import * as team from '../../src/services/staff-team';
import { resetTaroMocks, setPlatform } from '../helpers';
import {
  COLLEAGUES,
  WANGLI_PICK,
  checkInResult,
  failResult,
  okResult,
  personPicks,
  resetServiceMocks,
} from '../staff-fixtures';

jest.mock('../../src/services/visits');
jest.mock('../../src/services/staff-team');
const svc = jest.mocked(visits);
const people = jest.mocked(team);
const scanCode = Taro.scanCode as unknown as jest.Mock;

beforeEach(() => {
  resetTaroMocks();
  resetServiceMocks(visits);
  resetServiceMocks(team);
  svc.checkIn.mockResolvedValue(okResult(checkInResult()));
  people.findCustomers.mockResolvedValue(okResult(personPicks([WANGLI_PICK])));
  people.listColleagues.mockResolvedValue(okResult(COLLEAGUES));
});

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

/** The walk-in form, once its colleague pickers have their lists. */
async function phoneMode() {
  fireEvent.click(screen.getByTestId('mode-phone'));
  await screen.findByTestId('walk-in-receivedByStaffId-option-staff-consultant-1');
  await screen.findByTestId('walk-in-namedConsultantStaffId-option-staff-consultant-1');
}

describe('check-in in H5 (no scanner)', () => {
  beforeEach(() => setPlatform('h5'));

  it('takes the typed booking code; the answer card shows 首次到院, the channel, staff, rule and explanation', async () => {
    render(<CheckInPage />);
    expect(screen.queryByTestId('scan-button')).toBeNull();
    type('booking-code-input', 'a5ep73u');
    fireEvent.click(screen.getByTestId('check-in-submit'));

    const card = await screen.findByTestId('check-in-result');
    expect(svc.checkIn).toHaveBeenCalledWith({ bookingCode: 'A5EP73U' });
    expect(within(card).getByTestId('check-in-headline').textContent).toBe('首次到院');
    expect(within(card).getByTestId('attribution-channel').textContent).toBe('老带新（一级）');
    expect(within(card).getByTestId('attribution-staff').textContent).toBe('李顾问');
    expect(within(card).getByTestId('attribution-referrer').textContent).toBe('王*');
    const rule = within(card).getByTestId('attribution-rule');
    expect(rule.textContent).toContain('R2');
    expect(within(rule).getByTestId('attribution-explanation').textContent).toBe(
      '老带新建档早于首次到院 3 天（≥ 1 天），首次到院后归属老带新',
    );

    fireEvent.click(screen.getByTestId('check-in-again'));
    expect((screen.getByTestId('booking-code-input') as HTMLInputElement).value).toBe('');
  });

  it('a mistyped code is caught at the field, before any call', () => {
    render(<CheckInPage />);
    type('booking-code-input', 'A5EP73V');
    fireEvent.click(screen.getByTestId('check-in-submit'));
    expect(screen.getByTestId('error-bookingCode').textContent).toContain('预约码有误');
    expect(svc.checkIn).not.toHaveBeenCalled();
  });

  it('a walk-in by phone sends the picked people’s ids; a second check-in today says so', async () => {
    svc.checkIn.mockResolvedValue(
      okResult(
        checkInResult({
          firstVisit: false,
          alreadyCheckedIn: true,
          attribution: {
            channel: 'walk_in',
            channelLabel: '直接来院',
            level: 1,
            rule: 'R5',
            explanation: '与老客同行到院、此前未建档，归属直接来院（推荐礼遇仍归老客）',
            provisional: false,
            creditedStaffName: '张前台',
          },
        }),
      ),
    );
    render(<CheckInPage />);
    await phoneMode();
    type('walk-in-phone', '139 0013 8000');
    type('walk-in-name', '陈小姐');
    // The old customer who came along, found by full phone; the receiving colleague from the list.
    type('walk-in-companionCustomerId-query', '130 0618 1966');
    fireEvent.click(screen.getByTestId('walk-in-companionCustomerId-search'));
    fireEvent.click(await screen.findByTestId('walk-in-companionCustomerId-result-cust-0001'));
    expect(people.findCustomers).toHaveBeenCalledWith('130 0618 1966');
    fireEvent.click(await screen.findByTestId('walk-in-receivedByStaffId-option-staff-onsite-1'));
    expect(screen.getByTestId('walk-in-receivedByStaffId-option-staff-onsite-1').getAttribute('data-selected')).toBe(
      'true',
    );
    fireEvent.click(screen.getByTestId('check-in-submit'));

    const card = await screen.findByTestId('check-in-result');
    expect(svc.checkIn).toHaveBeenCalledWith({
      phone: '139 0013 8000',
      name: '陈小姐',
      companionCustomerId: 'cust-0001',
      receivedByStaffId: 'staff-onsite-1',
    });
    expect(within(card).getByTestId('check-in-headline').textContent).toBe('今日已签到');
    expect(within(card).getByTestId('attribution-channel').textContent).toBe('直接来院（一级）');
    expect(within(card).getByTestId('attribution-rule').textContent).toContain('R5');
  });

  it('a missing phone is named at its field; a partial number is not searched', async () => {
    render(<CheckInPage />);
    await phoneMode();
    type('walk-in-claimedReferrerCustomerId-query', '1300618');
    fireEvent.click(screen.getByTestId('walk-in-claimedReferrerCustomerId-search'));
    expect(screen.getByTestId('walk-in-claimedReferrerCustomerId-error').textContent).toContain('完整的 11 位手机号');
    expect(people.findCustomers).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('check-in-submit'));
    expect(screen.getByTestId('error-phone').textContent).toBe('请填写手机号码');
    expect(svc.checkIn).not.toHaveBeenCalled();
  });

  it('点名咨询师 offers the consultants only; a second tap clears the choice; nothing found says so', async () => {
    people.findCustomers.mockResolvedValue(okResult(personPicks([])));
    render(<CheckInPage />);
    await phoneMode();
    const consultants = await screen.findByTestId('walk-in-namedConsultantStaffId');
    expect(within(consultants).queryByTestId('walk-in-namedConsultantStaffId-option-staff-nurse-1')).toBeNull();
    const chen = within(consultants).getByTestId('walk-in-namedConsultantStaffId-option-staff-consultant-1');
    expect(chen.textContent).toBe('陈静咨询师');
    fireEvent.click(chen);
    expect(chen.getAttribute('data-selected')).toBe('true');
    fireEvent.click(chen);
    expect(chen.getAttribute('data-selected')).toBe('false');
    expect(people.listColleagues).toHaveBeenCalledWith({ post: 'consultant' });

    type('walk-in-companionCustomerId-query', '王丽');
    fireEvent.click(screen.getByTestId('walk-in-companionCustomerId-search'));
    expect((await screen.findByTestId('walk-in-companionCustomerId-empty')).textContent).toContain('没有找到');

    type('walk-in-phone', '13900138000');
    fireEvent.click(screen.getByTestId('check-in-submit'));
    await screen.findByTestId('check-in-result');
    expect(svc.checkIn).toHaveBeenCalledWith({ phone: '13900138000' });
  });

  it('the answer links to the customer card', async () => {
    render(<CheckInPage />);
    type('booking-code-input', 'A5EP73U');
    fireEvent.click(screen.getByTestId('check-in-submit'));
    fireEvent.click(await screen.findByTestId('check-in-customer'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/customer/index?customerId=cust-1' });
  });

  it('shows the function’s refusal (an unfiled phone without a name)', async () => {
    svc.checkIn.mockResolvedValue(failResult('INVALID_INPUT', '该手机号尚未建档，请填写顾客姓名后签到'));
    render(<CheckInPage />);
    await phoneMode();
    type('walk-in-phone', '13900138000');
    fireEvent.click(screen.getByTestId('check-in-submit'));
    expect((await screen.findByTestId('check-in-error')).textContent).toBe('该手机号尚未建档，请填写顾客姓名后签到');
    expect(screen.queryByTestId('check-in-result')).toBeNull();
  });
});

describe('check-in in weapp (camera)', () => {
  beforeEach(() => setPlatform('weapp'));

  it('a scanned booking QR checks in at once', async () => {
    scanCode.mockResolvedValue({ result: 'A5EP73U', scanType: 'QR_CODE', errMsg: 'scanCode:ok' });
    render(<CheckInPage />);
    fireEvent.click(screen.getByTestId('scan-button'));
    await screen.findByTestId('check-in-result');
    expect(scanCode).toHaveBeenCalledWith({ onlyFromCamera: true, scanType: ['qrCode'] });
    expect(svc.checkIn).toHaveBeenCalledWith({ bookingCode: 'A5EP73U' });
  });

  it('an unreadable QR is said, and nothing is sent; a cancelled scan says nothing', async () => {
    scanCode.mockResolvedValueOnce({ result: 'https://example.com/x', errMsg: 'scanCode:ok' });
    render(<CheckInPage />);
    fireEvent.click(screen.getByTestId('scan-button'));
    expect((await screen.findByTestId('error-bookingCode')).textContent).toContain('未识别到有效的预约码');

    scanCode.mockRejectedValueOnce({ errMsg: 'scanCode:fail cancel' });
    fireEvent.click(screen.getByTestId('scan-button'));
    await waitFor(() => expect(scanCode).toHaveBeenCalledTimes(2));
    expect(svc.checkIn).not.toHaveBeenCalled();
  });
});
