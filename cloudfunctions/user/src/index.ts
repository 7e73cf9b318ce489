import { maskPhone, userContract, type UserRecord } from '@clinic/shared';
import { recordsOfCaller, rolesOf, type CallerRecords } from '../../data/roles';
import { createUserOnce, getUser, type UserDoc } from '../../data/users';
import { userIdFor } from '../../data/keys';
import { admitsStaff } from '../../platform/access';
import { defineFunction } from '../../platform/define-function';
import { CLINIC_MANAGERS } from '../../platform/staff-roles';
import { transact } from '../../platform/transaction';
import { recordCustomerSubscription } from './subscriptions';

/** The record the client shows: roles and 新客/老客 as the clinic's records stand now. */
function toRecord(doc: UserDoc, id: string, records: CallerRecords): UserRecord {
  const { customer } = records;
  return {
    id,
    roles: rolesOf(records),
    createdAt: new Date(doc.createdAt).toISOString(),
    customer: customer ? { kind: customer.kind, maskedPhone: maskPhone(customer.phone) } : null,
    // The same list the admin function's guard checks, so the entry shows exactly for who may.
    ...(admitsStaff(CLINIC_MANAGERS, records.staff) ? { managesClinic: true } : {}),
  };
}

export const main = defineFunction(
  userContract,
  {
    async login(_input, { openid, db, now }) {
      const id = userIdFor(openid);
      // A returning user costs one round of latency: the user doc and the caller's staff and
      // customer records are read in parallel, so roles and 新客/老客 are never stale (a deal that
      // makes a 新客 a 老客, a colleague deactivated yesterday).
      const [existing, records] = await Promise.all([getUser(db, openid), recordsOfCaller(db, openid)]);
      if (existing) return toRecord(existing, id, records);
      // transact retries conflicts with backoff: 20 first logins at once converge on one record.
      const created = await transact(db, (tx) =>
        createUserOnce(tx, openid, { openid, roles: rolesOf(records), createdAt: now }),
      );
      return toRecord(created, id, records);
    },
    recordSubscription: (input, { openid, db, now }) => recordCustomerSubscription(input, openid, db, now),
  },
  { access: { login: ['user'], recordSubscription: ['user'] } },
);
