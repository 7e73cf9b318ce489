import {
  MAX_FAILED_CALLS,
  countLines,
  extensionOf,
  fileProblem,
  formatBytes,
  progressPercent,
  progressText,
  reportHeadline,
  rowsToImport,
  runImportJob,
  uploadName,
  type DryRunReport,
  type ImportJob,
} from '../../src/packages/admin/utils/import-flow';

const ZERO = {
  created: 0,
  updated: 0,
  existing: 0,
  unchanged: 0,
  filed_new: 0,
  other_store: 0,
  owner_conflict: 0,
  error: 0,
};
const report = (counts: Partial<typeof ZERO>, total: number): DryRunReport => ({
  fileName: '名单.xlsx',
  policy: 'skip',
  total,
  counts: { ...ZERO, ...counts },
  errorsByReason: {},
  ignoredColumns: [],
  lines: [],
});
const job = (over: Partial<ImportJob> = {}): ImportJob => ({
  jobId: 'imp1',
  state: 'running',
  fileName: '名单.xlsx',
  policy: 'skip',
  total: 100,
  processed: 0,
  counts: { ...ZERO },
  errorsByReason: {},
  batches: 0,
  createdAt: '2027-03-01T01:00:00.000Z',
  updatedAt: '2027-03-01T01:00:00.000Z',
  ...over,
});

describe('the import file the manager picks', () => {
  it('is an xlsx or CSV file, not empty, within the limit', () => {
    expect(extensionOf('老客.XLSX')).toBe('xlsx');
    expect(extensionOf('a.csv')).toBe('csv');
    expect(extensionOf('a.xls')).toBeNull();
    expect(extensionOf('noext')).toBeNull();
    expect(fileProblem({ name: 'a.xls', size: 10 }, 100)).toMatch(/另存为 \.xlsx/);
    expect(fileProblem({ name: 'a.csv', size: 0 }, 100)).toMatch(/空的/);
    expect(fileProblem({ name: 'a.csv', size: 101 }, 100)).toBe('文件超过 100 B，请拆分后分批导入');
    expect(fileProblem({ name: 'a.csv', size: 100 }, 100)).toBeNull();
  });

  it('is uploaded under a name of the characters the server accepts, keeping its kind', () => {
    expect(uploadName({ name: '一店老客名单.XLSX', size: 1 }, 1764000000000, () => 0.5)).toMatch(
      /^1764000000000-[0-9a-z]{6}\.xlsx$/,
    );
    expect(uploadName({ name: 'x.csv', size: 1 }, 1, () => 0)).toBe('1-000000.csv');
    expect(uploadName({ name: 'x', size: 1 }, 1, () => 0)).toBe('1-000000.xlsx');
  });

  it('sizes read as people say them', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(10 * 1024 * 1024)).toBe('10.0 MB');
  });
});

describe('the dry-run report', () => {
  it('lists the outcomes that happened, in report order', () => {
    expect(countLines({ ...ZERO, error: 2, created: 5, existing: 1 })).toEqual([
      { outcome: 'created', label: '新建老客', count: 5, tone: 'good' },
      { outcome: 'existing', label: '已有客户，跳过', count: 1, tone: 'neutral' },
      { outcome: 'error', label: '有错误，未导入', count: 2, tone: 'warn' },
    ]);
    expect(rowsToImport({ ...ZERO, created: 2, updated: 3 })).toBe(5);
  });

  it('says what importing would do and what is left to fix', () => {
    expect(reportHeadline(report({ created: 8, error: 2 }, 10))).toBe('共 10 行，可导入 8 行，2 行需要处理');
    expect(reportHeadline(report({ created: 8, existing: 2 }, 10))).toBe('共 10 行，可导入 8 行');
    expect(reportHeadline(report({ error: 3, owner_conflict: 1 }, 4))).toBe('没有可导入的行：4 行需要处理');
    expect(reportHeadline(report({ existing: 4 }, 4))).toBe('没有需要导入的行：客户都已在系统中');
  });
});

describe('the import job’s progress', () => {
  it('is the share of rows decided', () => {
    expect(progressPercent({ processed: 33, total: 100 })).toBe(33);
    expect(progressPercent({ processed: 2, total: 3 })).toBe(66);
    expect(progressPercent({ processed: 0, total: 0 })).toBe(100);
    expect(progressText(job({ processed: 40 }))).toBe('已处理 40 / 100 行');
    expect(progressText(job({ state: 'done', processed: 100 }))).toBe('已完成 100 行');
  });

  it('calls resume batch after batch until the job is done, reporting each status', async () => {
    const statuses = [job({ processed: 40 }), job({ processed: 80 }), job({ processed: 100, state: 'done' })];
    const resume = jest.fn(async () => ({ ok: true as const, data: statuses.shift() as ImportJob }));
    const seen: number[] = [];
    const res = await runImportJob(job(), resume, (j) => seen.push(j.processed));
    expect(res).toMatchObject({ ok: true, data: { state: 'done' } });
    expect(seen).toEqual([40, 80, 100]);
    expect(resume).toHaveBeenCalledTimes(3);
    expect(resume).toHaveBeenCalledWith('imp1');
  });

  it('rides out a dropped connection (the job is resumable) and gives up after three failures in a row', async () => {
    const fail = { ok: false as const, code: 'NETWORK' as const, message: '网络不可用，请稍后重试' };
    const flaky = jest
      .fn()
      .mockResolvedValueOnce(fail)
      .mockResolvedValueOnce({ ok: true, data: job({ processed: 50 }) })
      .mockResolvedValueOnce(fail)
      .mockResolvedValueOnce({ ok: true, data: job({ processed: 100, state: 'done' }) });
    expect(await runImportJob(job(), flaky, () => undefined)).toMatchObject({ ok: true, data: { state: 'done' } });

    const down = jest.fn(async () => fail);
    expect(await runImportJob(job(), down, () => undefined)).toEqual(fail);
    expect(down).toHaveBeenCalledTimes(MAX_FAILED_CALLS);
  });

  it('stops when the page is left, and does nothing for a finished job', async () => {
    const resume = jest.fn();
    expect(
      await runImportJob(
        job(),
        resume,
        () => undefined,
        () => true,
      ),
    ).toMatchObject({ ok: true, data: { state: 'running' } });
    expect(await runImportJob(job({ state: 'done' }), resume, () => undefined)).toMatchObject({ ok: true });
    expect(resume).not.toHaveBeenCalled();
  });
});
