import {
  parseSettings,
  type ClinicSettings,
  type ClinicSettingsInput,
  type Customer,
  type Product,
  type Store,
} from '@clinic/shared';
import { COLLECTIONS } from './collections';
import type { Database } from './db-types';
import { isMissingCollection } from './roles';

/** Documents as stored: `{ _id, ...entity }` with `_id === id`. */
export type Stored<T> = T & { _id: string };

/** The chain's settings document (`_id` = chain id), defaults filled in; defaults when absent. */
export async function loadSettings(db: Database, chainId: string): Promise<ClinicSettings> {
  const { data } = await db
    .collection<Record<string, unknown> & { _id: string }>(COLLECTIONS.settings)
    .doc(chainId)
    .get();
  if (!data) return parseSettings({});
  const { _id: _ignored, ...rest } = data;
  return parseSettings(rest as ClinicSettingsInput);
}

export async function getById<T>(db: Database, collection: string, id: string): Promise<Stored<T> | null> {
  try {
    const { data } = await db.collection<Stored<T> & Record<string, unknown>>(collection).doc(id).get();
    return (data as Stored<T> | null) ?? null;
  } catch (e) {
    if (isMissingCollection(e)) return null;
    throw e;
  }
}

export const getStore = (db: Database, id: string) => getById<Store>(db, COLLECTIONS.stores, id);
export const getProduct = (db: Database, id: string) => getById<Product>(db, COLLECTIONS.products, id);
export const getCustomer = (db: Database, id: string) => getById<Customer>(db, COLLECTIONS.customers, id);

/** The caller's customer record (any kind), found by the OPENIDs linked to it. */
export async function customerOfCaller(db: Database, openid: string): Promise<Stored<Customer> | undefined> {
  const { data } = await db
    .collection<Stored<Customer> & Record<string, unknown>>(COLLECTIONS.customers)
    .where({ openids: openid })
    .limit(2)
    .get();
  // An existing customer (老客) record wins over a newer booking-created one.
  return (data.find((c) => c.kind === 'existing') ?? data[0]) as Stored<Customer> | undefined;
}

/** The customer record of a phone within a chain (one per phone). */
export async function customerByPhone(
  db: Database,
  chainId: string,
  phone: string,
): Promise<Stored<Customer> | undefined> {
  const { data } = await db
    .collection<Stored<Customer> & Record<string, unknown>>(COLLECTIONS.customers)
    .where({ chainId, phone })
    .limit(1)
    .get();
  return data[0] as Stored<Customer> | undefined;
}
