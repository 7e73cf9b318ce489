import Taro from '@tarojs/taro';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import ImportPage from '../../src/packages/admin/pages/import/index';
import { cloudCall, resetTaroMocks, setPlatform } from '../helpers';

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
const link = (name: string) => ({ fileID: `cloud://env.b/${name}`, url: `https://files.example/${name}` });
const SETUP = {
  folder: 'imports/o-manager',
  maxRows: 50000,
  maxBytes: 10 * 1024 * 1024,
  policies: [
    { id: 'skip', label: '跳过已有客户' },
    { id: 'update', label: '更新已有老客的星级、最近治疗日期和备注' },
  ],
  columns: [
    { key: 'name', header: '姓名', required: true, hint: '客户姓名' },
    { key: 'phone', header: '手机号', required: true, hint: '11 位手机号' },
  ],
  stores: [{ id: 'store-1', name: '一店' }],
  defaultStoreId: 'store-1',
  template: { xlsx: link('t.xlsx'), csv: link('t.csv') },
};
const REPORT = {
  fileName: '老客名单.xlsx',
  policy: 'skip',
  total: 3,
  counts: { ...ZERO, created: 2, error: 1 },
  errorsByReason: { bad_phone: 1 },
  ignoredColumns: ['会员卡号'],
  lines: [{ row: 3, outcome: 'error', reason: '手机号码位数不足，应为 11 位' }],
  errorFile: { xlsx: link('e.xlsx'), csv: link('e.csv') },
};
const job = (processed: number, state: 'running' | 'done') => ({
  jobId: 'imp1',
  state,
  fileName: '老客名单.xlsx',
  policy: 'skip',
  total: 3,
  processed,
  counts: { ...ZERO, error: 1, created: Math.max(0, processed - 1) },
  errorsByReason: { bad_phone: 1 },
  batches: processed > 1 ? 1 : 0,
  createdAt: '2027-03-01T01:00:00.000Z',
  updatedAt: '2027-03-01T01:00:00.000Z',
});

/** The function answers by action; every call is recorded. */
function answer(byAction: Record<string, (data: any) => unknown>) {
  cloudCall.mockImplementation(async ({ data }: { data: { action: string; data: unknown } }) => {
    const fn = byAction[data.action];
    if (!fn) throw new Error(`unexpected ${data.action}`);
    return { errMsg: 'ok', result: fn(data.data) };
  });
}
const sent = (action: string) =>
  cloudCall.mock.calls.map((c) => c[0].data).filter((d: { action: string }) => d.action === action);

beforeEach(() => {
  resetTaroMocks();
  setPlatform('weapp');
  (Taro.chooseMessageFile as unknown as jest.Mock).mockReset();
  (Taro.cloud.uploadFile as unknown as jest.Mock).mockReset();
  (Taro.openDocument as unknown as jest.Mock).mockClear();
});

describe('导入老客', () => {
  it('choose a file → 预检 → the report → 开始导入 → progress → summary', async () => {
    (Taro.chooseMessageFile as unknown as jest.Mock).mockResolvedValue({
      tempFiles: [{ name: '老客名单.xlsx', size: 2048, path: 'wxfile://tmp/a.xlsx' }],
    });
    (Taro.cloud.uploadFile as unknown as jest.Mock).mockResolvedValue({
      fileID: 'cloud://env.b/imports/o-manager/1-a.xlsx',
    });
    const resumes = [job(2, 'running'), job(3, 'done')];
    answer({
      prepare: () => ({ ok: true, data: SETUP }),
      dryRun: () => ({ ok: true, data: REPORT }),
      start: () => ({ ok: true, data: job(1, 'running') }),
      resume: () => ({ ok: true, data: resumes.shift() }),
    });
    render(<ImportPage />);
    expect((await screen.findByTestId('import-columns')).textContent).toContain('手机号（必填）');

    fireEvent.click(screen.getByTestId('import-choose'));
    await waitFor(() => expect(screen.getByTestId('import-file').textContent).toBe('老客名单.xlsx（2.0 KB）'));
    fireEvent.click(screen.getByTestId('import-check'));

    const headline = await screen.findByTestId('report-headline');
    expect(headline.textContent).toBe('共 3 行，可导入 2 行，1 行需要处理');
    // The file went into the caller's folder under a safe name, and was checked by fileID.
    const upload = (Taro.cloud.uploadFile as unknown as jest.Mock).mock.calls[0][0];
    expect(upload.cloudPath).toMatch(/^imports\/o-manager\/\d+-[0-9a-z]{6}\.xlsx$/);
    expect(upload.filePath).toBe('wxfile://tmp/a.xlsx');
    expect(sent('dryRun')[0].data).toEqual({
      fileID: 'cloud://env.b/imports/o-manager/1-a.xlsx',
      policy: 'skip',
      fileName: '老客名单.xlsx',
      storeId: 'store-1',
    });
    expect(screen.getByTestId('report-lines').textContent).toContain('第 3 行手机号码位数不足');
    expect(screen.getByTestId('count-created').textContent).toBe('2新建老客');

    // The error file opens in WeChat's document viewer.
    fireEvent.click(screen.getByTestId('error-file-xlsx'));
    await waitFor(() =>
      expect(Taro.openDocument).toHaveBeenCalledWith(expect.objectContaining({ fileType: 'xlsx', showMenu: true })),
    );
    expect(Taro.downloadFile).toHaveBeenCalledWith({ url: 'https://files.example/e.xlsx' });

    fireEvent.click(screen.getByTestId('import-start'));
    const summary = await screen.findByTestId('import-summary');
    expect(summary.textContent).toContain('共 3 行，新建 2 位、更新 0 位老客');
    expect(sent('resume')).toHaveLength(2);
    expect(sent('start')[0].data).toMatchObject({ fileID: 'cloud://env.b/imports/o-manager/1-a.xlsx', policy: 'skip' });
  });

  it('refuses a file that is not xlsx or CSV before uploading anything', async () => {
    (Taro.chooseMessageFile as unknown as jest.Mock).mockResolvedValue({
      tempFiles: [{ name: '老客.xls', size: 10, path: 'wxfile://tmp/a.xls' }],
    });
    answer({ prepare: () => ({ ok: true, data: SETUP }) });
    render(<ImportPage />);
    fireEvent.click(await screen.findByTestId('import-choose'));
    expect((await screen.findByTestId('import-message')).textContent).toMatch(/xlsx 或 CSV/);
    expect(Taro.cloud.uploadFile).not.toHaveBeenCalled();
  });

  it('picks up a running import where it left off', async () => {
    answer({
      prepare: () => ({ ok: true, data: { ...SETUP, latestJob: job(2, 'running') } }),
      resume: () => ({ ok: true, data: job(3, 'done') }),
    });
    render(<ImportPage />);
    expect((await screen.findByTestId('progress-text')).textContent).toBe('已处理 2 / 3 行（66%）');
    await act(async () => {
      fireEvent.click(screen.getByTestId('import-continue'));
    });
    expect(await screen.findByTestId('import-summary')).toBeTruthy();
  });

  it('someone who may not import sees why (the server decides)', async () => {
    answer({ prepare: () => ({ ok: false, code: 'FORBIDDEN', message: '您没有权限进行此操作' }) });
    render(<ImportPage />);
    expect((await screen.findByTestId('import-error')).textContent).toContain('您没有权限进行此操作');
  });
});
