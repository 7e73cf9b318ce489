/**
 * Where a card holder's avatar lives in cloud storage, and whether a fileID is one of theirs. The
 * client uploads into `avatars/<openid>/` (the folder getMyCard names); the server accepts only a
 * fileID of that folder, so nobody can make friends see a file someone else uploaded (another
 * holder's avatar, a clinic photo). The fileID shape is `cloud://<env>.<bucket>/<path>`.
 */
export const AVATAR_ROOT = 'avatars';
export const AVATAR_FILE_ID_MAX = 256;

export const avatarFolderOf = (openid: string): string => `${AVATAR_ROOT}/${openid}`;

/** A file name the client makes (`<time>-<random>.jpg`): no folders, no dot segments. */
const FILE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$/;

/** The cloud path of a fileID (`cloud://env.bucket/a/b.png` → `a/b.png`), or null when it is not one. */
export function cloudPathOfFileId(fileId: string): string | null {
  const match = /^cloud:\/\/[^/\s]+\/(.+)$/.exec(fileId);
  return match ? (match[1] as string) : null;
}

export function isOwnAvatarFile(fileId: string, openid: string): boolean {
  if (!openid || fileId.length > AVATAR_FILE_ID_MAX) return false;
  const path = cloudPathOfFileId(fileId);
  const folder = `${avatarFolderOf(openid)}/`;
  if (!path?.startsWith(folder)) return false;
  const name = path.slice(folder.length);
  return FILE_NAME.test(name) && !name.includes('..');
}
