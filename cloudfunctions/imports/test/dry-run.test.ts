import { readTable } from '../../services/spreadsheet';
import { CLINIC_NOW, WANGLI, bookingInput, startClinic, type Clinic } from '../../test/support/clinic';
import { GM, MANAGER_1, csvOf, download, upload, xlsxOf, type Row } from './support';

jest.setTimeout(240_000);

/** 预检: a row-by-row report of what an import would do, and the error file; nothing is written. */
let clinic: Clinic;
const doc = (collection: string, id: string) => clinic.cloud.db.find(collection, { _id: id })[0] as any;

beforeAll(async () => {
  clinic = await startClinic();
});
afterAll(async () => {
  await clinic.cloud.stop();
});
beforeEach(() => clinic.cloud.clock.set(new Date(CLINIC_NOW)));

const imports = (action: string, data: unknown, openid = MANAGER_1) => clinic.call('imports', action, data, openid);

describe('dry run (预检)', () => {
  test('reports every kind of problem row by row, counts each outcome and writes no customer', async () => {
    const wangli = doc('customers', WANGLI.id);
    // A friend books first: a 新客 filed in this product.
    expect((await clinic.call('booking', 'create', bookingInput({ phone: '13955550001' }), 'o-friend-1')).body.ok).toBe(
      true,
    );
    const rows: Row[] = [
      {
        姓名: '新客甲',
        手机号: '139 5555 0100',
        星级: '4星',
        最近治疗日期: '2026/11/05',
        归属员工: '陈静',
        门店: '一店',
      }, // 2 ok
      { 姓名: '新客乙', 手机号: '12345', 星级: 3 }, // 3 bad phone
      { 姓名: '新客丙', 手机号: '+86 13955550100' }, // 4 duplicate of row 2
      { 姓名: '新客丁', 手机号: '13955550101', 星级: '六星' }, // 5 bad star
      { 姓名: '新客戊', 手机号: '13955550102', 最近治疗日期: '2026-02-30' }, // 6 bad date
      { 姓名: '新客己', 手机号: '13955550103', 最近治疗日期: '2027-03-02' }, // 7 a date after today
      { 姓名: '新客庚', 手机号: '13955550104', 归属员工: '查无此人' }, // 8 unknown owner
      { 姓名: '新客辛', 手机号: '13955550105', 门店: '火星店' }, // 9 unknown store
      { 姓名: '新客壬', 手机号: '13955550106', 门店: '二店' }, // 10 another store: not a store manager's
      { 姓名: wangli.name, 手机号: wangli.phone, 星级: 5 }, // 11 already a customer (policy)
      { 姓名: '林小雨', 手机号: '13955550001' }, // 12 a 新客 filed by a booking (R1)
      { 姓名: wangli.name, 手机号: wangli.phone }, // 13 duplicate of row 11
      { 姓名: '', 手机号: '13955550107' }, // 14 no name
    ];
    const before = clinic.counts();
    const fileID = upload(clinic, MANAGER_1, await xlsxOf(rows));
    const res = await imports('dryRun', { fileID, policy: 'skip', fileName: '老客名单.xlsx' });
    expect(res.body.ok).toBe(true);
    const report = res.body.data;
    expect(report).toMatchObject({
      fileName: '老客名单.xlsx',
      policy: 'skip',
      total: 13,
      counts: {
        created: 1,
        updated: 0,
        existing: 1,
        unchanged: 0,
        filed_new: 1,
        other_store: 0,
        owner_conflict: 0,
        error: 10,
      },
      errorsByReason: {
        bad_phone: 1,
        duplicate_in_file: 2,
        bad_star: 1,
        bad_date: 2,
        unknown_owner: 1,
        unknown_store: 1,
        store_out_of_scope: 1,
        bad_name: 1,
      },
    });
    const reasonOf = (row: number) => report.lines.find((l: any) => l.row === row)?.reason;
    expect(reasonOf(3)).toMatch(/手机号码位数不足/);
    expect(reasonOf(4)).toBe('与第 2 行的手机号重复，同一手机号只导入一次');
    expect(reasonOf(5)).toMatch(/星级「六星」有误/);
    expect(reasonOf(6)).toMatch(/最近治疗日期「2026-02-30」无法识别/);
    expect(reasonOf(7)).toBe('最近治疗日期 2027-03-02 晚于今天');
    expect(reasonOf(8)).toBe('找不到归属员工「查无此人」');
    expect(reasonOf(9)).toMatch(/门店「火星店」不存在/);
    expect(reasonOf(10)).toMatch(/您无权导入到「悦美医疗美容 · 二店」/);
    expect(reasonOf(12)).toMatch(/首次建档优先（R1）/);
    expect(reasonOf(13)).toBe('与第 11 行的手机号重复，同一手机号只导入一次');
    expect(reasonOf(14)).toBe('请填写姓名');
    // The ok row and the policy's own skip are not lines to look at.
    expect(reasonOf(2)).toBeUndefined();
    expect(reasonOf(11)).toBeUndefined();
    expect(report.lines.map((l: any) => l.outcome)).toContain('filed_new');

    // Nothing but the error file was written.
    expect(clinic.counts()).toEqual(before);
    expect(clinic.count('importJobs')).toBe(0);

    // The error file: the original rows (as uploaded) plus 原文件行号 and 错误原因, as xlsx and CSV.
    const xlsx = await readTable(await download(report.errorFile.xlsx.url), 'xlsx', { maxRows: 100 });
    expect(xlsx.headers).toEqual([
      '姓名',
      '手机号',
      '星级',
      '最近治疗日期',
      '归属员工',
      '员工手机号',
      '工号',
      '门店',
      '备注',
      '原文件行号',
      '错误原因',
    ]);
    expect(xlsx.rows.map((r) => r.cells[9])).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14]);
    const badPhone = xlsx.rows[0]!.cells;
    expect(badPhone.slice(0, 3)).toEqual(['新客乙', '12345', '3']);
    expect(badPhone[10]).toMatch(/手机号码位数不足/);
    const csvBytes = await download(report.errorFile.csv.url);
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = await readTable(csvBytes, 'csv', { maxRows: 100 });
    expect(csv.headers).toEqual(xlsx.headers);
    expect(csv.rows.map((r) => r.cells[10])).toEqual(xlsx.rows.map((r) => r.cells[10]));
  });

  test('the update policy reports what would change; a GM may name any store of the chain', async () => {
    const wangli = doc('customers', WANGLI.id);
    const rows: Row[] = [
      { 姓名: wangli.name, 手机号: wangli.phone, 星级: wangli.starLevel === 5 ? 4 : 5 },
      { 姓名: '二店新客', 手机号: '13955550200', 门店: '二店', 归属员工: '朱婷' },
      { 姓名: '一店新客', 手机号: '13955550201', 门店: 'store-1', 归属员工: '朱婷' },
    ];
    const fileID = upload(clinic, GM, csvOf(rows), 'csv');
    // The general manager may import into either store: rows without 门店 need the page's choice.
    const unplaced = await imports('dryRun', { fileID, policy: 'update' }, GM);
    expect(unplaced.body.data.lines[0]).toEqual({
      row: 2,
      outcome: 'error',
      reason: '请填写门店，或在页面上选择导入到哪家门店',
    });
    const res = await imports('dryRun', { fileID, policy: 'update', storeId: 'store-1' }, GM);
    expect(res.body.data.counts).toMatchObject({ updated: 1, created: 1, error: 1 });
    expect(res.body.data.lines).toEqual([{ row: 4, outcome: 'error', reason: '归属员工「朱婷」不在该行的门店' }]);
  });

  test('a clean file has no error file', async () => {
    const fileID = upload(clinic, MANAGER_1, await xlsxOf([{ 姓名: '干净', 手机号: '13955550300' }]));
    const res = await imports('dryRun', { fileID, policy: 'skip' });
    expect(res.body.data).toMatchObject({ total: 1, counts: { created: 1, error: 0 }, lines: [] });
    expect(res.body.data.errorFile).toBeUndefined();
  });
});
