/**
 * The H5 demo sign-in binds a phone without ever holding the full number: it sends the code
 * `demo_account_phone`, which the local phonenumber.getPhoneNumber answers with the calling demo
 * account's own number (GET /api/demo/identities shows it masked only).
 */
import { ACCOUNT_PHONE_CODE } from '../../../local-cloud/src/openapi';
import { NEWCOMER, WANGLI, startClinic, type Clinic } from '../../test/support/clinic';

let clinic: Clinic;
beforeAll(async () => {
  clinic = await startClinic();
});
afterAll(async () => {
  await clinic.cloud.stop();
});

const bind = (openid: string) =>
  clinic.cloud.call('identity', { action: 'bindPhone', data: { code: ACCOUNT_PHONE_CODE } }, openid);

test('a demo customer binds the phone of their own account and is linked to their record', async () => {
  const res = await bind(WANGLI.openid);
  expect(res.body).toEqual({
    ok: true,
    data: { maskedPhone: '130****1966', customerId: WANGLI.id, customerKind: 'existing' },
  });
});

test('a demo newcomer gets their account’s number recorded', async () => {
  const res = await bind(NEWCOMER);
  expect(res.body).toMatchObject({ ok: true, data: { maskedPhone: '170****0001' } });
});

test('an account without a number: the code is invalid', async () => {
  const res = await bind('someone-without-a-demo-account');
  expect(res.body).toMatchObject({ ok: false, code: 'INVALID_PHONE_CODE' });
});
