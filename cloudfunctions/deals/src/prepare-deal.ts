import { availableBalance, maskName, maskPhone, type DealsContract } from '@clinic/shared';
import type { z } from 'zod';
import { getCustomer } from '../../data/customers';
import { ledgerOf } from '../../data/ledger';
import { hasCheckedIn } from '../../data/visits';
import { canSeePerson, type Caller } from '../../platform/access';
import type { Database } from '../../platform/db-types';
import { refuse } from '../../platform/errors';

type PrepareInput = z.output<DealsContract['prepare']['input']>;

/** deals.prepare: what the checkout form shows before anything is entered (writes nothing). */
export async function prepareDeal(input: PrepareInput, caller: Caller, db: Database, now: Date) {
  const customer = await getCustomer(db, input.customerId);
  if (!customer || !canSeePerson(caller, customer)) throw refuse('NOT_FOUND');
  const [checkedIn, ledger] = await Promise.all([hasCheckedIn(db, customer._id), ledgerOf(db, customer._id)]);
  const at = now.toISOString();
  return {
    customerId: customer._id,
    storeId: customer.storeId,
    customerMaskedName: maskName(customer.name),
    maskedPhone: maskPhone(customer.phone),
    checkedIn,
    usable: {
      rebate: availableBalance(ledger, customer._id, 'rebate', at),
      gift_voucher: availableBalance(ledger, customer._id, 'gift_voucher', at),
      points: availableBalance(ledger, customer._id, 'points', at),
    },
  };
}
