import { FileStore } from '../../src/storage';
import { startStandIn, type StandIn } from '../openapi/support/stand-in-server';
import { makeTempDir, removeDir } from '../openapi/support/temp-dir';
import { ENV_ID, loadCloud, pointSdkAt, sdkError, type WxCloud } from '../openapi/support/wx-cloud';

describe('cloud storage through the real wx-server-sdk', () => {
  let standIn: StandIn;
  let cloud: WxCloud;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = makeTempDir('storage-sdk');
    standIn = await startStandIn();
    standIn.storage = new FileStore({ dataDir, envId: ENV_ID, publicBaseUrl: () => standIn.baseUrl });
    pointSdkAt(standIn.adminUrl('inv-storage'));
    cloud = loadCloud();
  });
  afterAll(async () => {
    await standIn.close();
    removeDir(dataDir);
  });

  it('uploads, lists a temp URL, downloads and deletes a file', async () => {
    const bytes = Buffer.from([0, 1, 2, 3, 254, 255]);
    const uploaded = await cloud.uploadFile({ cloudPath: 'avatars/u1.bin', fileContent: bytes });
    expect(uploaded).toMatchObject({ errMsg: 'uploadFile:ok', statusCode: -1 });
    expect(uploaded.fileID).toMatch(/^cloud:\/\/test-env-1a2b\.[0-9a-f]+-test-env-1a2b-\d+\/avatars\/u1\.bin$/);

    const urls = await cloud.getTempFileURL({ fileList: [uploaded.fileID, { fileID: uploaded.fileID, maxAge: 60 }] });
    expect(urls.fileList).toEqual([
      {
        fileID: uploaded.fileID,
        status: 0,
        errMsg: 'ok',
        maxAge: 7200,
        tempFileURL: `${standIn.baseUrl}/local-files/avatars/u1.bin`,
      },
      {
        fileID: uploaded.fileID,
        status: 0,
        errMsg: 'ok',
        maxAge: 60,
        tempFileURL: `${standIn.baseUrl}/local-files/avatars/u1.bin`,
      },
    ]);

    const downloaded = await cloud.downloadFile({ fileID: uploaded.fileID });
    expect(downloaded.fileContent.equals(bytes)).toBe(true);

    const deleted = await cloud.deleteFile({ fileList: [uploaded.fileID] });
    expect(deleted.fileList).toEqual([{ fileID: uploaded.fileID, status: 0, errMsg: 'ok' }]);
    expect(standIn.storage?.read('avatars/u1.bin')).toBeNull();
  });

  it('hands out unencoded temp URLs that still download after the SDK encodes them (Chinese, spaces, %)', async () => {
    const cloudPath = '报告/2026 年 1%.txt';
    const { fileID } = await cloud.uploadFile({ cloudPath, fileContent: Buffer.from('月报') });
    const [item] = (await cloud.getTempFileURL({ fileList: [fileID] })).fileList;
    expect(item.tempFileURL).toBe(`${standIn.baseUrl}/local-files/${cloudPath}`);
    expect((await cloud.downloadFile({ fileID })).fileContent.toString()).toBe('月报');
  });

  it('replaces a file uploaded twice to the same path', async () => {
    await cloud.uploadFile({ cloudPath: 'x/same.txt', fileContent: Buffer.from('one') });
    const { fileID } = await cloud.uploadFile({ cloudPath: 'x/same.txt', fileContent: Buffer.from('two') });
    expect((await cloud.downloadFile({ fileID })).fileContent.toString()).toBe('two');
  });

  it('reports missing files per item with STORAGE_FILE_NONEXIST (-503003)', async () => {
    const { fileID } = await cloud.uploadFile({ cloudPath: 'present.txt', fileContent: Buffer.from('p') });
    const missing = fileID.replace('present.txt', 'absent.txt');
    const foreign = 'cloud://other-env.6f74-other-env-1250000000/present.txt';

    const urls = await cloud.getTempFileURL({ fileList: [fileID, missing, foreign] });
    expect(urls.fileList.map((f) => [f.status, f.errMsg, f.tempFileURL === ''])).toEqual([
      [0, 'ok', false],
      [-503003, 'storage file not exists', true],
      [-503003, 'storage file not exists', true],
    ]);

    const deleted = await cloud.deleteFile({ fileList: [missing, fileID] });
    expect(deleted.fileList.map((f) => f.status)).toEqual([-503003, 0]);
  });

  it('fails downloadFile for a missing file', async () => {
    const { fileID } = await cloud.uploadFile({ cloudPath: 'gone.txt', fileContent: Buffer.from('g') });
    await cloud.deleteFile({ fileList: [fileID] });
    const err = await sdkError(cloud.downloadFile({ fileID }));
    // wx-server-sdk keeps node-sdk's string code here and reports errCode -1 (as for callFunction, §3).
    expect(err).toMatchObject({
      code: 'STORAGE_FILE_NONEXIST',
      errCode: -1,
      errMsg: 'downloadFile:fail storage file not exists',
    });
  });

  it('refuses cloud paths that could escape the files folder', async () => {
    const err = await sdkError(cloud.uploadFile({ cloudPath: '../escape.txt', fileContent: Buffer.from('x') }));
    expect(err).toMatchObject({ code: 'INVALID_PARAM', errCode: -1 });
    expect(err.errMsg).toContain('".." path segment');
  });
});
