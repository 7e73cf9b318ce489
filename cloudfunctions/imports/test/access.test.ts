import { CLINIC_NOW, STAFF, WANGLI, startClinic, type Clinic } from '../../test/support/clinic';
import { GM, MANAGER_1, MANAGER_2, csvOf, upload, xlsxOf } from './support';

jest.setTimeout(240_000);

/**
 * Who may import (store managers for their store, the general manager and admins for the chain;
 * staff, channel leads, customers and anonymous callers are refused), and bad input of every kind
 * answers a typed Chinese error and never changes data.
 */
let clinic: Clinic;
const ADMIN = 'test-admin-openid';
const CHANNEL_LEAD = 'test-channel-lead-openid';
const CHAIN = 'chain-yuemei';

/** Every collection an import could write, with its documents. */
const frozen = () =>
  Object.fromEntries(
    ['customers', 'persons', 'filings', 'auditLogs', 'importJobs', 'importChunks'].map((c) => {
      try {
        return [c, clinic.cloud.db.find(c, {})];
      } catch {
        return [c, []];
      }
    }),
  );

beforeAll(async () => {
  clinic = await startClinic();
  clinic.cloud.clock.set(new Date(CLINIC_NOW));
  const member = (id: string, openid: string, extra: Record<string, unknown>) => ({
    _id: id,
    id,
    chainId: CHAIN,
    storeId: 'store-2',
    name: id === 'staff-test-admin' ? '管理员' : '渠道负责人',
    post: 'consultant',
    department: 'consulting',
    openid,
    active: true,
    ...extra,
  });
  clinic.cloud.db.insertMany('staff', [
    member('staff-test-admin', ADMIN, { admin: true }),
    member('staff-test-lead', CHANNEL_LEAD, { managerKind: 'channel_lead' }),
  ]);
});
afterAll(async () => {
  await clinic.cloud.stop();
});

const call = (action: string, data: unknown, openid?: string) => clinic.call('imports', action, data, openid);
const file = async (openid: string) =>
  upload(clinic, openid, await xlsxOf([{ 姓名: '权限测试', 手机号: '13933330001' }]));

describe('access', () => {
  const ALLOWED: [string, string][] = [
    ['store manager', MANAGER_1],
    ['general manager', GM],
    ['admin', ADMIN],
  ];
  const REFUSED: [string, string | undefined, string][] = [
    ['anonymous', undefined, 'UNAUTHENTICATED'],
    ['existing customer', WANGLI.openid, 'FORBIDDEN'],
    ['staff', STAFF, 'FORBIDDEN'],
    ['channel lead', CHANNEL_LEAD, 'FORBIDDEN'],
  ];

  test.each(ALLOWED)('a %s may prepare, check, start and follow an import', async (_role, openid) => {
    const prepared = await call('prepare', {}, openid);
    expect(prepared.body.ok).toBe(true);
    expect(prepared.body.data.folder).toBe(`imports/${openid}`);
    const fileID = await file(openid);
    const storeId = 'store-1';
    expect((await call('dryRun', { fileID, policy: 'skip', storeId }, openid)).body.ok).toBe(true);
    const started = await call('start', { fileID, policy: 'skip', storeId }, openid);
    expect(started.body.ok).toBe(true);
    const { jobId } = started.body.data;
    expect((await call('status', { jobId }, openid)).body.data.jobId).toBe(jobId);
    expect((await call('resume', { jobId }, openid)).body.data.state).toBe('done');
  });

  test.each(REFUSED)('a caller who is %s is refused everything and writes nothing', async (_role, openid, code) => {
    const fileID = await file(openid ?? 'anyone');
    const before = frozen();
    for (const [action, data] of [
      ['prepare', {}],
      ['dryRun', { fileID, policy: 'skip' }],
      ['start', { fileID, policy: 'skip' }],
      ['status', { jobId: 'impnosuchjob' }],
      ['resume', { jobId: 'impnosuchjob' }],
    ] as const) {
      const res = await call(action, data, openid);
      expect([action, res.body]).toEqual([
        action,
        { ok: false, code, message: expect.stringMatching(/[\u4e00-\u9fa5]/) },
      ]);
    }
    expect(frozen()).toEqual(before);
  });

  test('the store managers see what their scope allows', async () => {
    const mine = (await call('prepare', {}, MANAGER_1)).body.data;
    expect(mine.stores.map((s: any) => s.id)).toEqual(['store-1']);
    expect(mine.defaultStoreId).toBe('store-1');
    expect((await call('prepare', {}, GM)).body.data.stores.map((s: any) => s.id)).toEqual(['store-1', 'store-2']);
    // Importing into another store: refused before any file is read.
    // Rows of its own: the same content imported into the same store is the same job (re-running
    // a file never imports twice), and the allowed roles above imported `file()`'s row already.
    const fileID = upload(clinic, MANAGER_1, await xlsxOf([{ 姓名: '范围测试', 手机号: '13933330002' }]));
    expect((await call('dryRun', { fileID, policy: 'skip', storeId: 'store-2' }, MANAGER_1)).body.code).toBe(
      'FORBIDDEN',
    );
    // Another store manager's job looks missing; the general manager sees the chain's.
    const started = await call('start', { fileID, policy: 'skip' }, MANAGER_1);
    const { jobId } = started.body.data;
    expect((await call('status', { jobId }, MANAGER_2)).body.code).toBe('NOT_FOUND');
    expect((await call('resume', { jobId }, MANAGER_2)).body.code).toBe('NOT_FOUND');
    expect((await call('status', { jobId }, GM)).body.ok).toBe(true);
    expect((await call('prepare', {}, MANAGER_1)).body.data.latestJob.jobId).toBe(jobId);
  });
});

