/**
 * A store photo from the phone into the store's folder of cloud storage (`stores/<id>`, named by
 * `getSettings`); the server accepts new photos only from there and only when storage holds them.
 * weapp: `chooseMedia` → `Taro.cloud.uploadFile`; h5 (local demo): the picked file's bytes go to the
 * local gateway's stand-in for uploadFile.
 */
import Taro from '@tarojs/taro';
import type { Result } from '@clinic/shared';
import { getDemoOpenid } from '../../../services/demo-identity';

const FAILED = '照片上传失败，请检查网络后重试';
const fail = (): Result<string> => ({ ok: false, code: 'NETWORK', message: FAILED });
const fileName = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}.jpg`;

/** Lets the manager pick one picture and uploads it; `null` when they cancelled. */
export async function pickAndUploadStorePhoto(folder: string): Promise<Result<string> | null> {
  let path: string | undefined;
  try {
    const picked = await Taro.chooseImage({ count: 1, sizeType: ['compressed'] });
    path = picked.tempFilePaths[0];
  } catch {
    return null;
  }
  if (!path) return null;
  if (process.env.TARO_ENV === 'h5') return uploadInH5(folder, path);
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath: `${folder}/${fileName()}`, filePath: path });
    return res.fileID ? { ok: true, data: res.fileID } : fail();
  } catch {
    return fail();
  }
}

async function uploadInH5(folder: string, blobUrl: string): Promise<Result<string>> {
  const openid = getDemoOpenid();
  if (process.env.TARO_ENV !== 'h5' || !openid) return fail();
  try {
    const blob = await (await fetch(blobUrl)).blob();
    const contentBase64 = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result).split(',')[1] ?? '');
      reader.onerror = () => reject(new Error('read failed'));
      reader.readAsDataURL(blob);
    });
    const res = await fetch('/api/storage/upload', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Demo-Openid': openid },
      body: JSON.stringify({ cloudPath: `${folder}/${fileName()}`, contentBase64 }),
    });
    const body = (await res.json()) as { ok?: boolean; fileID?: unknown };
    return body.ok && typeof body.fileID === 'string' ? { ok: true, data: body.fileID } : fail();
  } catch {
    return fail();
  }
}
