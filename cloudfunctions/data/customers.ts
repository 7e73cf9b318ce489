import type { Customer, ShownProfile } from '@clinic/shared';
import type { Database, Transaction } from '../platform/db-types';
import { COLLECTIONS } from './collections';
import type { Stored } from './documents';
import { findAllByKeyset, findWhere, getById } from './read';

export const getCustomer = (db: Database, id: string) => getById<Customer>(db, COLLECTIONS.customers, id);

/** Several customers by id, in one query (a page of tasks, a queue). */
export async function customersByIds(db: Database, ids: readonly string[]): Promise<Map<string, Stored<Customer>>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const _ = db.command;
  const found = await findWhere<Customer>(db, COLLECTIONS.customers, { _id: _.in!(unique) }, unique.length);
  return new Map(found.map((c) => [c._id, c]));
}

/** The caller's customer record (any kind), found by the OPENIDs linked to it. */
export async function customerOfCaller(db: Database, openid: string): Promise<Stored<Customer> | undefined> {
  const found = await findWhere<Customer>(db, COLLECTIONS.customers, { openids: openid }, 2);
  // An existing customer (老客) record wins over a newer booking-created one.
  return found.find((c) => c.kind === 'existing') ?? found[0];
}

/** The customer record of a phone within a chain (one per phone). */
export async function customerByPhone(
  db: Database,
  chainId: string,
  phone: string,
): Promise<Stored<Customer> | undefined> {
  return (await findWhere<Customer>(db, COLLECTIONS.customers, { chainId, phone }, 1))[0];
}

/** The customer records of these phones within a chain (an import's chunk: at most 1000 phones). */
export async function customersByPhones(
  db: Database,
  chainId: string,
  phones: readonly string[],
): Promise<Stored<Customer>[]> {
  const unique = [...new Set(phones)];
  if (unique.length === 0) return [];
  return findWhere<Customer>(db, COLLECTIONS.customers, { chainId, phone: db.command.in!(unique) }, unique.length);
}

/** Every customer record of a phone, across chains (identity.bindPhone links the caller to them). */
export const customersByPhone = (db: Database, phone: string) =>
  findWhere<Customer>(db, COLLECTIONS.customers, { phone }, 10);

/** Links a WeChat user to a customer record (idempotent). */
export async function linkOpenid(db: Database, customerId: string, openid: string): Promise<void> {
  const _ = db.command;
  await db
    .collection(COLLECTIONS.customers)
    .doc(customerId)
    .update({ data: { openids: _.addToSet!(openid) } });
}

export function customersInTx(tx: Transaction) {
  const coll = tx.collection<Customer & { _id?: string }>(COLLECTIONS.customers);
  return {
    get: (customerId: string) => coll.doc(customerId).get(),
    create: (customer: Customer) => coll.doc(customer.id).set(customer),
    markHasReferred: (customerId: string) => coll.doc(customerId).update({ hasReferred: true }),
    /** A deal or ledger entry for the customer moves `accountVersion` on (see customerSchema). */
    recordAccountChange: (customerId: string, seenVersion: number, patch: Partial<Customer> = {}) =>
      coll.doc(customerId).update({ ...patch, accountVersion: seenVersion + 1 }),
  };
}

/** A staff member's old customers (老客), all of them (a staff member owns hundreds at most). */
export const ownedExistingCustomers = (db: Database, ownerStaffId: string): Promise<Stored<Customer>[]> =>
  findAllByKeyset<Customer>(db, COLLECTIONS.customers, { ownerStaffId, kind: 'existing' });

export async function markAsked(db: Database, customerId: string, on: string): Promise<void> {
  await db
    .collection(COLLECTIONS.customers)
    .doc(customerId)
    .update({ data: { lastAskedOn: on } });
}

/** Gives every customer one staff member owns to another (and their department), in one update. */
export async function handOverCustomers(
  db: Database,
  fromStaffId: string,
  to: { staffId: string; department: Customer['ownerDepartment'] },
): Promise<number> {
  const { stats } = await db
    .collection(COLLECTIONS.customers)
    .where({ ownerStaffId: fromStaffId })
    .update({ data: { ownerStaffId: to.staffId, ...(to.department ? { ownerDepartment: to.department } : {}) } });
  return stats.updated;
}

/** Customers with exactly this name in a chain, or one of its stores (a name is not unique). */
export const customersByName = (
  db: Database,
  where: { chainId: string; storeId?: string },
  name: string,
  limit: number,
) => findWhere<Customer>(db, COLLECTIONS.customers, { ...where, name }, limit);

/** The holder's choice of how friends see them, replacing the previous one whole (`_.set`). */
export async function setShownProfile(db: Database, customerId: string, profile: ShownProfile): Promise<void> {
  const _ = db.command;
  await db
    .collection(COLLECTIONS.customers)
    .doc(customerId)
    .update({ data: { shownProfile: _.set!(profile) } });
}
