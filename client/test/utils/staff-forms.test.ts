import { visitsContract } from '@clinic/shared';
import {
  CHECK_IN_MESSAGES,
  EMPTY_CHECK_IN_FORM,
  bookingCodeFrom,
  checkInHeadline,
  toCheckInInput,
  validateCheckInForm,
} from '../../src/utils/check-in-form';
import {
  DESK_FILING_MESSAGES,
  EMPTY_DESK_FILING,
  channelOptions,
  deskFilingHeadline,
  toDeskFilingInput,
  toggleProduct,
  validateDeskFiling,
} from '../../src/utils/desk-filing-form';
import { appendPage, appendPageBy, countBadge, tabCount, WORKBENCH_TABS, withoutItem } from '../../src/utils/workbench';
import { sendBackNoteError, verificationLines } from '../../src/utils/verification';

/** The contracts' own input schemas: a helper's output is what the function accepts. */
const checkInContractInput = (input: unknown) => visitsContract.checkIn.input.safeParse(input).success;
const deskFilingContractInput = (input: unknown) => visitsContract.fileAtDesk.input.safeParse(input).success;

// A real booking code (its check character is right); the last character changed is a typo.
const CODE = 'A5EP73U';

describe('check-in form', () => {
  it('accepts a typed or scanned code in any case or with spaces', () => {
    expect(bookingCodeFrom('a5e p73u')).toBe(CODE);
    expect(bookingCodeFrom('A5EP73V')).toBeNull();
    expect(toCheckInInput({ ...EMPTY_CHECK_IN_FORM, bookingCode: 'a5ep73u' })).toEqual({ bookingCode: CODE });
  });

  it('names a missing or mistyped code', () => {
    expect(validateCheckInForm(EMPTY_CHECK_IN_FORM)).toEqual({ bookingCode: CHECK_IN_MESSAGES.bookingCodeEmpty });
    expect(validateCheckInForm({ ...EMPTY_CHECK_IN_FORM, bookingCode: 'ABC' })).toEqual({
      bookingCode: CHECK_IN_MESSAGES.bookingCodeInvalid,
    });
    expect(toCheckInInput({ ...EMPTY_CHECK_IN_FORM, bookingCode: 'ABC' })).toBeNull();
  });

  it('a walk-in by phone: phone required, name optional, ids checked, empty facts left out', () => {
    const walkIn = { ...EMPTY_CHECK_IN_FORM, mode: 'phone' as const };
    expect(validateCheckInForm(walkIn)).toEqual({ phone: '请填写手机号码' });
    expect(validateCheckInForm({ ...walkIn, phone: '13900138000', companionCustomerId: 'c 1' })).toEqual({
      companionCustomerId: CHECK_IN_MESSAGES.idInvalid,
    });
    const input = toCheckInInput({
      ...walkIn,
      phone: ' 139 0013 8000 ',
      name: ' 陈小姐 ',
      companionCustomerId: 'cust-old-1',
      receivedByStaffId: ' staff-2 ',
    });
    expect(input).toEqual({
      phone: '139 0013 8000',
      name: '陈小姐',
      companionCustomerId: 'cust-old-1',
      receivedByStaffId: 'staff-2',
    });
    expect(checkInContractInput(input)).toBe(true);
  });

  it('headline: 今日已签到 wins over 首次到院', () => {
    expect(checkInHeadline({ firstVisit: true, alreadyCheckedIn: false })).toBe('首次到院');
    expect(checkInHeadline({ firstVisit: false, alreadyCheckedIn: true })).toBe('今日已签到');
    expect(checkInHeadline({ firstVisit: false, alreadyCheckedIn: false })).toBe('签到成功');
  });
});

