/**
 * The one place that touches `wx-server-sdk`. Its own typings do not compile under `strict`
 * (DYNAMIC_CURRENT_ENV, union return types), so the rest of the code sees only these small types.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import type { AggregateCommand, Collection, Database, QueryCommand, TransactionCollection } from './db-types';

export type Doc = Record<string, unknown> & { _id?: string };

export interface WxContext {
  OPENID?: string;
  APPID?: string;
  UNIONID?: string;
  SOURCE?: string;
  ENV?: string;
}

interface RawCloud {
  DYNAMIC_CURRENT_ENV: unknown;
  init(options: { env: unknown }): void;
  getWXContext(): Record<string, unknown>;
  database(options?: { throwOnNotFound?: boolean }): RawDatabase;
  openapi: {
    subscribeMessage: { send(params: SubscribeMessageParams): Promise<{ errCode: number; msgid?: string }> };
    wxacode: {
      getUnlimited(params: UnlimitedCodeParams): Promise<{ contentType: string; buffer: Buffer }>;
    };
    phonenumber: {
      getPhoneNumber(params: { code: string }): Promise<PhoneNumberResult>;
    };
  };
  uploadFile(params: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>;
  downloadFile(params: { fileID: string }): Promise<{ fileContent: Buffer }>;
  getTempFileURL(params: { fileList: string[] }): Promise<{
    fileList: { fileID: string; tempFileURL: string; status: number }[];
  }>;
  deleteFile(params: { fileList: string[] }): Promise<{ fileList: { fileID: string; status: number }[] }>;
  callFunction(params: { name: string; data: unknown }): Promise<{ result: unknown }>;
}

interface RawDatabase {
  collection(name: string): unknown;
  command: unknown;
  serverDate(options?: { offset?: number }): unknown;
  runTransaction<R>(fn: (tx: unknown) => Promise<R>, retries?: number): Promise<R>;
  createCollection(name: string): Promise<unknown>;
}

export interface SubscribeMessageParams {
  touser: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogramState?: 'developer' | 'trial' | 'formal';
}

export interface UnlimitedCodeParams {
  scene: string;
  page?: string;
  width?: number;
  checkPath?: boolean;
  envVersion?: 'release' | 'trial' | 'develop';
}

/** openapi.phonenumber.getPhoneNumber, after the SDK's snake→camel conversion of the reply. */
export interface PhoneNumberResult {
  errCode?: number;
  phoneInfo?: {
    /** With the country code for numbers outside mainland China, e.g. `+1 2025550123`. */
    phoneNumber?: string;
    purePhoneNumber?: string;
    countryCode?: string | number;
    watermark?: { timestamp?: number; appid?: string };
  };
}

let raw: RawCloud | undefined;

function sdk(): RawCloud {
  if (!raw) {
    raw = require('wx-server-sdk') as RawCloud;
    raw.init({ env: raw.DYNAMIC_CURRENT_ENV });
  }
  return raw;
}

/** Identity of the caller. Read per invocation: it is process-global state in the SDK. */
export function wxContext(): WxContext {
  const ctx = sdk().getWXContext();
  const str = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : String(v));
  return {
    OPENID: str(ctx.OPENID),
    APPID: str(ctx.APPID),
    UNIONID: str(ctx.UNIONID),
    SOURCE: str(ctx.SOURCE),
    ENV: str(ctx.ENV),
  };
}

export function database(): Database {
  const db = sdk().database({ throwOnNotFound: false });
  return {
    collection: <T extends Doc>(name: string) => db.collection(name) as Collection<T>,
    command: db.command as QueryCommand,
    aggregateCommand: (db.command as { aggregate: unknown }).aggregate as AggregateCommand,
    serverDate: (offsetMs?: number) => db.serverDate(offsetMs ? { offset: offsetMs } : undefined),
    createCollection: (name) => db.createCollection(name).then(() => undefined),
    runTransaction: (fn, retries) =>
      db.runTransaction(
        (tx) =>
          fn({
            collection: <T extends Doc>(name: string) =>
              wrapTransactionCollection<T>((tx as { collection(n: string): unknown }).collection(name)),
          }),
        retries,
      ),
  };
}

