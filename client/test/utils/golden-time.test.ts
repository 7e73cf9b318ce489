import { staffContract } from '@clinic/shared';
import {
  ASK_FORM_MESSAGES,
  EMPTY_ASK_FORM,
  askFormUrl,
  askHeadline,
  expectedVisitRange,
  expectedVisitText,
  gradeDateHint,
  monthsText,
  reasonChips,
  toRecordAskInput,
  validateAskForm,
  type AskFormValues,
} from '../../src/utils/golden-time';
import { recordedAsk } from '../staff-fixtures';

const TODAY = '2026-11-23';
/** The contract's own input schema: what the mapper gives is what the function accepts. */
const accepted = (input: unknown) => staffContract.recordAsk.input.safeParse(input).success;

const FRIEND: AskFormValues = {
  ...EMPTY_ASK_FORM,
  hasFriend: true,
  friendName: ' 韩梅 ',
  friendPhone: '139 4444 0001',
  need: ' 想做双眼皮，预算一万 ',
  expectedVisitDate: '2026-12-05',
  grade: 'F1',
};

describe('golden-time card', () => {
  it('months since treatment, and the reasons without the window the tag already shows', () => {
    expect(monthsText(1)).toBe('治疗后第 1 个月');
    expect(reasonChips({ windowLabel: '关键黄金期', reasons: ['关键黄金期', '4星客户', '满意度高'] })).toEqual([
      '4星客户',
      '满意度高',
    ]);
    expect(reasonChips({ windowLabel: '黄金期', reasons: [] })).toEqual([]);
  });

  it('the ask form’s address carries the customer and the masked name, encoded', () => {
    expect(askFormUrl('/packages/staff/pages/golden-ask/index', { customerId: 'cust-0001', displayName: '王*' })).toBe(
      '/packages/staff/pages/golden-ask/index?id=cust-0001&name=%E7%8E%8B*',
    );
  });
});

