import { canonicalPhoneSchema, normalizePhone, phoneInputSchema, PHONE_MESSAGES } from '../../src';

describe('phone normalisation (§2 identity)', () => {
  test.each([
    ['13800138000'],
    ['+86 138-0013-8000'],
    ['8613800138000'],
    ['+8613800138000'],
    ['008613800138000'],
    ['１３８００１３８０００'],
    ['＋８６ １３８ ００１３ ８０００'],
    [' 138 0013 8000 '],
    ['(+86) 138.0013.8000'],
    ['138—0013—8000'],
  ])('accepts %s as 13800138000', (raw) => {
    expect(normalizePhone(raw)).toEqual({ ok: true, phone: '13800138000' });
  });

  test.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['138a0013800', 'invalid_chars'],
    ['1380013800+', 'invalid_chars'],
    ['010-12345678', 'landline'],
    ['0871 6512 3456', 'landline'],
    ['65123456', 'landline'],
    ['6512345', 'landline'],
    ['+1 415 555 0100', 'foreign'],
    ['+852 9123 4567', 'foreign'],
    ['00852 91234567', 'foreign'],
    ['1380013800', 'too_short'],
    ['138001380001', 'too_long'],
    ['12800138000', 'invalid_prefix'],
    ['23800138000', 'invalid_prefix'],
    ['123456', 'too_short'],
    ['12345', 'too_short'],
    ['99999', 'invalid_prefix'],
    ['861380013800', 'invalid_prefix'],
  ])('rejects %s (%s) with a clear message', (raw, reason) => {
    const r = normalizePhone(raw);
    expect(r).toEqual({ ok: false, reason, message: PHONE_MESSAGES[reason as keyof typeof PHONE_MESSAGES] });
  });

  test('86 followed by 11 digits is the country code; 86xxxxxxxxx (11 digits) is not stripped', () => {
    expect(normalizePhone('8613912345678')).toEqual({ ok: true, phone: '13912345678' });
    expect(normalizePhone('86139123456').ok).toBe(false);
  });

  test('schemas: input schema canonicalises, canonical schema only accepts canonical form', () => {
    expect(phoneInputSchema.parse('+86 139-1234-5678')).toBe('13912345678');
    const bad = phoneInputSchema.safeParse('010-12345678');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('请填写手机号码，不支持座机号码');
    expect(phoneInputSchema.safeParse('1'.repeat(33)).error?.issues[0]?.message).toBe('手机号码过长');
    expect(phoneInputSchema.safeParse(13800138000).error?.issues[0]?.message).toBe('请填写手机号码');
    expect(canonicalPhoneSchema.safeParse('+8613800138000').success).toBe(false);
    expect(canonicalPhoneSchema.safeParse('13800138000').success).toBe(true);
  });
});