/** Inside a real transaction only doc().get/set/update/remove and add are transactional. */
function wrapTransactionCollection<T extends Doc>(c: unknown): TransactionCollection<T> {
  const coll = c as {
    doc(id: string): {
      get(): Promise<{ data: T | null }>;
      set(opts: { data: Omit<T, '_id'> }): Promise<unknown>;
      update(opts: { data: Partial<T> | Record<string, unknown> }): Promise<{ stats: { updated: number } }>;
      remove(): Promise<{ stats: { removed: number } }>;
    };
    add(opts: { data: Omit<T, '_id'> & { _id?: string } }): Promise<{ _id: string }>;
  };
  // wx-server-sdk passes an array on to @cloudbase/database, which sends it as one insertDocument.
  const addBatch = c as { add(opts: { data: readonly Doc[] }): Promise<{ ids?: string[]; _ids?: string[] }> };
  return {
    doc: (id) => ({
      async get() {
        try {
          return (await coll.doc(id).get()).data ?? null;
        } catch (e) {
          // The SDK throws for a missing doc inside a transaction; the caller wants null.
          if (e instanceof Error && /does not exist/.test(e.message)) return null;
          throw e;
        }
      },
      set: async (data) => {
        // The id is the doc's; a document read earlier carries `_id`, which `set` must not send.
        const { _id: _ignored, ...fields } = data as Omit<T, '_id'> & { _id?: string };
        await coll.doc(id).set({ data: fields as Omit<T, '_id'> });
      },
      update: async (data) => (await coll.doc(id).update({ data })).stats.updated,
      remove: async () => (await coll.doc(id).remove()).stats.removed,
    }),
    add: async (data) => (await coll.add({ data }))._id,
    addMany: async (docs) => {
      if (docs.length === 0) return [];
      const res = await addBatch.add({ data: docs });
      return res.ids ?? res._ids ?? docs.map((d) => d._id);
    },
  };
}

export const openapi = {
  sendSubscribeMessage: (params: SubscribeMessageParams) => sdk().openapi.subscribeMessage.send(params),
  getUnlimitedCode: (params: UnlimitedCodeParams) => sdk().openapi.wxacode.getUnlimited(params),
  /** Exchanges the `code` of `<button open-type="getPhoneNumber">` for the user's phone. */
  getPhoneNumber: (code: string) => sdk().openapi.phonenumber.getPhoneNumber({ code }),
};

export const storage = {
  upload: async (cloudPath: string, bytes: Buffer) =>
    (await sdk().uploadFile({ cloudPath, fileContent: bytes })).fileID,
  tempUrls: async (fileIds: string[]) => (await sdk().getTempFileURL({ fileList: fileIds })).fileList,
  remove: async (fileIds: string[]) => (await sdk().deleteFile({ fileList: fileIds })).fileList,
  /** The file's bytes; null when storage has no such file (-503003) or refuses it. */
  download: async (fileId: string): Promise<Buffer | null> => {
    try {
      return (await sdk().downloadFile({ fileID: fileId })).fileContent;
    } catch (e) {
      // wx-server-sdk 4.0.2 throws errCode -1 with the storage code beside it (STORAGE_FILE_NONEXIST).
      const { errCode, code } = (e ?? {}) as { errCode?: unknown; code?: unknown };
      if (errCode === -503003 || code === 'STORAGE_FILE_NONEXIST' || code === 'STORAGE_EXCEED_AUTHORITY') return null;
      throw e;
    }
  },
};

export async function callFunction(name: string, data: unknown): Promise<unknown> {
  return (await sdk().callFunction({ name, data })).result;
}