describe('ask form', () => {
  it('without a friend: only the note matters, and the input is the customer (and note) alone', () => {
    expect(validateAskForm(EMPTY_ASK_FORM, TODAY)).toEqual({});
    expect(toRecordAskInput('cust-0001', EMPTY_ASK_FORM, TODAY)).toEqual({ customerId: 'cust-0001' });
    const withNote = toRecordAskInput('cust-0001', { ...EMPTY_ASK_FORM, note: ' 下月复诊再聊 ' }, TODAY);
    expect(withNote).toEqual({ customerId: 'cust-0001', note: '下月复诊再聊' });
    expect(accepted(withNote)).toBe(true);
    // Friend fields typed and then "暂时没有" chosen again are not sent.
    expect(toRecordAskInput('cust-0001', { ...FRIEND, hasFriend: false }, TODAY)).toEqual({ customerId: 'cust-0001' });
    expect(validateAskForm({ ...EMPTY_ASK_FORM, note: 'x'.repeat(201) }, TODAY)).toEqual({
      note: ASK_FORM_MESSAGES.noteTooLong,
    });
  });

  it('with a friend: name, phone and grade are required, in Chinese', () => {
    const errors = validateAskForm({ ...EMPTY_ASK_FORM, hasFriend: true }, TODAY);
    expect(errors.friendName).toMatch(/姓名/);
    expect(errors.friendPhone).toBe('请填写手机号码');
    expect(errors.grade).toBe(ASK_FORM_MESSAGES.grade);
    expect(errors.need).toBeUndefined();
    expect(toRecordAskInput('cust-0001', { ...EMPTY_ASK_FORM, hasFriend: true }, TODAY)).toBeNull();
    expect(validateAskForm({ ...FRIEND, friendPhone: '0871-6438789' }, TODAY).friendPhone).toContain('座机');
  });

  it('F1 and F2 need the friend’s need; F3 (only a contact passed on) may leave it out', () => {
    expect(validateAskForm({ ...FRIEND, need: ' ' }, TODAY)).toEqual({ need: ASK_FORM_MESSAGES.needRequired });
    expect(validateAskForm({ ...FRIEND, need: '', grade: 'F2' }, TODAY)).toEqual({
      need: ASK_FORM_MESSAGES.needRequired,
    });
    expect(validateAskForm({ ...FRIEND, need: '', grade: 'F3' }, TODAY)).toEqual({});
    expect(validateAskForm({ ...FRIEND, need: '要'.repeat(201) }, TODAY)).toEqual({
      need: ASK_FORM_MESSAGES.needTooLong,
    });
    const f3 = toRecordAskInput('cust-0001', { ...FRIEND, need: '', grade: 'F3', expectedVisitDate: '' }, TODAY);
    expect(f3?.friend).toEqual({ name: '韩梅', phone: '139 4444 0001', need: '', grade: 'F3' });
    expect(accepted(f3)).toBe(true);
  });

  it('the expected visit date is optional, from today to a year ahead', () => {
    expect(expectedVisitRange(TODAY)).toEqual({ start: TODAY, end: '2027-11-23' });
    expect(validateAskForm({ ...FRIEND, expectedVisitDate: '2026-11-22' }, TODAY)).toEqual({
      expectedVisitDate: ASK_FORM_MESSAGES.datePast,
    });
    expect(validateAskForm({ ...FRIEND, expectedVisitDate: '2027-11-24' }, TODAY)).toEqual({
      expectedVisitDate: ASK_FORM_MESSAGES.dateTooFar,
    });
    expect(validateAskForm({ ...FRIEND, expectedVisitDate: TODAY }, TODAY)).toEqual({});
    const noDate = toRecordAskInput('cust-0001', { ...FRIEND, expectedVisitDate: '' }, TODAY);
    expect(noDate?.friend).not.toHaveProperty('expectedVisitDate');
  });

  it('a complete friend maps to what recordAsk accepts, trimmed', () => {
    const input = toRecordAskInput('cust-0001', { ...FRIEND, note: '老客很热心' }, TODAY);
    expect(input).toEqual({
      customerId: 'cust-0001',
      note: '老客很热心',
      friend: {
        name: '韩梅',
        phone: '139 4444 0001',
        need: '想做双眼皮，预算一万',
        expectedVisitDate: '2026-12-05',
        grade: 'F1',
      },
    });
    expect(accepted(input)).toBe(true);
    expect(toRecordAskInput('', FRIEND, TODAY)).toBeNull();
  });

  it('hints (never blocks) when the grade promises a sooner visit than the date', () => {
    expect(gradeDateHint({ grade: 'F1', expectedVisitDate: '2026-12-23' }, TODAY)).toBeUndefined();
    expect(gradeDateHint({ grade: 'F1', expectedVisitDate: '2026-12-24' }, TODAY)).toContain('1 个月内');
    expect(gradeDateHint({ grade: 'F2', expectedVisitDate: '2027-02-23' }, TODAY)).toBeUndefined();
    expect(gradeDateHint({ grade: 'F2', expectedVisitDate: '2027-03-01' }, TODAY)).toContain('3 个月内');
    expect(gradeDateHint({ grade: 'F3', expectedVisitDate: '2026-11-24' }, TODAY)).toBeUndefined();
    expect(gradeDateHint({ grade: '', expectedVisitDate: '2027-06-01' }, TODAY)).toBeUndefined();
    expect(gradeDateHint({ grade: 'F1', expectedVisitDate: '' }, TODAY)).toBeUndefined();
    expect(validateAskForm({ ...FRIEND, expectedVisitDate: '2027-06-01' }, TODAY)).toEqual({});
  });

  it('the date field: the prompt, the day, the year when it is another one', () => {
    expect(expectedVisitText('', TODAY)).toBe('选择日期（选填）');
    expect(expectedVisitText('2026-11-24', TODAY)).toBe('11月24日 周二（明天）');
    expect(expectedVisitText('2027-01-04', TODAY)).toBe('2027年1月4日 周一');
  });
});

describe('the answer', () => {
  it('a new filing, the friend filed before (R1), or an ask alone; the server’s message says what happened', () => {
    expect(askHeadline(recordedAsk())).toEqual({ title: '已为朋友建档', sub: '已建档：老带新，F1 级，跟进人已安排' });
    const existing = recordedAsk({
      friendFiling: {
        customerId: 'c-2',
        existing: true,
        message: '该顾客已由搜索建档，本次登记记为接触',
        channelLabel: '搜索',
        rule: 'R1',
        explanation: '首次建档为准：已由搜索建档，本次登记记为接触',
      },
    });
    expect(askHeadline(existing)).toEqual({ title: '朋友此前已建档', sub: '该顾客已由搜索建档，本次登记记为接触' });
    expect(askHeadline({ askedOn: TODAY }).title).toBe('已记录宣导');
  });
});
