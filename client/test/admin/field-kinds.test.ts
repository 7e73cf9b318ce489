import {
  KIND_MESSAGES,
  bpToPercentText,
  fenToYuanText,
  fromDraftValue,
  percentTextToBp,
  toDraftValue,
  unitOf,
} from '../../src/packages/admin/utils/field-kinds';

describe('admin form fields: what is typed ↔ what is stored', () => {
  test('percent: basis points shown as %, typed % back to basis points exactly', () => {
    expect([500, 750, 1, 1000, 0, 10_000].map(bpToPercentText)).toEqual(['5', '7.5', '0.01', '10', '0', '100']);
    expect(percentTextToBp('7.5')).toEqual({ ok: true, value: 750 });
    expect(percentTextToBp(' 0.07 ')).toEqual({ ok: true, value: 7 });
    expect(percentTextToBp('12%')).toEqual({ ok: true, value: 1200 });
    expect(percentTextToBp('1.234')).toEqual({ ok: false, message: KIND_MESSAGES.percent });
    expect(fromDraftValue({ type: 'percent' }, '')).toEqual({ ok: false, message: KIND_MESSAGES.required });
  });

  test('yuan: fen shown as 元, typed 元 back to fen; empty is null only where the setting allows it', () => {
    expect([98_000, 12_345, 0, 5].map(fenToYuanText)).toEqual(['980', '123.45', '0', '0.05']);
    expect(fromDraftValue({ type: 'yuan' }, '199.9')).toEqual({ ok: true, value: 19_990 });
    expect(fromDraftValue({ type: 'yuan', nullable: '不限' }, '')).toEqual({ ok: true, value: null });
    expect(fromDraftValue({ type: 'yuan' }, '')).toEqual({ ok: false, message: KIND_MESSAGES.required });
    expect(fromDraftValue({ type: 'yuan' }, '1.001').ok).toBe(false);
    expect(toDraftValue({ type: 'yuan' }, null)).toBe('');
  });

  test('whole numbers, lists of them, text, choices, switches and ordered choices', () => {
    expect(fromDraftValue({ type: 'int', unit: '天' }, ' 3 ')).toEqual({ ok: true, value: 3 });
    expect(fromDraftValue({ type: 'int' }, '3.5')).toEqual({ ok: false, message: KIND_MESSAGES.int });
    expect(fromDraftValue({ type: 'int', nullable: '永久有效' }, '')).toEqual({ ok: true, value: null });
    expect(fromDraftValue({ type: 'int' }, '')).toEqual({ ok: false, message: KIND_MESSAGES.required });
    expect(toDraftValue({ type: 'int' }, null)).toBe('');
    expect(toDraftValue({ type: 'intList' }, [0, 7, 20])).toBe('0, 7, 20');
    expect(fromDraftValue({ type: 'intList' }, '0，7、 14')).toEqual({ ok: true, value: [0, 7, 14] });
    expect(fromDraftValue({ type: 'intList' }, '0, 七')).toEqual({ ok: false, message: KIND_MESSAGES.intList });
    expect(fromDraftValue({ type: 'text', maxLength: 8 }, ' r= ')).toEqual({ ok: true, value: 'r=' });
    expect(fromDraftValue({ type: 'text', maxLength: 8, optional: true }, '')).toEqual({ ok: true, value: undefined });
    expect(fromDraftValue({ type: 'choice', options: [] }, '')).toEqual({ ok: false, message: KIND_MESSAGES.required });
    expect(toDraftValue({ type: 'bool', on: '是', off: '否' }, true)).toBe(true);
    expect(fromDraftValue({ type: 'bool', on: '是', off: '否' }, false)).toEqual({ ok: true, value: false });
    expect(toDraftValue({ type: 'order', options: [] }, ['wecom', 'in_app'])).toEqual(['wecom', 'in_app']);
    expect(fromDraftValue({ type: 'order', options: [] }, ['in_app'])).toEqual({ ok: true, value: ['in_app'] });
    expect(unitOf({ type: 'percent' })).toBe('%');
    expect(unitOf({ type: 'yuan' })).toBe('元');
    expect(unitOf({ type: 'int', unit: '天' })).toBe('天');
    expect(unitOf({ type: 'text', maxLength: 1 })).toBeUndefined();
  });
});
