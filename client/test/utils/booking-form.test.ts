import {
  EMPTY_BOOKING_FORM,
  FORM_MESSAGES,
  hasErrors,
  phoneFields,
  validateBookingForm,
} from '../../src/utils/booking-form';

const filled = {
  storeId: 'store-1',
  productId: 'product-eyes',
  date: '2026-11-25',
  slot: '14:00',
  name: '林小雨',
  phone: '139 0013 8000',
  phoneCode: '',
};

describe('validateBookingForm', () => {
  it('accepts a complete form (phone with spaces or +86 is fine)', () => {
    expect(validateBookingForm(filled)).toEqual({});
    expect(validateBookingForm({ ...filled, phone: '+86 139-0013-8000' })).toEqual({});
  });

  it('names every missing field', () => {
    const errors = validateBookingForm(EMPTY_BOOKING_FORM);
    expect(errors).toEqual({
      storeId: FORM_MESSAGES.storeId,
      productId: FORM_MESSAGES.productId,
      date: FORM_MESSAGES.date,
      slot: FORM_MESSAGES.slot,
      name: FORM_MESSAGES.name,
      phone: '请填写手机号码',
    });
    expect(hasErrors(errors)).toBe(true);
  });

  it.each([
    ['1390013800', '手机号码位数不足，应为 11 位'],
    ['139001380001', '手机号码位数过多，应为 11 位'],
    ['0871-1234567', '请填写手机号码，不支持座机号码'],
    ['12900138000', '不是有效的中国大陆手机号码'],
    ['+1 415 555 0100', '暂不支持境外手机号码，请填写中国大陆手机号码'],
    ['139abc', '手机号码只能包含数字'],
  ])('explains a bad phone %s', (phone, message) => {
    expect(validateBookingForm({ ...filled, phone }).phone).toBe(message);
  });

  it('limits the name to 20 characters', () => {
    expect(validateBookingForm({ ...filled, name: '  ' }).name).toBe(FORM_MESSAGES.name);
    expect(validateBookingForm({ ...filled, name: '名'.repeat(21) }).name).toBe(FORM_MESSAGES.nameTooLong);
  });

  it('applies the shared name rule: invisible characters removed, control and bidi characters refused', () => {
    expect(validateBookingForm({ ...filled, name: '迪丽热巴·迪力木拉提' })).toEqual({});
    expect(validateBookingForm({ ...filled, name: '\u200B\uFEFF' }).name).toBe('请填写姓名');
    expect(validateBookingForm({ ...filled, name: '林\u0000' }).name).toBe('姓名包含不支持的字符');
    expect(validateBookingForm({ ...filled, name: '\u202E林小雨' }).name).toBe(FORM_MESSAGES.nameUnsupported);
  });
});

describe('the phone WeChat vouches for (weapp getPhoneNumber)', () => {
  const blankPhone = {
    storeId: 'store-1',
    productId: 'p',
    date: '2026-11-24',
    slot: '10:00',
    name: '林小雨',
    phone: '',
    phoneCode: '',
  };

  test('with a code, no typed phone is needed and the code is sent instead', () => {
    const values = { ...blankPhone, phoneCode: 'wx-code-1' };
    expect(validateBookingForm(values)).toEqual({});
    expect(phoneFields(values)).toEqual({ phoneCode: 'wx-code-1' });
  });

  test('without a code, the typed phone is validated and sent', () => {
    expect(validateBookingForm(blankPhone).phone).toBeDefined();
    expect(phoneFields({ ...blankPhone, phone: '13800138000' })).toEqual({ phone: '13800138000' });
  });
});
