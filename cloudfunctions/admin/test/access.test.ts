import { NEWCOMER, WANGLI, startClinic, type Clinic } from '../../test/support/clinic';
import { ADMIN_ONLY, CHANNEL_LEAD, GM, SM1, SM2, addAdminWithoutPost, admin, editable } from './admin-support';

jest.setTimeout(240_000);

/**
 * The admin actions × every kind of caller: identity only from the platform (OPENID), roles only
 * from the staff records. Store managers read and edit their own store only (another store looks
 * missing), chain settings are the general manager's and admins', colleagues and customers get
 * nothing — and no call of the matrix changes anything (each stale version is refused before it
 * could). 一店 offers product-breast alone; product-eyes is every store's.
 */
let clinic: Clinic;
beforeAll(async () => {
  clinic = await startClinic();
  addAdminWithoutPost(clinic);
});
afterAll(async () => {
  await clinic.cloud.stop();
});

const U = 'UNAUTHENTICATED';
const F = 'FORBIDDEN';
const NF = 'NOT_FOUND';
const S = 'STALE_VERSION';
type E = 'ok' | typeof U | typeof F | typeof NF | typeof S;

const ACTIONS: [name: string, action: string, data: unknown][] = [
  ['getSettings', 'getSettings', {}],
  [
    'updateSettings',
    'updateSettings',
    { section: 'privacy', expectedVersion: 99, value: { privacyNoticeVersion: '2099-01' } },
  ],
  ['updateStore 一店', 'updateStore', { storeId: 'store-1', expectedVersion: 99, store: {} }],
  ['updateStore 二店', 'updateStore', { storeId: 'store-2', expectedVersion: 99, store: {} }],
  ['upsertProduct 一店 only', 'upsertProduct', { productId: 'product-breast', expectedVersion: 99, product: {} }],
  ['upsertProduct every store', 'upsertProduct', { productId: 'product-eyes', expectedVersion: 99, product: {} }],
  ['listAudit', 'listAudit', {}],
  ['listAudit 二店', 'listAudit', { storeId: 'store-2' }],
];

// prettier-ignore
const MATRIX: [role: string, openid: string | undefined, expect: [E, E, E, E, E, E, E, E]][] = [
  //                                                   get  settings store1 store2 prod1 prodAll audit audit2
  ['no OPENID',                     undefined,           [U,   U,   U,   U,   U,   U,   U,   U]],
  ['newcomer',                      NEWCOMER,            [F,   F,   F,   F,   F,   F,   F,   F]],
  ['existing customer',             WANGLI.openid,       [F,   F,   F,   F,   F,   F,   F,   F]],
  ['consultant, store 1',           'demo-staff-consultant-1', [F, F, F,   F,   F,   F,   F,   F]],
  ['四部回访组, store 1',            'demo-staff-followup-1',   [F, F, F,   F,   F,   F,   F,   F]],
  ['channel lead (chain)',          CHANNEL_LEAD,        [F,   F,   F,   F,   F,   F,   F,   F]],
  ['store manager, store 1',        SM1,                 ['ok', F,  S,   NF,  S,   F,  'ok', NF]],
  ['store manager, store 2',        SM2,                 ['ok', F,  NF,  S,   NF,  F,  'ok', 'ok']],
  ['general manager + admin',       GM,                  ['ok', S,  S,   S,   S,   S,  'ok', 'ok']],
  ['admin without a manager post',  ADMIN_ONLY,          ['ok', S,  S,   S,   S,   S,  'ok', 'ok']],
];

describe.each(MATRIX)('%s', (_role, openid, expected) => {
  test.each(ACTIONS.map(([name, action, data], i) => [name, action, data, i] as const))(
    '%s',
    async (_name, action, data, i) => {
      const before = editable(clinic);
      const res = await admin(clinic, action, data, openid);
      const want = expected[i];
      if (want === 'ok') expect(res.body).toMatchObject({ ok: true });
      else expect(res.body).toEqual({ ok: false, code: want, message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
      expect(editable(clinic)).toEqual(before);
    },
  );
});

test('a store manager reads their own store and what it offers; chain managers and admins everything', async () => {
  const sm1 = (await admin(clinic, 'getSettings', {}, SM1)).body.data;
  expect(sm1.canEditSettings).toBe(false);
  expect(sm1.stores.map((s: any) => [s.id, s.editable])).toEqual([['store-1', true]]);
  const sm1Products = new Map(sm1.products.map((p: any) => [p.id, p.editable]));
  expect(sm1Products.get('product-breast')).toBe(true); // 一店's alone
  expect(sm1Products.get('product-eyes')).toBe(false); // every store's: shown, the chain's to change

  const sm2 = (await admin(clinic, 'getSettings', {}, SM2)).body.data;
  expect(sm2.stores.map((s: any) => s.id)).toEqual(['store-2']);
  expect(sm2.products.map((p: any) => p.id)).not.toContain('product-breast');
  expect(sm2.products.every((p: any) => p.editable === false)).toBe(true);

  for (const openid of [GM, ADMIN_ONLY]) {
    const chain = (await admin(clinic, 'getSettings', {}, openid)).body.data;
    expect(chain.canEditSettings).toBe(true);
    expect(chain.stores.map((s: any) => [s.id, s.editable])).toEqual([
      ['store-1', true],
      ['store-2', true],
    ]);
    expect(chain.products.every((p: any) => p.editable)).toBe(true);
    expect(chain.settings.minLeadDays).toBe(1);
    expect(chain.version).toBe(0);
  }
});

test('user.login offers 门店设置 exactly to whom the admin guard admits (one access list)', async () => {
  const manages = async (openid: string) => (await clinic.call('user', 'login', {}, openid)).body.data.managesClinic;
  for (const openid of [SM1, SM2, GM, ADMIN_ONLY]) expect(await manages(openid)).toBe(true);
  for (const openid of [CHANNEL_LEAD, 'demo-staff-consultant-1', WANGLI.openid, NEWCOMER]) {
    expect(await manages(openid)).toBeUndefined();
  }
});
