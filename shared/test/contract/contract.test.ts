import {
  bookingContract,
  containsOperatorKey,
  CONTRACTS,
  describeZodError,
  ERROR_CATALOGUE,
  isErrorCode,
  type ErrorCode,
  fail,
  identityContract,
  ok,
  parseActionInput,
  referralContract,
} from '../../src';
import * as z from 'zod';

const create = {
  storeId: 'store1',
  productId: 'prod1',
  date: '2025-03-10',
  slot: '14:30',
  name: '张三',
  phone: '+86 138-0013-8000',
  consentVersion: 'v1',
  sensitiveConsent: true,
};

describe('API contract (referral & booking slice)', () => {
  test('booking.create canonicalises the phone and accepts an optional referral code', () => {
    const r = parseActionInput(bookingContract, 'create', { ...create, referralCode: 'ABCD2345' });
    expect(r).toEqual({ ok: true, data: { ...create, phone: '13800138000', referralCode: 'ABCD2345' } });
  });
  test('strict objects, bounded strings, Chinese messages with the field', () => {
    expect(parseActionInput(bookingContract, 'create', { ...create, admin: true })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
    expect(parseActionInput(bookingContract, 'create', { ...create, phone: '010-12345678' })).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: '请填写手机号码，不支持座机号码（字段 phone）',
    });
    expect(parseActionInput(bookingContract, 'create', { ...create, name: '张'.repeat(21) })).toMatchObject({
      message: '姓名不能超过 20 个字（字段 name）',
    });
    expect(parseActionInput(bookingContract, 'create', { ...create, date: '2025-02-30' })).toMatchObject({
      message: expect.stringContaining('日期格式不正确'),
    });
    expect(parseActionInput(bookingContract, 'create', { ...create, slot: '25:00' })).toMatchObject({
      message: '时间格式不正确，应为 HH:mm（字段 slot）',
    });
    expect(parseActionInput(bookingContract, 'create', { ...create, consentVersion: '' })).toMatchObject({
      message: '请先阅读并同意隐私政策（字段 consentVersion）',
    });
    // Health-related information needs its own consent (PIPL art. 29): without it, no booking.
    for (const sensitiveConsent of [undefined, false]) {
      expect(parseActionInput(bookingContract, 'create', { ...create, sensitiveConsent })).toMatchObject({
        ok: false,
        message: '请同意门店处理您的项目等健康相关信息后再提交预约（字段 sensitiveConsent）',
      });
    }
    expect(parseActionInput(bookingContract, 'cancel', { bookingId: '$ne' })).toMatchObject({
      message: '编号格式不正确（字段 bookingId）',
    });
    expect(parseActionInput(bookingContract, 'listSlots', { storeId: 's', date: '2025-03-10' }).ok).toBe(true);
    expect(parseActionInput(bookingContract, 'nope' as never, {})).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
    expect(parseActionInput(bookingContract, 'listMine', undefined)).toEqual({ ok: true, data: { limit: 20 } });
  });
  test('referral.resolveLanding takes a code or a scene, exactly one', () => {
    expect(parseActionInput(referralContract, 'resolveLanding', { code: 'ABCD2345' }).ok).toBe(true);
    expect(parseActionInput(referralContract, 'resolveLanding', { scene: 'r%3DABCD2345' }).ok).toBe(true);
    expect(parseActionInput(referralContract, 'resolveLanding', {})).toMatchObject({
      message: '请提供推荐码或二维码参数之一',
    });
    expect(parseActionInput(referralContract, 'resolveLanding', { code: 'A', scene: 'B' })).toMatchObject({
      ok: false,
    });
    expect(parseActionInput(referralContract, 'listMyReferrals', {})).toEqual({ ok: true, data: { limit: 20 } });
    expect(parseActionInput(referralContract, 'listMyRewards', { limit: 51 })).toMatchObject({
      message: '每页最多 50 条（字段 limit）',
    });
    expect(parseActionInput(identityContract, 'bindPhone', { code: 'abc_123' })).toEqual({
      ok: true,
      data: { code: 'abc_123' },
    });
    expect(parseActionInput(identityContract, 'bindPhone', { code: '' })).toMatchObject({
      message: '缺少手机号授权凭证（字段 code）',
    });
  });
  test('outputs are schemas too (the client parses them)', () => {
    expect(
      referralContract.getMyCard.output.safeParse({
        code: 'ABCD2345',
        scene: 'r=ABCD2345',
        issuedAt: '2025-03-01T10:00:00+08:00',
      }).success,
    ).toBe(true);
    expect(
      referralContract.resolveLanding.output.safeParse({
        code: 'X',
        referrerDisplayName: '张*',
        benefits: [{ kind: 'rebate', title: '返利', description: '5%' }],
      }).success,
    ).toBe(true);
    expect(Object.keys(CONTRACTS)).toEqual(expect.arrayContaining(['user', 'referral', 'booking', 'identity']));
  });
  test('envelope helpers', () => {
    expect(ok(1)).toEqual({ ok: true, data: 1 });
    expect(fail('SELF_REFERRAL')).toEqual({ ok: false, code: 'SELF_REFERRAL', message: '不能使用自己的推荐码' });
    // The catalogue is closed: every code has its message, and an unknown code does not compile.
    for (const code of Object.keys(ERROR_CATALOGUE) as ErrorCode[]) {
      expect(fail(code).message).toMatch(/[\u4e00-\u9fff]/);
      expect(isErrorCode(code)).toBe(true);
    }
    // @ts-expect-error — not a code of the catalogue
    fail('WHATEVER');
    expect(isErrorCode('WHATEVER')).toBe(false);
    expect(isErrorCode('toString')).toBe(false);
    expect(fail('INVALID_INPUT', '自定义')).toMatchObject({ message: '自定义' });
    expect(containsOperatorKey({ a: [{ $ne: 1 }] })).toBe(true);
    expect(containsOperatorKey({ a: [{ b: 1 }], c: null })).toBe(false);
    // Prototype-shaped keys are refused like operators, not silently dropped by the schemas.
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      expect(containsOperatorKey(JSON.parse(`{"data":{"name":"x","${key}":{"polluted":true}}}`))).toBe(true);
    }
    expect(containsOperatorKey({ constructorName: 1, proto: 2 })).toBe(false);
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = { a: deep };
    expect(containsOperatorKey(deep)).toBe(true);
    expect(describeZodError(new z.ZodError([]))).toBe('输入内容有误');
    expect(describeZodError(z.string().safeParse(1).error as z.ZodError)).toMatch(/[\u4e00-\u9fff]/);
  });
});
