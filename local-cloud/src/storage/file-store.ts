import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from './atomic-write';
import { InvalidCloudPathError, validateCloudPath } from './cloud-path';
import { cloudPathOf, fileIdFor } from './file-id';
import { downloadUrl, uploadUrl } from './local-files-url';

export interface FileStoreOptions {
  dataDir: string;
  envId: string;
  /** Read per call: the HTTP layer may only know its port after listen(). */
  publicBaseUrl: () => string;
}

type StorageReply = Record<string, unknown>;

const NONEXIST = 'STORAGE_FILE_NONEXIST';
/** node-sdk's downloadFile throws the failed item itself, so its `message` becomes the user's errMsg. */
const NONEXIST_MESSAGE = 'storage file not exists';
/** Real getTempFileURL/deleteFile accept at most 50 files per call. */
const MAX_FILES_PER_CALL = 50;
/** What the stand-in reports when the caller gives no max_age (the real default is undocumented). */
const DEFAULT_MAX_AGE_S = 7200;

/** The cloud file store (docs/wire-protocol.md §7): storage.* actions plus the direct PUT/GET transfers. */
export class FileStore {
  private readonly filesDir: string;
  private readonly tmpDir: string;

  constructor(private readonly opts: FileStoreOptions) {
    this.filesDir = path.join(opts.dataDir, 'files');
    this.tmpDir = path.join(opts.dataDir, '.files-tmp');
    fs.mkdirSync(this.filesDir, { recursive: true });
    // Leftovers of writes interrupted by a crash; the targets they were meant for were never touched.
    fs.rmSync(this.tmpDir, { recursive: true, force: true });
  }

  handleAction(action: string, body: Record<string, unknown>): StorageReply {
    switch (action) {
      case 'storage.getUploadMetadata':
        return this.getUploadMetadata(body);
      case 'storage.batchGetDownloadUrl':
        return this.batchGetDownloadUrl(body);
      case 'storage.batchDeleteFile':
        return this.batchDeleteFile(body);
      default:
        return errorReply('INVALID_PARAM', `unsupported storage action ${action}`);
    }
  }

  /** Direct PUT upload. Throws InvalidCloudPathError for a key that is not a valid cloud path. */
  handlePut(key: string, body: Buffer): void {
    writeFileAtomic(this.diskPath(validateCloudPath(key)), body, this.tmpDir);
  }

  /** Direct GET download: the bytes, or null when the key is invalid or no such file exists. */
  read(key: string): Buffer | null {
    const file = this.existingFile(key);
    return file === null ? null : fs.readFileSync(file);
  }

  /** For other modules (e.g. wxacode images): store bytes at a cloud path and get its fileID. */
  put(cloudPath: string, bytes: Buffer): string {
    this.handlePut(cloudPath, bytes);
    return fileIdFor(this.opts.envId, cloudPath);
  }

  fileIdOf(cloudPath: string): string {
    return fileIdFor(this.opts.envId, validateCloudPath(cloudPath));
  }

  private getUploadMetadata(body: Record<string, unknown>): StorageReply {
    let cloudPath: string;
    try {
      cloudPath = validateCloudPath(body.path);
    } catch (err) {
      return errorReply('INVALID_PARAM', (err as Error).message);
    }
    const fileId = fileIdFor(this.opts.envId, cloudPath);
    return {
      requestId: newRequestId(),
      data: {
        url: uploadUrl(this.opts.publicBaseUrl(), cloudPath),
        // The SDK forwards these as COS headers; the local PUT route does not check them.
        token: 'local-cos-token',
        authorization: 'local-cos-authorization',
        fileId,
        cosFileId: `local-${randomBytes(8).toString('hex')}`,
      },
    };
  }

  private batchGetDownloadUrl(body: Record<string, unknown>): StorageReply {
    const list = body.file_list;
    const bad = checkList(list);
    if (bad) return bad;
    const downloadList = (list as unknown[]).map((item) => {
      const entry = (item ?? {}) as { fileid?: unknown; max_age?: unknown };
      const cloudPath = cloudPathOf(this.opts.envId, entry.fileid);
      const maxAge = typeof entry.max_age === 'number' && entry.max_age > 0 ? entry.max_age : DEFAULT_MAX_AGE_S;
      if (cloudPath === null || this.existingFile(cloudPath) === null) {
        return { fileID: entry.fileid, tempFileURL: '', code: NONEXIST, message: NONEXIST_MESSAGE, maxAge };
      }
      return {
        fileID: entry.fileid,
        tempFileURL: downloadUrl(this.opts.publicBaseUrl(), cloudPath),
        code: 'SUCCESS',
        maxAge,
      };
    });
    return { requestId: newRequestId(), data: { download_list: downloadList } };
  }

  private batchDeleteFile(body: Record<string, unknown>): StorageReply {
    const list = body.fileid_list;
    const bad = checkList(list);
    if (bad) return bad;
    const deleteList = (list as unknown[]).map((fileId) => {
      const cloudPath = cloudPathOf(this.opts.envId, fileId);
      const file = cloudPath === null ? null : this.existingFile(cloudPath);
      if (file === null) return { fileID: fileId, code: NONEXIST, message: NONEXIST_MESSAGE };
      fs.rmSync(file);
      return { fileID: fileId, code: 'SUCCESS' };
    });
    return { requestId: newRequestId(), data: { delete_list: deleteList } };
  }

  private diskPath(cloudPath: string): string {
    return path.join(this.filesDir, ...cloudPath.split('/'));
  }

  private existingFile(key: string): string | null {
    try {
      const file = this.diskPath(validateCloudPath(key));
      return fs.statSync(file).isFile() ? file : null;
    } catch (err) {
      if (err instanceof InvalidCloudPathError || isMissing(err)) return null;
      throw err;
    }
  }
}

function checkList(list: unknown): StorageReply | null {
  if (!Array.isArray(list) || list.length === 0)
    return errorReply('INVALID_PARAM', 'file list must be a non-empty array');
  if (list.length > MAX_FILES_PER_CALL) {
    return errorReply('INVALID_PARAM', `at most ${MAX_FILES_PER_CALL} files per call`);
  }
  return null;
}

/** The §3 error envelope: HTTP 200 with a truthy string `code`. */
function errorReply(code: string, message: string): StorageReply {
  return { code, message, requestId: newRequestId() };
}

function newRequestId(): string {
  return `local-${randomBytes(8).toString('hex')}`;
}

function isMissing(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
