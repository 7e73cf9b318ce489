import type { Role } from '@clinic/shared';
import type { Database, Transaction } from '../platform/db-types';
import { COLLECTIONS } from './collections';
import { userIdFor } from './keys';

/** A WeChat user of the mini-program (`_id` = userIdFor(openid)). */
export type UserDoc = {
  _id?: string;
  openid: string;
  roles: Role[];
  createdAt: Date | string;
  phone?: string;
  customerId?: string | null;
  phoneBoundAt?: string;
};

export async function getUser(db: Database, openid: string): Promise<UserDoc | null> {
  const { data } = await db.collection<UserDoc>(COLLECTIONS.users).doc(userIdFor(openid)).get();
  return data;
}

/** Updates the user record; false when there is none yet. */
export async function updateUser(db: Database, openid: string, patch: Record<string, unknown>): Promise<boolean> {
  const { stats } = await db.collection<UserDoc>(COLLECTIONS.users).doc(userIdFor(openid)).update({ data: patch });
  return stats.updated > 0;
}

/**
 * Creates the user record once: concurrent first calls converge on one document (the id is derived
 * from the OPENID); a record that appeared meanwhile gets `patch` instead.
 */
export async function createUserOnce(
  tx: Transaction,
  openid: string,
  created: Omit<UserDoc, '_id'>,
  patch: Record<string, unknown> = {},
): Promise<UserDoc> {
  const users = tx.collection<UserDoc>(COLLECTIONS.users);
  const id = userIdFor(openid);
  const raced = await users.doc(id).get();
  if (raced) {
    if (Object.keys(patch).length > 0) await users.doc(id).update(patch);
    return { ...raced, ...patch };
  }
  await users.doc(id).set(created);
  return created;
}
