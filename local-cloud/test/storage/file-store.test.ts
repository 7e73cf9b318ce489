import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileStore, InvalidCloudPathError, fileIdFor, keyFromUrlPath } from '../../src/storage';
import { makeTempDir, removeDir } from '../openapi/support/temp-dir';

const BASE = 'http://127.0.0.1:10086';

describe('FileStore', () => {
  let dataDir: string;
  let store: FileStore;
  beforeEach(() => {
    dataDir = makeTempDir('file-store');
    store = new FileStore({ dataDir, envId: 'env-1', publicBaseUrl: () => BASE });
  });
  afterEach(() => removeDir(dataDir));

  it('stores under <dataDir>/files and returns the cloud:// fileID', () => {
    const fileId = store.put('wxacode/abc.png', Buffer.from('png'));
    expect(fileId).toBe('cloud://env-1.656e-env-1-1250000000/wxacode/abc.png');
    expect(fileId).toBe(fileIdFor('env-1', 'wxacode/abc.png'));
    expect(fs.readFileSync(path.join(dataDir, 'files', 'wxacode', 'abc.png')).toString()).toBe('png');
    expect(store.read('wxacode/abc.png')?.toString()).toBe('png');
  });

  it('survives a new instance on the same data dir', () => {
    store.put('a/b.txt', Buffer.from('kept'));
    const reopened = new FileStore({ dataDir, envId: 'env-1', publicBaseUrl: () => BASE });
    expect(reopened.read('a/b.txt')?.toString()).toBe('kept');
  });

  it('leaves no temp file behind, and clears leftovers of a crashed write on open', () => {
    store.handlePut('a.txt', Buffer.from('x'));
    const tmpDir = path.join(dataDir, '.files-tmp');
    expect(fs.readdirSync(tmpDir)).toEqual([]);
    fs.writeFileSync(path.join(tmpDir, 'crashed.part'), 'half');
    new FileStore({ dataDir, envId: 'env-1', publicBaseUrl: () => BASE });
    expect(fs.existsSync(path.join(tmpDir, 'crashed.part'))).toBe(false);
    expect(fs.readdirSync(path.join(dataDir, 'files'))).toEqual(['a.txt']);
  });

  it.each([
    ['../x'],
    ['/abs'],
    ['a//b'],
    ['a/./b'],
    [''],
    ['a\\b'],
    ['a?b'],
    ['a#b'],
    ['nul\u0000'],
    ['x'.repeat(851)],
  ])('refuses the cloud path %p', (key) => {
    expect(() => store.handlePut(key, Buffer.from('x'))).toThrow(InvalidCloudPathError);
    expect(store.read(key)).toBeNull();
  });

  it('reads null for missing files and for directories', () => {
    store.put('dir/file.txt', Buffer.from('x'));
    expect(store.read('nope.txt')).toBeNull();
    expect(store.read('dir')).toBeNull();
    expect(store.read('dir/file.txt/deeper')).toBeNull();
  });

  it('hands out a percent-encoded upload URL and the fileID for a path', () => {
    const reply = store.handleAction('storage.getUploadMetadata', { path: '报告/a b.txt', method: 'put' }) as {
      data: { url: string; fileId: string };
    };
    expect(reply.data.url).toBe(`${BASE}/local-files/%E6%8A%A5%E5%91%8A/a%20b.txt`);
    expect(reply.data.fileId).toBe(fileIdFor('env-1', '报告/a b.txt'));
    expect(keyFromUrlPath('%E6%8A%A5%E5%91%8A/a%20b.txt')).toBe('报告/a b.txt');
    expect(keyFromUrlPath('%E0%A4%A')).toBeNull();
  });

  it('answers bad requests with the error envelope', () => {
    expect(store.handleAction('storage.getUploadMetadata', { path: '../x' })).toMatchObject({ code: 'INVALID_PARAM' });
    expect(store.handleAction('storage.copyFile', {})).toMatchObject({ code: 'INVALID_PARAM' });
    expect(store.handleAction('storage.batchGetDownloadUrl', { file_list: [] })).toMatchObject({
      code: 'INVALID_PARAM',
    });
    const tooMany = Array.from({ length: 51 }, () => fileIdFor('env-1', 'a.txt'));
    expect(store.handleAction('storage.batchDeleteFile', { fileid_list: tooMany })).toMatchObject({
      code: 'INVALID_PARAM',
    });
    expect(store.handleAction('storage.batchDeleteFile', { fileid_list: tooMany.slice(1) })).toMatchObject({
      data: { delete_list: expect.any(Array) },
    });
  });

  it('reads the base URL on every call (the port is known only after listen)', () => {
    let base = 'http://127.0.0.1:1';
    const late = new FileStore({ dataDir, envId: 'env-1', publicBaseUrl: () => base });
    const fileId = late.put('a.txt', Buffer.from('x'));
    base = 'http://127.0.0.1:2';
    const reply = late.handleAction('storage.batchGetDownloadUrl', { file_list: [{ fileid: fileId }] }) as {
      data: { download_list: { tempFileURL: string }[] };
    };
    expect(reply.data.download_list[0].tempFileURL).toBe('http://127.0.0.1:2/local-files/a.txt');
  });
});
