import { defaultOwner, referrerOwner, type Owner, type ReferrerOwnership, type Store } from '@clinic/shared';
import { activeStaffOfStore } from '../data/staff';
import type { Database } from '../platform/db-types';

/**
 * Who owns a new filing (shared `referrerOwner`, then `defaultOwner`): the referrer's owner for a
 * level-1 老带新 filing, otherwise the store's call centre. Reads the store's staff only when the
 * referrer does not decide it. Runs before the filing's transaction (queries cannot run inside one).
 */
export async function assignOwner(
  db: Database,
  store: Store,
  channel: string,
  referrer: ReferrerOwnership | undefined,
): Promise<Owner | undefined> {
  return referrerOwner(channel, referrer) ?? defaultOwner(await activeStaffOfStore(db, store.id));
}
