import { localDate, maskName, maskPhone, phoneInputSchema, type StaffContract } from '@clinic/shared';
import type { z } from 'zod';
import { customerByPhone, customersByName, getCustomer } from '../../data/customers';
import { canSeePerson, type Caller } from '../../platform/access';
import type { Database } from '../../platform/db-types';
import { AppError } from '../../platform/errors';
import { DEAL_MAKERS, callerMay } from '../../platform/staff-roles';
import { customerContext } from './customer-context';
import { cardOf } from './tasks';

type In<A extends keyof StaffContract> = z.output<StaffContract[A]['input']>;
type Me = NonNullable<Caller['staff']>;

/** The customer card: context, history and open follow-ups of a customer in the caller's scope. */
export async function customerCard(input: In<'customerCard'>, caller: Caller, db: Database, now: Date) {
  const me = caller.staff as Me;
  const customer = await getCustomer(db, input.customerId);
  if (!customer || !canSeePerson(caller, customer)) throw new AppError('NOT_FOUND', '没有找到这位顾客');
  const owns = customer.ownerStaffId === me.id;
  const context = await customerContext(db, customer, owns);
  const open = context.tasks.filter((t) => t.status === 'open');
  // Whoever has to call (the owner, or the owner of an open task) gets the number to tap.
  const mustCall = owns || open.some((t) => t.ownerStaffId === me.id);
  const today = localDate(now);
  return {
    customerId: customer._id,
    customer: mustCall ? { ...context.customer, phone: customer.phone } : context.customer,
    checkedIn: context.checkedIn,
    canRecordDeals: callerMay(caller, DEAL_MAKERS),
    openTasks: open
      .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0))
      .slice(0, 20)
      .map((t) => cardOf(t, customer, today)),
    history: context.history,
  };
}

/**
 * People pickers: a full mobile number finds the one customer of that phone; anything else is an
 * exact name (names repeat, so up to 10, masked: the desk confirms with the person in front of them).
 */
export async function findCustomers(input: In<'findCustomers'>, caller: Caller, db: Database) {
  const me = caller.staff as Me;
  const phone = phoneInputSchema.safeParse(input.query);
  const found = phone.success
    ? [await customerByPhone(db, me.chainId, phone.data)].filter((c) => c !== undefined)
    : await customersByName(
        db,
        caller.scope?.kind === 'chain' ? { chainId: me.chainId } : { chainId: me.chainId, storeId: me.storeId },
        input.query,
        10,
      );
  return {
    items: found
      .filter((c) => canSeePerson(caller, c))
      .map((c) => ({
        customerId: c._id,
        displayName: maskName(c.name),
        maskedPhone: maskPhone(c.phone),
        kind: c.kind,
      })),
  };
}
