/**
 * The card holder's choice of how friends see them on the invitation (`referral.setShownProfile`),
 * and the avatar upload it needs. Only the card page (customer subpackage) imports this file.
 *
 * - weapp: the temporary file of `<Button openType="chooseAvatar">` goes to cloud storage with
 *   `Taro.cloud.uploadFile`, into the folder getMyCard named (`avatars/<openid>`); its fileID is sent.
 * - h5 (local demo): there is no WeChat avatar; the page picks a preset picture, and its bytes go to
 *   the local gateway's stand-in for uploadFile (`POST /api/storage/upload`), into the same folder.
 * Either way the server accepts only a fileID of the caller's own folder that storage holds.
 */
import Taro from '@tarojs/taro';
import { referralContract, type ActionInput, type ActionOutput, type Result } from '@clinic/shared';
import { callFunction } from './cloud';
import { getDemoOpenid } from './demo-identity';

type C = typeof referralContract;
export type ShownProfileChoice = ActionInput<C, 'setShownProfile'>;
export type ShownProfileResult = ActionOutput<C, 'setShownProfile'>;

export function setShownProfile(choice: ShownProfileChoice): Promise<Result<ShownProfileResult>> {
  return callFunction('referral', referralContract, 'setShownProfile', choice);
}

/** What is uploaded: the chooseAvatar temp file (weapp) or a picture's PNG data URL (h5 demo). */
export type AvatarSource = { filePath: string } | { dataUrl: string };

const UPLOAD_FAILED = '头像上传失败，请检查网络后重试';

/** `<time>-<random>.<ext>`: a fresh name per upload, in the characters the server accepts. */
function fileName(ext: string): string {
  return `${Date.now()}-${Math.random().toString(36).slice(2, 8)}.${ext}`;
}

function extensionOf(path: string): string {
  const ext = /\.([A-Za-z0-9]{2,5})$/.exec(path)?.[1]?.toLowerCase();
  return ext && ['jpg', 'jpeg', 'png', 'webp'].includes(ext) ? ext : 'jpg';
}

/** Uploads the avatar into `folder` and answers its fileID. */
export async function uploadAvatar(folder: string, source: AvatarSource): Promise<Result<string>> {
  if ('dataUrl' in source) return uploadInH5(folder, source.dataUrl);
  try {
    const res = await Taro.cloud.uploadFile({
      cloudPath: `${folder}/${fileName(extensionOf(source.filePath))}`,
      filePath: source.filePath,
    });
    return res.fileID ? { ok: true, data: res.fileID } : { ok: false, code: 'NETWORK', message: UPLOAD_FAILED };
  } catch {
    return { ok: false, code: 'NETWORK', message: UPLOAD_FAILED };
  }
}

async function uploadInH5(folder: string, dataUrl: string): Promise<Result<string>> {
  const openid = getDemoOpenid();
  const contentBase64 = dataUrl.split(',')[1];
  if (process.env.TARO_ENV !== 'h5' || !openid || !contentBase64) {
    return { ok: false, code: 'NETWORK', message: UPLOAD_FAILED };
  }
  try {
    const res = await fetch('/api/storage/upload', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Demo-Openid': openid },
      body: JSON.stringify({ cloudPath: `${folder}/${fileName('png')}`, contentBase64 }),
    });
    const body = (await res.json()) as { ok?: boolean; fileID?: unknown };
    return body.ok && typeof body.fileID === 'string'
      ? { ok: true, data: body.fileID }
      : { ok: false, code: 'NETWORK', message: UPLOAD_FAILED };
  } catch {
    return { ok: false, code: 'NETWORK', message: UPLOAD_FAILED };
  }
}
