import { MANAGER, NEWCOMER, STAFF, WANGLI, ZHANGMIN, startClinic, type Clinic } from '../../test/support/clinic';
import { botulinum, checkedIn, dealCounts, newKey, referredNewcomer } from './deal-support';

jest.setTimeout(180_000);

/**
 * deals.record × every role. Identity only from the platform (OPENID), roles only from the
 * clinic's records, what a role may touch only from its data scope (own store / chain).
 */
let clinic: Clinic;
let storeOneCustomer: string;
beforeAll(async () => {
  clinic = await startClinic();
  const code = (await clinic.call('referral', 'getMyCard', {}, WANGLI.openid)).body.data.code;
  storeOneCustomer = await referredNewcomer(clinic, code, '13900005001', 'o-access-referee');
  await checkedIn(clinic, storeOneCustomer);
  await checkedIn(clinic, ZHANGMIN.id, 'store-2');
});
afterAll(async () => {
  await clinic.cloud.stop();
});

type Expect = 'ok' | string;
const U = 'UNAUTHENTICATED';
const F = 'FORBIDDEN';
const NF = 'NOT_FOUND';
/** [role, openid, store-1 customer, store-2 customer] */
const ROLES: [string, string | undefined, Expect, Expect][] = [
  ['no OPENID', undefined, U, U],
  ['newcomer (no records)', NEWCOMER, F, F],
  ['the referee herself', 'o-access-referee', F, F],
  ['existing customer', WANGLI.openid, F, F],
  ['consultant, store 1', STAFF, 'ok', NF],
  ['onsite service, store 1', 'demo-staff-onsite-service-1', 'ok', NF],
  ['butler service, store 1', 'demo-staff-butler-service-1', 'ok', NF],
  ['nurse, store 1', 'demo-staff-nurse-1', 'ok', NF],
  ['call centre (四部回访组), store 1', 'demo-staff-followup-1', F, F],
  ['call centre, store 2', 'demo-staff-call-centre-1', F, F],
  ['membership centre, store 2', 'demo-staff-membership-centre-1', NF, 'ok'],
  ['doctor assistant, store 2', 'demo-staff-doctor-assistant-1', NF, 'ok'],
  ['technician, store 2', 'demo-staff-technician-1', NF, 'ok'],
  ['store manager, store 1', MANAGER, 'ok', NF],
  ['store manager, store 2', 'demo-manager-store-2', NF, 'ok'],
  ['channel lead (chain)', 'demo-manager-channel', 'ok', 'ok'],
  ['general manager (chain)', 'demo-manager-gm', 'ok', 'ok'],
];

describe.each(ROLES)('deals.record as %s', (_role, openid, storeOne, storeTwo) => {
  test.each([
    ['store 1', () => storeOneCustomer, storeOne],
    ['store 2', () => ZHANGMIN.id, storeTwo],
  ] as const)('for a customer of %s', async (_store, customerId, expected) => {
    const before = dealCounts(clinic);
    const data = { customerId: customerId(), items: [botulinum(0)], idempotencyKey: newKey() };
    const res = await clinic.cloud.call('deals', { action: 'record', data }, openid);
    if (expected === 'ok') {
      expect(res.body).toMatchObject({ ok: true, data: { dealIds: [`${data.idempotencyKey}_1`] } });
      expect(clinic.count('deals')).toBe(before.deals! + 1);
    } else {
      expect(res.body).toEqual({ ok: false, code: expected, message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
      expect(dealCounts(clinic)).toEqual(before);
    }
  });
});

test('the timer cannot be run from the mini-program', async () => {
  const before = dealCounts(clinic);
  const shaped = await clinic.cloud.call('deals', { Type: 'Timer', TriggerName: 'rewardExpiry' }, STAFF);
  expect(shaped.body).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
  const asAction = await clinic.call('deals', 'rewardExpiry', {}, MANAGER);
  expect(asAction.body).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
  expect(dealCounts(clinic)).toEqual(before);
});
