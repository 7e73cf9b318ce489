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

/** Sets fields of one stored document, as another function's write would. */
function setFields(collection: string, id: string, fields: Record<string, unknown>) {
  const reply = cloud.db.handle('database.modifyDocument', {
    collectionName: collection,
    queryType: 'DOC',
    query: JSON.stringify({ _id: id }),
    data: JSON.stringify({ $set: fields }),
    multi: false,
    merge: true,
    upsert: false,
  });
  expect(reply).toMatchObject({ data: { updated: 1 } });
}

const login = (openid?: string, data: unknown = {}) => cloud.call('user', { action: 'login', data }, openid);

describe('user.login', () => {
  test('the first call creates the user record; later calls return the same record', async () => {
    const first = await login('openid-first');
    expect(first.body).toEqual({
      ok: true,
      data: { id: expect.stringMatching(/^u[0-9a-f]{24}$/), roles: [], createdAt: expect.any(String), customer: null },
    });
    const again = await login('openid-first');
    expect(again.body).toEqual(first.body);
    expect(cloud.db.find('users', { openid: 'openid-first' })).toHaveLength(1);
  });

  test('a returning user costs three reads, made in parallel (user doc, staff record, customer record)', async () => {
    await login('openid-rt');
    const again = await login('openid-rt');
    expect(again.headers.get('x-db-round-trips')).toBe('3');
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
    cloud.db.insertMany('customers', [
      { _id: 'cust-x', openids: ['openid-cust'], kind: 'existing', phone: '13900000001' },
    ]);
    expect((await login('openid-staff')).body.data.roles).toEqual(['staff', 'manager']);
    expect((await login('openid-cust')).body.data.roles).toEqual(['customer']);
    expect((await login('openid-cust')).body.data.customer).toEqual({ kind: 'existing', maskedPhone: '139****0001' });
    const sneaky = await login('openid-sneaky', { roles: ['admin'] });
    expect(sneaky.body).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });
});

describe('user.login: 新客 until the first paid deal, then 老客', () => {
  test('a first booking makes the caller a customer of kind new (新客), not 老客', async () => {
    cloud.db.insertMany('customers', [
      { _id: 'cust-new', openids: ['openid-newbie'], kind: 'new', phone: '13700000002' },
    ]);
    const res = await login('openid-newbie');
    expect(res.body.data.roles).toEqual(['customer']);
    expect(res.body.data.customer).toEqual({ kind: 'new', maskedPhone: '137****0002' });
  });

  test('the standing follows the record on the next login (a paid deal made them 老客; roles never stale)', async () => {
    cloud.db.insertMany('customers', [{ _id: 'cust-up', openids: ['openid-up'], kind: 'new', phone: '13700000003' }]);
    expect((await login('openid-up')).body.data.customer.kind).toBe('new');
    setFields('customers', 'cust-up', { kind: 'existing' });
    expect((await login('openid-up')).body.data.customer.kind).toBe('existing');
    cloud.db.insertMany('staff', [{ _id: 'staff-gone', openid: 'openid-up', active: true }]);
    expect((await login('openid-up')).body.data.roles).toEqual(['customer', 'staff']);
    setFields('staff', 'staff-gone', { active: false });
    expect((await login('openid-up')).body.data.roles).toEqual(['customer']);
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