describe('desk filing form', () => {
  const filled = {
    ...EMPTY_DESK_FILING,
    phone: '13900138000',
    name: '陈小姐',
    channel: 'search',
    grade: 'F2' as const,
  };

  it('lists the default channels, 老带新 among them', () => {
    const labels = channelOptions().map((c) => c.label);
    expect(labels).toEqual(expect.arrayContaining(['搜索', '电商', '社交', '电话', '小程序', '直接来院', '老带新']));
  });

  it('names every missing field', () => {
    expect(validateDeskFiling(EMPTY_DESK_FILING)).toEqual({
      phone: '请填写手机号码',
      name: '请填写姓名',
      channel: DESK_FILING_MESSAGES.channel,
      grade: DESK_FILING_MESSAGES.grade,
    });
    expect(toDeskFilingInput(EMPTY_DESK_FILING)).toBeNull();
  });

  it('老带新 requires the referrer; other channels may name one', () => {
    expect(validateDeskFiling({ ...filled, channel: 'referral' })).toEqual({
      referrerCustomerId: DESK_FILING_MESSAGES.referrerRequired,
    });
    expect(validateDeskFiling({ ...filled, referrerCustomerId: 'cust old' })).toEqual({
      referrerCustomerId: DESK_FILING_MESSAGES.referrerInvalid,
    });
    const input = toDeskFilingInput({ ...filled, channel: 'referral', referrerCustomerId: ' cust-old-1 ' });
    expect(input).toEqual({
      phone: '13900138000',
      name: '陈小姐',
      channel: 'referral',
      grade: 'F2',
      referrerCustomerId: 'cust-old-1',
      productIds: [],
    });
    expect(deskFilingContractInput(input)).toBe(true);
  });

  it('toggles products, at most ten', () => {
    expect(toggleProduct(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggleProduct(['a', 'b'], 'a')).toEqual(['b']);
    const ten = Array.from({ length: 10 }, (_, i) => `p${i}`);
    expect(toggleProduct(ten, 'p10')).toEqual(ten);
  });

  it('headline: new filing or existing (a touch)', () => {
    expect(deskFilingHeadline({ existing: false })).toBe('已建档');
    expect(deskFilingHeadline({ existing: true })).toBe('已建档客户（记为接触）');
  });
});

describe('workbench and verification helpers', () => {
  it('tabs: three buckets with counts and the golden-time tab without', () => {
    const counts = { today: 12, overdue: 3, tomorrow: 5, upcoming: 40 };
    expect(WORKBENCH_TABS.map((t) => [t.label, tabCount(t, counts)])).toEqual([
      ['今日', 12],
      ['逾期', 3],
      ['明日', 5],
      ['黄金时间', undefined],
    ]);
    expect(countBadge(120)).toBe('99+');
  });

  it('appends a page without repeats and removes one item', () => {
    expect(appendPage([{ id: 'a' }, { id: 'b' }], [{ id: 'b' }, { id: 'c' }]).map((x) => x.id)).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(withoutItem([{ id: 'a' }, { id: 'b' }], 'a')).toEqual([{ id: 'b' }]);
    // Keyed otherwise: 黄金时间's old customers by customerId.
    const byCustomer = appendPageBy(
      [{ customerId: 'c1', n: 1 }],
      [
        { customerId: 'c1', n: 2 },
        { customerId: 'c2', n: 3 },
      ],
      (x) => x.customerId,
    );
    expect(byCustomer).toEqual([
      { customerId: 'c1', n: 1 },
      { customerId: 'c2', n: 3 },
    ]);
  });

  it('send back needs a note', () => {
    expect(sendBackNoteError('  ')).toBe('请填写退回原因，负责人会看到这条说明');
    expect(sendBackNoteError('字'.repeat(201))).toContain('200');
    expect(sendBackNoteError('客户说只是暂时不考虑')).toBeUndefined();
  });

  it('describes a queue item', () => {
    expect(
      verificationLines({
        id: 'v1',
        customerId: 'c1',
        displayName: '陈*',
        maskedPhone: '139****8000',
        result: 'V4',
        reason: 'competitor',
        submittedByName: '李顾问',
        submittedAt: '2026-11-23T02:00:00.000Z',
      }),
    ).toEqual({ result: 'V4 有效四级：已在竞品消费（竞品因素）', submitted: '李顾问 提交于 2026-11-23 10:00' });
  });
});
