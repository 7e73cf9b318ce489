import {
  EMPTY_RESULT_FORM,
  RESULT_FORM_MESSAGES,
  RESULT_OPTIONS,
  REASON_OPTIONS,
  previewHint,
  previewKey,
  resultNeeds,
  toResultInput,
  validateResultForm,
  type ResultFormValues,
} from '../../src/utils/follow-up-form';
import { followUpResultInputSchema } from '@clinic/shared';

const TODAY = '2026-11-23';
const form = (patch: Partial<ResultFormValues>): ResultFormValues => ({ ...EMPTY_RESULT_FORM, ...patch });

describe('result options', () => {
  it('lists the six results and five reasons with their shared labels', () => {
    expect(RESULT_OPTIONS.map((o) => o.code)).toEqual(['V1', 'V2', 'V3', 'V4', 'N1', 'N2']);
    expect(RESULT_OPTIONS[3]?.label).toBe('有效四级：已在竞品消费');
    expect(REASON_OPTIONS.map((o) => o.label)).toEqual(['地域因素', '时间因素', '价格因素', '竞品因素', '其他因素']);
  });

  it('asks V1 for a date and V3/V4 for a reason', () => {
    expect(resultNeeds('V1')).toEqual({ date: true, reason: false });
    expect(resultNeeds('V3')).toEqual({ date: false, reason: true });
    expect(resultNeeds('V4')).toEqual({ date: false, reason: true });
    expect(resultNeeds('N1')).toEqual({ date: false, reason: false });
    expect(resultNeeds('')).toEqual({ date: false, reason: false });
  });
});

describe('validateResultForm', () => {
  it('needs a result first', () => {
    expect(validateResultForm(EMPTY_RESULT_FORM, TODAY)).toEqual({ result: RESULT_FORM_MESSAGES.result });
  });

  it('V1 needs a planned visit date, not in the past', () => {
    expect(validateResultForm(form({ result: 'V1' }), TODAY)).toEqual({
      plannedVisitDate: RESULT_FORM_MESSAGES.plannedVisitDate,
    });
    expect(validateResultForm(form({ result: 'V1', plannedVisitDate: '2026-11-22' }), TODAY)).toEqual({
      plannedVisitDate: RESULT_FORM_MESSAGES.plannedVisitDatePast,
    });
    expect(validateResultForm(form({ result: 'V1', plannedVisitDate: TODAY }), TODAY)).toEqual({});
  });

  it('V4 without a reason says a reason is required at the field (the schema refuses it too)', () => {
    expect(validateResultForm(form({ result: 'V4' }), TODAY)).toEqual({ reason: '有效四级必须填写原因' });
    expect(followUpResultInputSchema.safeParse({ result: 'V4' }).success).toBe(false);
  });

  it('V3 without a reason names the V3 message', () => {
    expect(validateResultForm(form({ result: 'V3' }), TODAY)).toEqual({ reason: RESULT_FORM_MESSAGES.reasonV3 });
  });

  it('limits the note to 200 characters', () => {
    expect(validateResultForm(form({ result: 'N1', note: '字'.repeat(201) }), TODAY)).toEqual({
      note: RESULT_FORM_MESSAGES.note,
    });
    expect(validateResultForm(form({ result: 'N1', note: '字'.repeat(200) }), TODAY)).toEqual({});
  });
});

describe('toResultInput', () => {
  it('maps each result to the contract shape the shared schema accepts', () => {
    const cases: [Partial<ResultFormValues>, unknown][] = [
      [
        { result: 'V1', plannedVisitDate: '2026-11-27', note: ' 周五下午 ' },
        { result: 'V1', plannedVisitDate: '2026-11-27', note: '周五下午' },
      ],
      [{ result: 'V2', reason: 'price' }, { result: 'V2' }],
      [
        { result: 'V3', reason: 'time' },
        { result: 'V3', reason: 'time' },
      ],
      [
        { result: 'V4', reason: 'competitor' },
        { result: 'V4', reason: 'competitor' },
      ],
      [{ result: 'N1', plannedVisitDate: '2026-11-27' }, { result: 'N1' }],
      [
        { result: 'N2', note: '空号' },
        { result: 'N2', note: '空号' },
      ],
    ];
    for (const [patch, expected] of cases) {
      const input = toResultInput(form(patch), TODAY);
      expect(input).toEqual(expected);
      expect(followUpResultInputSchema.safeParse(input).success).toBe(true);
    }
  });

  it('is null while incomplete', () => {
    expect(toResultInput(EMPTY_RESULT_FORM, TODAY)).toBeNull();
    expect(toResultInput(form({ result: 'V1' }), TODAY)).toBeNull();
    expect(toResultInput(form({ result: 'V4' }), TODAY)).toBeNull();
  });

  it('leaves the note out for the preview, even an over-long one', () => {
    expect(toResultInput(form({ result: 'N1', note: '字'.repeat(300) }), TODAY, { withNote: false })).toEqual({
      result: 'N1',
    });
  });
});

describe('preview key and hint', () => {
  it('changes with the result, date or reason, not with the note or another result’s field', () => {
    const v1 = form({ result: 'V1', plannedVisitDate: '2026-11-27' });
    expect(previewKey(v1, TODAY)).toBe(previewKey({ ...v1, note: '备注' }, TODAY));
    expect(previewKey(v1, TODAY)).not.toBe(previewKey({ ...v1, plannedVisitDate: '2026-11-28' }, TODAY));
    expect(previewKey(form({ result: 'N1' }), TODAY)).toBe(previewKey(form({ result: 'N1', reason: 'time' }), TODAY));
    expect(previewKey(form({ result: 'V4' }), TODAY)).toBeNull();
  });

  it('tells what is missing before a preview can be shown', () => {
    expect(previewHint(EMPTY_RESULT_FORM, TODAY)).toBe('请选择回访结果，即可查看保存后的安排');
    expect(previewHint(form({ result: 'V1' }), TODAY)).toBe('请选择计划到院日期，即可查看保存后的安排');
    expect(previewHint(form({ result: 'V4' }), TODAY)).toBe('有效四级必须填写原因，即可查看保存后的安排');
    expect(previewHint(form({ result: 'N2' }), TODAY)).toBeUndefined();
  });
});
