/**
 * The `imports` cloud function (managers bring existing customers in from the clinic's CRM) and the
 * file handling it needs. Only the admin subpackage's import page imports this file.
 *
 * - weapp: the manager picks the CRM export from a chat (`Taro.chooseMessageFile`: files reach a
 *   phone through WeChat), it goes to cloud storage with `Taro.cloud.uploadFile` into the folder
 *   `prepare` named (`imports/<openid>`), and the function reads it by fileID. Files the function
 *   writes (template, error file) open with `Taro.openDocument` (forward or save from its menu).
 * - h5 (local demo): a file input, and the local gateway's stand-in for uploadFile
 *   (`POST /api/storage/upload`); downloads are plain links.
 */
import Taro from '@tarojs/taro';
import { importsContract, type ActionInput, type ActionOutput, type Result } from '@clinic/shared';
import { callFunction } from './cloud';
import { getDemoOpenid } from './demo-identity';

type C = typeof importsContract;
export type ImportSetup = ActionOutput<C, 'prepare'>;
export type ImportRequest = ActionInput<C, 'dryRun'>;
export type DryRunReport = ActionOutput<C, 'dryRun'>;
export type ImportJob = ActionOutput<C, 'start'>;

export const prepareImport = (): Promise<Result<ImportSetup>> =>
  callFunction('imports', importsContract, 'prepare', {});

/** 预检: the report of what importing the file would do (nothing is written). */
export const dryRunImport = (request: ImportRequest): Promise<Result<DryRunReport>> =>
  callFunction('imports', importsContract, 'dryRun', request);

/** Starts (or finds again) the file's import job. */
export const startImport = (request: ImportRequest): Promise<Result<ImportJob>> =>
  callFunction('imports', importsContract, 'start', request);

/** One more batch of the job; a finished job answers as it is. */
export const resumeImport = (jobId: string): Promise<Result<ImportJob>> =>
  callFunction('imports', importsContract, 'resume', { jobId });

export const importStatus = (jobId: string): Promise<Result<ImportJob>> =>
  callFunction('imports', importsContract, 'status', { jobId });

/** A picked file: what the page shows and where the platform holds its bytes. */
export interface PickedFile {
  name: string;
  size: number;
  /** weapp: the temporary path chooseMessageFile gave. */
  path?: string;
  /** h5: the File of the input. */
  blob?: Blob;
}

const UPLOAD_FAILED = '文件上传失败，请检查网络后重试';

/** Lets the manager pick an xlsx or CSV file; null when they cancel. */
export async function pickImportFile(): Promise<PickedFile | null> {
  if (process.env.TARO_ENV === 'h5') return pickInBrowser();
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx', 'csv'] });
    const file = res.tempFiles[0];
    return file ? { name: file.name, size: file.size, path: file.path } : null;
  } catch {
    return null; // cancelled
  }
}

function pickInBrowser(): Promise<PickedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';
    input.onchange = () => {
      const file = input.files?.[0];
      resolve(file ? { name: file.name, size: file.size, blob: file } : null);
    };
    input.click();
  });
}

/** Uploads the picked file as `<folder>/<name>` and answers its fileID. */
export async function uploadImportFile(folder: string, name: string, file: PickedFile): Promise<Result<string>> {
  const cloudPath = `${folder}/${name}`;
  if (process.env.TARO_ENV === 'h5') return uploadInBrowser(cloudPath, file);
  if (!file.path) return { ok: false, code: 'NETWORK', message: UPLOAD_FAILED };
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath, filePath: file.path });
    return res.fileID ? { ok: true, data: res.fileID } : { ok: false, code: 'NETWORK', message: UPLOAD_FAILED };
  } catch {
    return { ok: false, code: 'NETWORK', message: UPLOAD_FAILED };
  }
}

async function uploadInBrowser(cloudPath: string, file: PickedFile): Promise<Result<string>> {
  const openid = getDemoOpenid();
  if (!openid || !file.blob) return { ok: false, code: 'NETWORK', message: UPLOAD_FAILED };
  try {
    const bytes = new Uint8Array(await file.blob.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    const res = await fetch('/api/storage/upload', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Demo-Openid': openid },
      body: JSON.stringify({ cloudPath, contentBase64: btoa(binary) }),
    });
    const body = (await res.json()) as { ok?: boolean; fileID?: unknown };
    return body.ok && typeof body.fileID === 'string'
      ? { ok: true, data: body.fileID }
      : { ok: false, code: 'NETWORK', message: UPLOAD_FAILED };
  } catch {
    return { ok: false, code: 'NETWORK', message: UPLOAD_FAILED };
  }
}

/**
 * Opens a file the function wrote (template, error file): in WeChat the xlsx opens in the document
 * viewer, whose menu forwards or saves it; a CSV link is copied (the viewer does not show CSV). In
 * the browser the link downloads it.
 */
export async function openSpreadsheet(url: string, kind: 'xlsx' | 'csv'): Promise<Result<'opened' | 'copied'>> {
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank');
    return { ok: true, data: 'opened' };
  }
  try {
    if (kind === 'csv') {
      await Taro.setClipboardData({ data: url });
      return { ok: true, data: 'copied' };
    }
    const { tempFilePath } = await Taro.downloadFile({ url });
    await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true });
    return { ok: true, data: 'opened' };
  } catch {
    return { ok: false, code: 'NETWORK', message: '文件打开失败，请稍后重试' };
  }
}
