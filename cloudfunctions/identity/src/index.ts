import { identityContract, maskPhone } from '@clinic/shared';
import { customersByPhone, linkOpenid } from '../../data/customers';
import { rolesFromRecords } from '../../data/roles';
import { createUserOnce, updateUser } from '../../data/users';
import { defineFunction } from '../../platform/define-function';
import { refuse } from '../../platform/errors';
import { transact } from '../../platform/transaction';
import { phoneFromCode } from '../../services/phone-from-code';

/** A customer record keeps at most this many WeChat users (customerSchema.openids). */
const MAX_OPENIDS = 10;

export const main = defineFunction(
  identityContract,
  {
    /**
     * Links the caller (OPENID) to the customer record of the phone WeChat vouches for; a person who
     * is nobody's customer yet gets the phone on their user record (they can book; no card).
     */
    async bindPhone({ code }, { openid, db, now }) {
      const phone = await phoneFromCode(code);
      const matches = await customersByPhone(db, phone);
      const customer = matches.find((c) => c.kind === 'existing') ?? matches[0];
      if (customer && !customer.openids.includes(openid)) {
        if (customer.openids.length >= MAX_OPENIDS) throw refuse('TOO_MANY_WECHAT_ACCOUNTS');
        await linkOpenid(db, customer._id, openid);
      }

      const _ = db.command;
      const patch = { phone, customerId: customer?._id ?? null, phoneBoundAt: now.toISOString() };
      const updated = await updateUser(db, openid, customer ? { ...patch, roles: _.addToSet!('customer') } : patch);
      if (!updated) {
        // No user record yet (bindPhone before login): create it as login would, with the phone.
        const roles = await rolesFromRecords(db, openid);
        await transact(db, (tx) => createUserOnce(tx, openid, { openid, roles, createdAt: now, ...patch }, patch));
      }
      return {
        maskedPhone: maskPhone(phone),
        ...(customer ? { customerId: customer._id } : {}),
        customerKind: customer?.kind ?? 'none',
      };
    },
  },
  { access: { bindPhone: ['user'] } },
);
