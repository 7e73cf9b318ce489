import { identityContract, maskPhone, type Customer, type Role } from '@clinic/shared';
import { defineFunction } from '../../common/define-function';
import { AppError } from '../../common/errors';
import { COLLECTIONS } from '../../common/collections';
import { MESSAGES } from '../../common/codes';
import type { Stored } from '../../common/clinic';
import { userIdFor } from '../../common/keys';
import { rolesFromRecords } from '../../common/roles';
import { phoneFromCode } from '../../common/phone-from-code';
import { transact } from '../../common/transaction';

/** A customer record keeps at most this many WeChat users (customerSchema.openids). */
const MAX_OPENIDS = 10;

interface UserDoc {
  _id?: string;
  openid: string;
  roles: Role[];
  createdAt: Date | string;
  phone?: string;
  customerId?: string | null;
  phoneBoundAt?: string;
  [key: string]: unknown;
}

export const main = defineFunction(identityContract, {
  /**
   * Links the caller (OPENID) to the customer record of the phone WeChat vouches for; a person who
   * is nobody's customer yet gets the phone on their user record (they can book; no card).
   */
  async bindPhone({ code }, { openid, db, now }) {
    const phone = await phoneFromCode(code);
    const _ = db.command;
    const { data } = await db
      .collection<Stored<Customer> & Record<string, unknown>>(COLLECTIONS.customers)
      .where({ phone })
      .limit(10)
      .get();
    const matches = data as Stored<Customer>[];
    const customer = matches.find((c) => c.kind === 'existing') ?? matches[0];
    if (customer && !customer.openids.includes(openid)) {
      if (customer.openids.length >= MAX_OPENIDS) {
        throw new AppError('TOO_MANY_WECHAT_ACCOUNTS', MESSAGES.TOO_MANY_WECHAT_ACCOUNTS);
      }
      await db
        .collection(COLLECTIONS.customers)
        .doc(customer._id)
        .update({ data: { openids: _.addToSet!(openid) } });
    }

    const users = db.collection<UserDoc>(COLLECTIONS.users);
    const userId = userIdFor(openid);
    const patch = { phone, customerId: customer?._id ?? null, phoneBoundAt: now.toISOString() };
    const { stats } = await users
      .doc(userId)
      .update({ data: customer ? { ...patch, roles: _.addToSet!('customer') } : patch });
    if (stats.updated === 0) {
      // No user record yet (bindPhone before login): create it as login would, with the phone.
      const roles = await rolesFromRecords(db, openid);
      await transact(db, async (tx) => {
        const coll = tx.collection<UserDoc>(COLLECTIONS.users);
        const raced = await coll.doc(userId).get();
        if (raced) await coll.doc(userId).update(patch);
        else await coll.doc(userId).set({ openid, roles, createdAt: now, ...patch });
      });
    }
    return {
      maskedPhone: maskPhone(phone),
      ...(customer ? { customerId: customer._id } : {}),
      customerKind: customer?.kind ?? 'none',
    };
  },
});
