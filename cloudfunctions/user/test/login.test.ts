import type { TestCloud } from '../../../local-cloud/test/support/local-cloud';
import { startFunctionsCloud } from '../../test/support/cloud';

jest.setTimeout(60_000);

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startFunctionsCloud();
});
afterAll(async () => {
  await cloud.stop();
});

const login = (openid?: string, data: unknown = {}) => cloud.call('user', { action: 'login', data }, openid);

describe('user.login', () => {
  test('the first call creates the user record; later calls return the same record', async () => {
    const first = await login('openid-first');
    expect(first.body).toEqual({
      ok: true,
      data: { id: expect.stringMatching(/^u[0-9a-f]{24}$/), roles: [], createdAt: expect.any(String) },
    });
    const again = await login('openid-first');
    expect(again.body).toEqual(first.body);
    expect(cloud.db.find('users', { openid: 'openid-first' })).toHaveLength(1);
  });

  test('a returning user costs one database round trip', async () => {
    await login('openid-rt');
    const again = await login('openid-rt');
    expect(again.headers.get('x-db-round-trips')).toBe('1');
  });

  test('different users get different records', async () => {
    const a = await login('openid-a');
    const b = await login('openid-b');
    expect(a.body.data.id).not.toBe(b.body.data.id);
  });

  test('20 concurrent first logins of one user create exactly one record', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => login('openid-race')));
    const ids = new Set(results.map((r) => r.body.data?.id));
    expect(results.every((r) => r.body.ok === true)).toBe(true);
    expect(ids.size).toBe(1);
    expect(cloud.db.find('users', { openid: 'openid-race' })).toHaveLength(1);
  });

  test('createdAt follows the emulated clock', async () => {
    await cloud.api('POST', '/clock', { now: '2027-01-15T02:00:00.000Z' });
    const res = await login('openid-clock');
    expect(Math.abs(Date.parse(res.body.data.createdAt) - Date.parse('2027-01-15T02:00:00.000Z'))).toBeLessThan(5000);
  });

  test('roles come from the clinic’s records, never from the client', async () => {
    cloud.db.insertMany('staff', [
      { _id: 'staff-x', openid: 'openid-staff', active: true, managerKind: 'store_manager' },
    ]);
    cloud.db.insertMany('customers', [{ _id: 'cust-x', openids: ['openid-cust'], kind: 'existing' }]);
    expect((await login('openid-staff')).body.data.roles).toEqual(['staff', 'manager']);
    expect((await login('openid-cust')).body.data.roles).toEqual(['customer']);
    const sneaky = await login('openid-sneaky', { roles: ['admin'] });
    expect(sneaky.body).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });
});

describe('the function contract (bad input writes nothing)', () => {
  const usersCount = () => cloud.db.find('users').length;

  test.each([
    ['no OPENID', undefined, { action: 'login' }, 'UNAUTHENTICATED'],
    ['unknown action', 'o-bad', { action: 'logout' }, 'UNKNOWN_ACTION'],
    ['action of the wrong type', 'o-bad', { action: 42 }, 'INVALID_EVENT'],
    ['missing action', 'o-bad', { data: {} }, 'INVALID_EVENT'],
    ['extra top-level field', 'o-bad', { action: 'login', admin: true }, 'INVALID_EVENT'],
    ['extra data field', 'o-bad', { action: 'login', data: { x: 1 } }, 'INVALID_INPUT'],
    ['data of the wrong type', 'o-bad', { action: 'login', data: 'x' }, 'INVALID_EVENT'],
    ['operator-shaped value', 'o-bad', { action: 'login', data: { openid: { $ne: null } } }, 'INVALID_INPUT'],
    ['oversized field', 'o-bad', { action: 'login', data: { note: 'x'.repeat(20_000) } }, 'PAYLOAD_TOO_LARGE'],
  ])('%s → %s', async (_name, openid, event, code) => {
    const before = usersCount();
    const res = await cloud.call('user', event, openid);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: false, code, message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
    expect(usersCount()).toBe(before);
  });
});
