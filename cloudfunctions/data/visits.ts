import type { Visit } from '@clinic/shared';
import type { Database, Transaction } from '../platform/db-types';
import { COLLECTIONS } from './collections';
import type { Stored } from './documents';
import { findWhere } from './read';

/** A person's visits, earliest first (a person visits a few times a year). */
export async function visitsOf(db: Database, customerId: string): Promise<Stored<Visit>[]> {
  const visits = await findWhere<Visit>(db, COLLECTIONS.visits, { customerId }, 1000);
  return visits.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.id < b.id ? -1 : 1));
}

/** Whether the person has checked in at least once (any store, any day). */
export async function hasCheckedIn(db: Database, customerId: string): Promise<boolean> {
  return (await findWhere<Visit>(db, COLLECTIONS.visits, { customerId }, 1)).length > 0;
}

export function visitsInTx(tx: Transaction) {
  const visits = tx.collection<Visit & { _id?: string }>(COLLECTIONS.visits);
  return {
    get: (id: string) => visits.doc(id).get(),
    put: (visit: Visit) => visits.doc(visit.id).set(visit),
  };
}
