import { LIUFANG, NEWCOMER, WANGLI, startClinic, type Clinic } from '../../test/support/clinic';

jest.setTimeout(180_000);

/**
 * The staff work × every post, manager and the admin (the five-role matrix is in
 * booking/test/access.test.ts; deals.record × every post in deals/test/access.test.ts). Read-only
 * actions, so the order of the cases does not matter. 刘芳 is a store-1 customer.
 */
let clinic: Clinic;
beforeAll(async () => {
  clinic = await startClinic();
});
afterAll(async () => {
  await clinic.cloud.stop();
});

const U = 'UNAUTHENTICATED';
const F = 'FORBIDDEN';
const NF = 'NOT_FOUND';
type E = 'ok' | typeof U | typeof F | typeof NF;

const ACTIONS: [fn: string, action: string, data: unknown][] = [
  ['staff', 'workbench', {}],
  ['staff', 'customerCard', { customerId: LIUFANG.id }],
  ['staff', 'listVerification', {}],
  ['staff', 'escalations', {}],
  ['staff', 'getTargets', { staffId: 'staff-s1-consultant-1', month: '2027-03' }],
  ['deals', 'prepare', { customerId: LIUFANG.id }],
];

// prettier-ignore
const MATRIX: [role: string, openid: string | undefined, expect: [E, E, E, E, E, E]][] = [
  //                                                              workbench card verify escal. targets prepare
  ['no OPENID',                        undefined,                          [U,   U,   U,  U,  U,  U]],
  ['newcomer',                         NEWCOMER,                           [F,   F,   F,  F,  F,  F]],
  ['existing customer',                WANGLI.openid,                      [F,   F,   F,  F,  F,  F]],
  ['consultant, store 1',              'demo-staff-consultant-1',          ['ok', 'ok', F,  F,  F,  'ok']],
  ['butler service, store 1',          'demo-staff-butler-service-1',      ['ok', 'ok', F,  F,  F,  'ok']],
  ['onsite service, store 1',          'demo-staff-onsite-service-1',      ['ok', 'ok', F,  F,  F,  'ok']],
  ['nurse, store 1',                   'demo-staff-nurse-1',               ['ok', 'ok', F,  F,  F,  'ok']],
  ['四部回访组 (call centre), store 1', 'demo-staff-followup-1',            ['ok', 'ok', 'ok', F, F,  F]],
  ['membership centre, store 2',       'demo-staff-membership-centre-1',   ['ok', NF,  F,  F,  F,  NF]],
  ['call centre, store 2',             'demo-staff-call-centre-1',         ['ok', NF,  F,  F,  F,  F]],
  ['doctor assistant, store 2',        'demo-staff-doctor-assistant-1',    ['ok', NF,  F,  F,  F,  NF]],
  ['technician, store 2',              'demo-staff-technician-1',          ['ok', NF,  F,  F,  F,  NF]],
  ['store manager, store 1',           'demo-manager-store-1',             ['ok', 'ok', 'ok', 'ok', 'ok', 'ok']],
  ['store manager, store 2',           'demo-manager-store-2',             ['ok', NF,  'ok', 'ok', NF, NF]],
  ['channel lead (chain)',             'demo-manager-channel',             ['ok', 'ok', F,  F,  F,  'ok']],
  ['general manager, admin (chain)',   'demo-manager-gm',                  ['ok', 'ok', 'ok', 'ok', 'ok', 'ok']],
];

describe.each(MATRIX)('%s', (_role, openid, expected) => {
  test.each(ACTIONS.map(([fn, action, data], i) => [`${fn}.${action}`, fn, action, data, i] as const))(
    '%s',
    async (_name, fn, action, data, i) => {
      const res = await clinic.call(fn, action, data, openid);
      const want = expected[i];
      if (want === 'ok') expect(res.body).toMatchObject({ ok: true });
      else expect(res.body).toEqual({ ok: false, code: want, message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
    },
  );
});
