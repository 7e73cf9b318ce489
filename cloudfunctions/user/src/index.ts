import { userContract, type UserRecord } from '@clinic/shared';
import { defineFunction } from '../../common/define-function';
import { COLLECTIONS } from '../../common/collections';
import { rolesFromRecords } from '../../common/roles';
import { userIdFor } from '../../common/keys';

interface UserDoc {
  _id?: string;
  openid: string;
  roles: UserRecord['roles'];
  createdAt: Date;
  [key: string]: unknown;
}

function toRecord(id: string, doc: UserDoc): UserRecord {
  return { id, roles: doc.roles, createdAt: new Date(doc.createdAt).toISOString() };
}

export const main = defineFunction(userContract, {
  async login(_input, { openid, db, now }) {
    const id = userIdFor(openid);
    // The common case (a returning user) costs one round trip.
    const { data: existing } = await db.collection<UserDoc>(COLLECTIONS.users).doc(id).get();
    if (existing) return toRecord(id, existing);

    const roles = await rolesFromRecords(db, openid);
    return db.runTransaction(async (tx) => {
      const users = tx.collection<UserDoc>(COLLECTIONS.users);
      const raced = await users.doc(id).get();
      if (raced) return toRecord(id, raced);
      const created: UserDoc = { openid, roles, createdAt: now };
      await users.doc(id).set(created);
      return toRecord(id, created);
    });
  },
});
