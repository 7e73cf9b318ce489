import { DEMO_IDENTITIES } from '../../../local-cloud/src/dev';
import { NEWCOMER, WANGLI, startClinic, type Clinic } from '../../test/support/clinic';

jest.setTimeout(120_000);

let clinic: Clinic;
beforeAll(async () => {
  clinic = await startClinic();
});
afterAll(async () => {
  await clinic.cloud.stop();
});

const bind = (code: unknown, openid?: string) =>
  clinic.cloud.call('identity', { action: 'bindPhone', data: { code } }, openid);
const identity = (openid: string) => DEMO_IDENTITIES.find((i) => i.openid === openid)!;

describe('identity.bindPhone', () => {
  test('the demo identities carry phones: the seed’s own for customers, fixed unique ones otherwise', () => {
    const wangli = clinic.cloud.db.find('customers', { _id: WANGLI.id })[0] as any;
    expect(identity(WANGLI.openid).phone).toBe(wangli.phone);
    const phones = DEMO_IDENTITIES.map((i) => i.phone);
    expect(phones.every((p) => typeof p === 'string' && /^1[3-9]\d{9}$/.test(p))).toBe(true);
    expect(new Set(phones).size).toBe(phones.length);
    const others = DEMO_IDENTITIES.filter((i) => i.kind !== 'customer').map((i) => i.phone);
    expect(others.every((p) => clinic.cloud.db.find('customers', { phone: p }).length === 0)).toBe(true);
  });

  test('a second WeChat user of an existing customer is linked to that customer (customers.openids)', async () => {
    const phone = identity(WANGLI.openid).phone!;
    const res = await bind(`demo_${phone}`, 'o-wangli-second-phone');
    expect(res.body).toEqual({
      ok: true,
      data: {
        maskedPhone: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
        customerId: WANGLI.id,
        customerKind: 'existing',
      },
    });
    const customer = clinic.cloud.db.find('customers', { _id: WANGLI.id })[0] as any;
    expect(customer.openids).toEqual([WANGLI.openid, 'o-wangli-second-phone']);
    // Idempotent.
    await bind(`demo_${phone}`, 'o-wangli-second-phone');
    expect((clinic.cloud.db.find('customers', { _id: WANGLI.id })[0] as any).openids).toHaveLength(2);
    // Now that user is an existing customer: the card works for them.
    const card = await clinic.call('referral', 'getMyCard', {}, 'o-wangli-second-phone');
    expect(card.body.ok).toBe(true);
    const outbox = ((await clinic.cloud.api('GET', '/outbox')).body as any[]).filter(
      (e) => e.apiName === 'phonenumber.getPhoneNumber',
    );
    expect(outbox.length).toBeGreaterThan(0);
  });

  test('a person who is not a customer gets the phone on their user record (can book, no card)', async () => {
    const phone = identity(NEWCOMER).phone!;
    const res = await bind(`demo_${phone}`, NEWCOMER);
    expect(res.body).toEqual({ ok: true, data: { maskedPhone: expect.stringMatching(/\*{4}/), customerKind: 'none' } });
    const users = clinic.cloud.db.find('users', { openid: NEWCOMER }) as any[];
    expect(users).toEqual([expect.objectContaining({ phone, customerId: null })]);
    expect(clinic.cloud.db.find('customers', { phone })).toHaveLength(0);
    const card = await clinic.call('referral', 'getMyCard', {}, NEWCOMER);
    expect(card.body).toMatchObject({ ok: false, code: 'NOT_EXISTING_CUSTOMER' });
    // After login the same user record carries the phone.
    const login = await clinic.call('user', 'login', {}, NEWCOMER);
    expect(login.body.ok).toBe(true);
    expect(clinic.cloud.db.find('users', { openid: NEWCOMER })).toHaveLength(1);
  });

  test.each([
    ['an invalid code', 'not-a-demo-code', 'INVALID_PHONE_CODE'],
    ['a code for a malformed number', 'demo_12345678901', 'INVALID_PHONE_CODE'],
    ['an empty code', '', 'INVALID_INPUT'],
    ['a code of the wrong type', 42, 'INVALID_INPUT'],
    ['an operator', { $ne: null }, 'INVALID_INPUT'],
    ['a 10 KB code', 'a'.repeat(10_000), 'INVALID_INPUT'],
  ])('%s → %s, nothing written', async (_name, code, expected) => {
    const before = clinic.counts();
    const res = await bind(code, 'o-bad-bind');
    expect(res.body).toEqual({ ok: false, code: expected, message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
    expect(clinic.counts()).toEqual(before);
  });

  test('without an OPENID nobody can bind', async () => {
    const res = await bind('demo_13800000000');
    expect(res.body).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });
});
