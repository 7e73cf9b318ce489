import { execFileSync } from 'node:child_process';
import { customerIdFor, personIdFor } from '../../data/keys';
import { CLINIC_NOW, LIUFANG, STAFF, WANGLI, bookingInput, startClinic, type Clinic } from '../../test/support/clinic';
import { MANAGER_1, csvOf, gbkCsvOf, generatedRows, upload, xlsxOf, type Row } from './support';

jest.setTimeout(300_000);

/** import.start / resume / status: resumable batches, exactly once, R1/R8 for people on record. */
let clinic: Clinic;
const CHAIN = 'chain-yuemei';
const doc = (collection: string, id: string) => clinic.cloud.db.find(collection, { _id: id })[0] as any;
const imports = (action: string, data: unknown, openid = MANAGER_1) => clinic.call('imports', action, data, openid);

beforeAll(async () => {
  clinic = await startClinic();
});
afterAll(async () => {
  await clinic.cloud.stop();
});
beforeEach(() => clinic.cloud.clock.set(new Date(CLINIC_NOW)));

/** Calls resume until the job is done; answers every status seen (a bound keeps a broken loop finite). */
async function runToDone(jobId: string, openid = MANAGER_1): Promise<any[]> {
  const seen: any[] = [];
  for (let i = 0; i < 100; i++) {
    const res = await imports('resume', { jobId }, openid);
    expect(res.body.ok).toBe(true);
    seen.push(res.body.data);
    if (res.body.data.state === 'done') return seen;
  }
  throw new Error('the job did not finish in 100 batches');
}

/** Each imported phone has exactly one customer and one person doc, and they belong together. */
function expectWholeRecords(phones: readonly string[]) {
  const customers = new Map<string, any[]>();
  for (const c of clinic.cloud.db.find('customers', { chainId: CHAIN }) as any[]) {
    customers.set(c.phone, [...(customers.get(c.phone) ?? []), c]);
  }
  const persons = new Map((clinic.cloud.db.find('persons', {}) as any[]).map((p) => [p._id, p]));
  const broken = phones.filter((phone) => {
    const found = customers.get(phone) ?? [];
    const person = persons.get(personIdFor(CHAIN, phone));
    return found.length !== 1 || person?.customerId !== found[0]._id || person?.filingId !== null;
  });
  expect(broken).toEqual([]);
}

const phonesOf = (rows: readonly Row[]) => rows.map((r) => String(r['手机号']));

