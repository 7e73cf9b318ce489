import {
  avatarFolderOf,
  isOwnAvatarFile,
  shownProfileRecord,
  shownReferrer,
  type Customer,
  type ShownProfile,
} from '@clinic/shared';
import { setShownProfile } from '../../data/customers';
import type { Stored } from '../../data/documents';
import type { Database } from '../../platform/db-types';
import { AppError } from '../../platform/errors';
import { knownTempUrls, removeQuietly } from '../../services/files';

export type ShownProfileChoice = { show: true; nickname: string; avatarFileId?: string } | { show: false };

/** How friends see the holder (`shownAs`), with the avatar's temporary URL when there is one. */
export function shownAsOf(customer: Pick<Customer, 'name' | 'shownProfile'>, urls: ReadonlyMap<string, string>) {
  const shown = shownReferrer(customer, customer.shownProfile);
  const avatarUrl = shown.avatarFileId ? urls.get(shown.avatarFileId) : undefined;
  return { name: shown.name, ...(avatarUrl ? { avatarUrl } : {}) };
}

/** The holder's own view of their choice, with the folder their avatar must be uploaded into. */
export function shownProfileView(profile: ShownProfile | undefined, openid: string) {
  return {
    show: profile?.show ?? false,
    ...(profile?.nickname ? { nickname: profile.nickname } : {}),
    ...(profile?.avatarFileId ? { avatarFileId: profile.avatarFileId } : {}),
    ...(profile?.decidedAt ? { decidedAt: profile.decidedAt } : {}),
    avatarFolder: avatarFolderOf(openid),
  };
}

/**
 * setShownProfile: the avatar must be a file the caller uploaded into their own folder (decided here
 * by the caller's OPENID, never by the page) that storage actually holds. The choice replaces the
 * previous one; an avatar friends no longer see (withdrawn or replaced) is deleted from storage.
 */
export async function chooseShownProfile(
  db: Database,
  customer: Stored<Customer>,
  openid: string,
  choice: ShownProfileChoice,
  now: Date,
) {
  const urls = new Map<string, string>();
  if (choice.show && choice.avatarFileId) {
    if (!isOwnAvatarFile(choice.avatarFileId, openid)) {
      throw new AppError('FORBIDDEN', '只能使用您本人上传的头像，请重新选择头像');
    }
    const found = await knownTempUrls([choice.avatarFileId]);
    if (!found.has(choice.avatarFileId)) throw new AppError('INVALID_INPUT', '头像上传未完成，请重新选择头像');
    for (const [id, url] of found) urls.set(id, url);
  }
  const record = shownProfileRecord(choice, now.toISOString());
  await setShownProfile(db, customer._id, record);
  const previous = customer.shownProfile?.avatarFileId;
  if (previous && previous !== record.avatarFileId && isOwnAvatarFile(previous, openid)) {
    await removeQuietly([previous]);
  }
  return {
    shownAs: shownAsOf({ name: customer.name, shownProfile: record }, urls),
    shownProfile: shownProfileView(record, openid),
  };
}
