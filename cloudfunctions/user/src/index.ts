import { userContract, type UserRecord } from '@clinic/shared';
import { rolesFromRecords } from '../../data/roles';
import { createUserOnce, getUser, type UserDoc } from '../../data/users';
import { userIdFor } from '../../data/keys';
import { defineFunction } from '../../platform/define-function';
import { transact } from '../../platform/transaction';
import { recordCustomerSubscription } from './subscriptions';

function toRecord(doc: UserDoc, id: string): UserRecord {
  return { id, roles: doc.roles, createdAt: new Date(doc.createdAt).toISOString() };
}

export const main = defineFunction(
  userContract,
  {
    async login(_input, { openid, db, now }) {
      const id = userIdFor(openid);
      // The common case (a returning user) costs one round trip.
      const existing = await getUser(db, openid);
      if (existing) return toRecord(existing, id);
      const roles = await rolesFromRecords(db, openid);
      // transact retries conflicts with backoff: 20 first logins at once converge on one record.
      const created = await transact(db, (tx) => createUserOnce(tx, openid, { openid, roles, createdAt: now }));
      return toRecord(created, id);
    },
    recordSubscription: (input, { openid, db, now }) => recordCustomerSubscription(input, openid, db, now),
  },
  { access: { login: ['user'], recordSubscription: ['user'] } },
);