describe('an import job in batches', () => {
  test('works through the file in several small batches to done; a re-run creates nothing twice', async () => {
    const rows = generatedRows(23, 0, { 归属员工: '陈静', 门店: '一店', 备注: 'CRM 迁移' });
    const bytes = await xlsxOf(rows);
    const fileID = upload(clinic, MANAGER_1, bytes);
    const before = clinic.count('customers');
    const started = await imports('start', { fileID, policy: 'skip', batchRows: 5, fileName: '名单.xlsx' });
    expect(started.body).toMatchObject({
      ok: true,
      data: { state: 'running', total: 23, processed: 0, batches: 0, fileName: '名单.xlsx' },
    });
    const { jobId } = started.body.data;
    // Starting creates the job and its chunks, no customer yet.
    expect(clinic.count('customers')).toBe(before);

    const seen = await runToDone(jobId);
    // 23 rows, 5 a batch: five invocations, progress growing each time.
    expect(seen.map((s) => s.processed)).toEqual([5, 10, 15, 20, 23]);
    expect(seen.at(-1)).toMatchObject({ state: 'done', batches: 5, counts: { created: 23, error: 0 } });
    expect(clinic.count('customers')).toBe(before + 23);
    expectWholeRecords(phonesOf(rows));

    const first = doc('customers', customerIdFor(CHAIN, String(rows[0]!['手机号'])));
    expect(first).toMatchObject({
      kind: 'existing',
      source: 'crm_import',
      storeId: 'store-1',
      ownerStaffId: 'staff-s1-consultant-1',
      ownerDepartment: expect.any(String),
      starLevel: 1,
      lastTreatmentDate: '2026-11-05',
      note: 'CRM 迁移',
      openids: [],
    });
    // An imported 老客 has no filing of ours: no channel performance, nothing to follow up.
    expect(clinic.count('filings', { customerId: first._id })).toBe(0);
    expect(clinic.count('followUpTasks', { customerId: first._id })).toBe(0);

    // Resuming a finished job, starting the same file again, or uploading it again: nothing more.
    const counts = clinic.counts();
    expect((await imports('resume', { jobId })).body.data).toMatchObject({ state: 'done', counts: { created: 23 } });
    const again = await imports('start', { fileID, policy: 'skip', batchRows: 5 });
    expect(again.body.data).toMatchObject({ jobId, state: 'done' });
    const reupload = upload(clinic, MANAGER_1, bytes);
    expect((await imports('start', { fileID: reupload, policy: 'skip' })).body.data.jobId).toBe(jobId);
    expect(clinic.counts()).toEqual(counts);

    // The same rows in another file (CSV this time) are a new job whose rows are all existing customers.
    const other = await imports('start', { fileID: upload(clinic, MANAGER_1, csvOf(rows), 'csv'), policy: 'skip' });
    expect(other.body.data.jobId).not.toBe(jobId);
    const done = (await runToDone(other.body.data.jobId)).at(-1);
    expect(done.counts).toMatchObject({ created: 0, existing: 23 });
    expect(clinic.counts()).toEqual(counts);

    // The owner sees them in 黄金时间 (last treatment 2026-11-05: month 4 on 2027-03-01).
    const golden = await clinic.call('staff', 'goldenTime', { limit: 50 }, STAFF);
    expect(golden.body.ok).toBe(true);
    expect(golden.body.data.items.map((i: any) => i.customerId)).toContain(first._id);
  });

  test('a crash in the middle of a batch is resumed without duplicates or half records', async () => {
    const rows = generatedRows(3000, 1000);
    const fileID = upload(clinic, MANAGER_1, csvOf(rows), 'csv');
    const { jobId } = (await imports('start', { fileID, policy: 'skip', batchRows: 5000 })).body.data;
    const before = clinic.count('customers');

    // One batch would do all fifteen chunks; kill its instance (kill -9) once the first has committed.
    const call = imports('resume', { jobId });
    const deadline = Date.now() + 120_000;
    while (doc('importJobs', jobId).nextChunk < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    killImportsInstances();
    const crashed = await call;
    expect(crashed.body.ok).not.toBe(true);
    const cut = doc('importJobs', jobId);
    expect(cut.state).toBe('running');
    // Whatever committed is whole: every chunk done has all its customers and person docs, nothing more.
    expect(clinic.count('customers')).toBe(before + cut.rowsDone);
    expectWholeRecords(phonesOf(rows.slice(0, cut.rowsDone)));

    const done = (await runToDone(jobId)).at(-1);
    expect(done).toMatchObject({ state: 'done', processed: 3000, counts: { created: 3000, existing: 0 } });
    expect(clinic.count('customers')).toBe(before + 3000);
    expectWholeRecords(phonesOf(rows));
  });

  test('the timer continues a job the page left, one batch a run, and leaves a job that is moving alone', async () => {
    const rows = generatedRows(12, 5000);
    const started = await imports('start', {
      fileID: upload(clinic, MANAGER_1, csvOf(rows), 'csv'),
      policy: 'skip',
      batchRows: 5,
    });
    const { jobId } = started.body.data;
    const fire = async () => {
      const res = await clinic.cloud.api('POST', '/trigger/imports');
      expect(res.body.ok).toBe(true);
      return res.body.data;
    };
    // Just started: the page is working on it.
    expect(await fire()).toEqual({ continued: 0, finished: 0 });
    expect(doc('importJobs', jobId).nextChunk).toBe(0);
    // The page was closed: from two minutes on, each run does one batch as the manager who started it.
    const at = (minutes: number) => clinic.cloud.clock.set(new Date(Date.parse(CLINIC_NOW) + minutes * 60_000));
    at(3);
    expect(await fire()).toEqual({ continued: 1, finished: 0 });
    expect(doc('importJobs', jobId)).toMatchObject({ rowsDone: 5, state: 'running' });
    at(4);
    expect(await fire()).toEqual({ continued: 0, finished: 0 });
    at(6);
    await fire();
    at(9);
    expect(await fire()).toEqual({ continued: 1, finished: 1 });
    expect((await imports('status', { jobId })).body.data).toMatchObject({ state: 'done', counts: { created: 12 } });
    expectWholeRecords(phonesOf(rows));
  });

  test('CSV in UTF-8 with BOM and in GBK read the same', async () => {
    const rows: Row[] = [
      { 姓名: '欧阳娜娜', 手机号: '13966660001', 星级: '★★★', 最近治疗日期: '2026年10月1日', 归属员工: '陈静' },
      { 姓名: '迪丽热巴·迪力木拉提', 手机号: '13966660002', 备注: '喜欢周末，逗号, 和"引号"' },
    ];
    for (const [bytes, label] of [
      [gbkCsvOf(rows), 'gbk'],
      [csvOf(rows.map((r) => ({ ...r, 手机号: String(r['手机号']).replace('1396666', '1397777') }))), 'bom'],
    ] as const) {
      const res = await imports('start', { fileID: upload(clinic, MANAGER_1, bytes, 'csv'), policy: 'skip' });
      expect(res.body.ok).toBe(true);
      const done = (await runToDone(res.body.data.jobId)).at(-1);
      expect([label, done.counts.created, done.counts.error]).toEqual([label, 2, 0]);
    }
    const gbk = doc('customers', customerIdFor(CHAIN, '13966660001'));
    expect(gbk).toMatchObject({ name: '欧阳娜娜', starLevel: 3, lastTreatmentDate: '2026-10-01' });
    expect(doc('customers', customerIdFor(CHAIN, '13966660002')).note).toBe('喜欢周末，逗号, 和"引号"');
    expect(doc('customers', customerIdFor(CHAIN, '13977770002')).name).toBe('迪丽热巴·迪力木拉提');
  });
});

describe('people already on record (R1, R8)', () => {
  test('update refreshes the CRM facts of a 老客; a 新客 filed here and another owner are skipped, R8 audited', async () => {
    const wangli = doc('customers', WANGLI.id);
    const liufang = doc('customers', LIUFANG.id);
    await clinic.call('booking', 'create', bookingInput({ phone: '13978880001', slot: '11:00' }), 'o-friend-r1');
    const friend = clinic.cloud.db.find('customers', { phone: '13978880001' })[0] as any;
    const audits = clinic.count('auditLogs');
    const rows: Row[] = [
      {
        姓名: wangli.name,
        手机号: wangli.phone,
        星级: wangli.starLevel === 5 ? 4 : 5,
        最近治疗日期: '2027-02-28',
        备注: '新备注',
      },
      { 姓名: liufang.name, 手机号: liufang.phone, 工号: 'staff-s1-consultant-1' }, // owned by the butler
      { 姓名: '林小雨', 手机号: '13978880001', 星级: 5, 归属员工: '陈静' },
      { 姓名: liufang.name, 手机号: '13978880002', 星级: 2 },
    ];
    const res = await imports('start', { fileID: upload(clinic, MANAGER_1, await xlsxOf(rows)), policy: 'update' });
    const done = (await runToDone(res.body.data.jobId)).at(-1);
    expect(done.counts).toMatchObject({ updated: 1, owner_conflict: 1, filed_new: 1, created: 1 });

    expect(doc('customers', WANGLI.id)).toMatchObject({
      starLevel: wangli.starLevel === 5 ? 4 : 5,
      lastTreatmentDate: '2027-02-28',
      note: '新备注',
      ownerStaffId: wangli.ownerStaffId,
      kind: 'existing',
    });
    // R8: 刘芳 keeps her owner; the attempt is in the audit log.
    expect(doc('customers', LIUFANG.id).ownerStaffId).toBe(liufang.ownerStaffId);
    expect(clinic.count('auditLogs')).toBe(audits + 1);
    expect(clinic.cloud.db.find('auditLogs', { action: 'import.reassign_owner' })).toEqual([
      expect.objectContaining({ targetId: LIUFANG.id, outcome: 'rejected', rule: 'R8', actorId: 'staff-s1-manager' }),
    ]);
    // R1: the booked friend stays a 新客 with her channel, untouched.
    const after = doc('customers', friend._id);
    expect(after).toEqual(friend);

    // An older export never moves the golden time back.
    const older = await imports('start', {
      fileID: upload(
        clinic,
        MANAGER_1,
        await xlsxOf([{ 姓名: wangli.name, 手机号: wangli.phone, 最近治疗日期: '2026-01-01' }]),
      ),
      policy: 'update',
    });
    expect((await runToDone(older.body.data.jobId)).at(-1).counts).toMatchObject({ unchanged: 1, updated: 0 });
    expect(doc('customers', WANGLI.id).lastTreatmentDate).toBe('2027-02-28');
  });

  test('R1: a phone booked between the start and its batch stays the booking’s 新客 (the insert loses the race)', async () => {
    const rows: Row[] = [
      { 姓名: '抢先预约', 手机号: '13979990001', 星级: 3 },
      { 姓名: '正常导入', 手机号: '13979990002', 星级: 3 },
    ];
    const started = await imports('start', { fileID: upload(clinic, MANAGER_1, await xlsxOf(rows)), policy: 'update' });
    const booked = await clinic.call(
      'booking',
      'create',
      bookingInput({ phone: '13979990001', slot: '15:00' }),
      'o-first',
    );
    expect(booked.body.ok).toBe(true);
    const bookedCustomer = clinic.cloud.db.find('customers', { phone: '13979990001' })[0];
    const done = (await runToDone(started.body.data.jobId)).at(-1);
    expect(done.counts).toMatchObject({ created: 1, filed_new: 1 });
    expect(clinic.cloud.db.find('customers', { phone: '13979990001' })).toEqual([bookedCustomer]);
    expectWholeRecords(['13979990002']);
  });

  test('a booking of an imported phone is a touch of the imported 老客, not a second customer', async () => {
    const row: Row = { 姓名: '赵老客', 手机号: '13988880001', 星级: 4, 归属员工: '陈静' };
    const res = await imports('start', { fileID: upload(clinic, MANAGER_1, await xlsxOf([row])), policy: 'skip' });
    await runToDone(res.body.data.jobId);
    const id = customerIdFor(CHAIN, '13988880001');
    const booked = await clinic.call(
      'booking',
      'create',
      bookingInput({ phone: '13988880001', slot: '14:00' }),
      'o-zhao',
    );
    expect(booked.body.ok).toBe(true);
    expect(clinic.cloud.db.find('customers', { phone: '13988880001' })).toHaveLength(1);
    expect(doc('bookings', booked.body.data.id).customerId).toBe(id);
    expect(doc('customers', id)).toMatchObject({ kind: 'existing', ownerStaffId: 'staff-s1-consultant-1' });
  });
});

/** kill -9 of the running `imports` instances (the local cloud forks one process per instance). */
function killImportsInstances() {
  const out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  const pids = out
    .split('\n')
    .filter((line) => /cloudfunctions\/imports\/index\.js/.test(line))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
  expect(pids.length).toBeGreaterThan(0);
  for (const pid of pids) process.kill(pid, 'SIGKILL');
}
