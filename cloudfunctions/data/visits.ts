import type { Visit } from '@clinic/shared';
import type { Database, Transaction } from '../platform/db-types';
import { COLLECTIONS } from './collections';
import type { Stored } from './documents';
import { findAllByKeyset, findWhere } from './read';

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

/** Visits a staff member received or checked in during [from, to) (instants): customers served. */
export async function visitsServedBetween(
  db: Database,
  staffId: string,
  bounds: { from: string; to: string },
): Promise<Stored<Visit>[]> {
  const _ = db.command;
  const at = _.and!(_.gte!(bounds.from), _.lt!(bounds.to));
  const [received, checkedIn] = await Promise.all([
    findAllByKeyset<Visit>(db, COLLECTIONS.visits, { receivedByStaffId: staffId, at }),
    findAllByKeyset<Visit>(db, COLLECTIONS.visits, { checkedInByStaffId: staffId, at }),
  ]);
  const byId = new Map([...received, ...checkedIn].map((v) => [v._id, v]));
  return [...byId.values()];
}