describe('bad input never changes data', () => {
  test('unknown, foreign, non-spreadsheet, malformed and oversized files are typed Chinese errors', async () => {
    const own = (bytes: Buffer, ext: 'xlsx' | 'csv') => upload(clinic, MANAGER_1, bytes, ext);
    const tooMany = Buffer.from(
      '\ufeff姓名,手机号\n' +
        Array.from({ length: 50_001 }, (_, i) => `客户${i},199${String(i).padStart(8, '0')}`).join('\n'),
      'utf8',
    );
    const cases: [string, unknown, string, RegExp?][] = [
      ['an unknown fileID', { fileID: (await file(MANAGER_1)).replace(/[^/]+$/, 'nothing.xlsx') }, 'NOT_FOUND'],
      ['a fileID of another environment', { fileID: `cloud://other-env.x/imports/${MANAGER_1}/a.xlsx` }, 'NOT_FOUND'],
      ['another manager’s folder', { fileID: await file(MANAGER_2) }, 'FORBIDDEN'],
      ['another clinic’s folder', { fileID: upload(clinic, 'other-clinic', Buffer.from('x'), 'csv') }, 'FORBIDDEN'],
      [
        'outside any import folder',
        { fileID: upload(clinic, MANAGER_1, Buffer.from('x'), 'csv', 'avatars/x') },
        'FORBIDDEN',
      ],
      ['a path with dot segments', { fileID: `cloud://e.b/imports/${MANAGER_1}/../x.csv` }, 'FORBIDDEN'],
      ['a picture named .xlsx', { fileID: own(Buffer.from('\x89PNG\r\n'), 'xlsx') }, 'IMPORT_FILE_INVALID'],
      [
        'a zip named .csv',
        { fileID: own(await xlsxOf([{ 姓名: '甲', 手机号: '13933330002' }]), 'csv') },
        'IMPORT_FILE_INVALID',
      ],
      ['a broken xlsx', { fileID: own(Buffer.from('PK\x03\x04broken'), 'xlsx') }, 'IMPORT_FILE_INVALID'],
      ['an empty file', { fileID: own(Buffer.alloc(0), 'csv') }, 'IMPORT_FILE_INVALID', /空的/],
      [
        'no 手机号 column',
        { fileID: own(csvOf([{ 姓名: '甲' }], ['姓名', '电话号']), 'csv') },
        'IMPORT_FILE_INVALID',
        /手机号/,
      ],
      ['too many rows', { fileID: own(tooMany, 'csv') }, 'IMPORT_TOO_LARGE', /50000/],
      ['too many bytes', { fileID: own(Buffer.alloc(10 * 1024 * 1024 + 1, 0x41), 'csv') }, 'IMPORT_TOO_LARGE'],
      ['not a fileID', { fileID: 'https://example.com/a.xlsx' }, 'INVALID_INPUT'],
      ['an unknown policy', { policy: 'merge' }, 'INVALID_INPUT'],
      ['an extra field', { extra: 1 }, 'INVALID_INPUT'],
      ['an unknown store', { storeId: 'store-9' }, 'NOT_FOUND'],
      ['an operator', { storeId: { $ne: null } }, 'INVALID_INPUT'],
    ];
    const valid = { fileID: await file(MANAGER_1), policy: 'skip' };
    const before = frozen();
    for (const action of ['dryRun', 'start'] as const) {
      for (const [label, data, code, message] of cases) {
        const res = await call(action, { ...valid, ...(data as object) }, MANAGER_1);
        expect([action, label, res.body.code]).toEqual([action, label, code]);
        expect(res.body.message).toMatch(message ?? /[\u4e00-\u9fa5]/);
      }
    }
    for (const data of [{}, { jobId: '' }, { jobId: 'x'.repeat(65) }, { jobId: 'impnosuchjob' }]) {
      for (const action of ['status', 'resume']) {
        expect((await call(action, data, MANAGER_1)).body.code).toMatch(/^(INVALID_INPUT|NOT_FOUND)$/);
      }
    }
    expect(frozen()).toEqual(before);
  });

  test('batchRows is bounded', async () => {
    const fileID = upload(clinic, MANAGER_1, csvOf([{ 姓名: '甲', 手机号: '13933330003' }]), 'csv');
    for (const batchRows of [0, 5001, 1.5]) {
      expect((await call('start', { fileID, policy: 'skip', batchRows }, MANAGER_1)).body.code).toBe('INVALID_INPUT');
    }
  });
});
