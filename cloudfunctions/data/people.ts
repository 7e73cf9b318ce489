import type { AttributionRecord, Filing } from '@clinic/shared';
import type { Database, Transaction } from '../platform/db-types';
import { COLLECTIONS } from './collections';
import type { Stored } from './documents';
import { findAllByKeyset, findWhere, getById } from './read';

/**
 * One per phone and chain (`_id` = personIdFor): the person's bookkeeping. Every booking of that
 * phone reads and writes it in its transaction, which serialises them.
 */
export type PersonDoc = {
  _id?: string;
  chainId: string;
  customerId: string;
  /** The first filing (absent for a person filed before this product, e.g. a CRM import). */
  filingId: string | null;
  /** R9: the person's referrer for benefits (first filing's, or a late claim's — see fileOrTouch). */
  referrerCustomerId: string | null;
  upcomingBookingId: string | null;
  bookings: number;
  touches: number;
  createdAt: string;
  updatedAt: string;
};

/** People, their filings (first filing and touches) and the attribution decided at filing. */
export function peopleInTx(tx: Transaction) {
  const persons = tx.collection<PersonDoc>(COLLECTIONS.persons);
  const filings = tx.collection<Filing & { _id?: string }>(COLLECTIONS.filings);
  const attributions = tx.collection<AttributionRecord & { _id?: string }>(COLLECTIONS.attributions);
  return {
    getPerson: (personId: string) => persons.doc(personId).get(),
    putPerson: (personId: string, person: Omit<PersonDoc, '_id'>) => persons.doc(personId).set(person),
    updatePerson: (personId: string, patch: Partial<PersonDoc>) => persons.doc(personId).update(patch),
    /** A filing is written once and never updated (R8: there is no operation that changes one). */
    addFiling: (filing: Filing) => filings.doc(filing.id).set(filing),
    /** `_id` = customer id: the attribution decided at filing, final at the first visit. */
    getAttribution: (customerId: string) => attributions.doc(customerId).get(),
    putAttribution: (record: AttributionRecord) => attributions.doc(record.customerId).set(record),
  };
}

/** Person docs by id, in one query (an import's chunk: at most 1000). */
export async function personsByIds(db: Database, ids: readonly string[]): Promise<Map<string, Stored<PersonDoc>>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const found = await findWhere<PersonDoc>(db, COLLECTIONS.persons, { _id: db.command.in!(unique) }, unique.length);
  return new Map(found.map((p) => [p._id, p]));
}

export const getPerson = (db: Database, personId: string) => getById<PersonDoc>(db, COLLECTIONS.persons, personId);
export const getAttribution = (db: Database, customerId: string) =>
  getById<AttributionRecord>(db, COLLECTIONS.attributions, customerId);

/** A person's first filing and touches, earliest first (a person is filed once, touched a few times). */
export async function filingsOf(db: Database, customerId: string): Promise<Stored<Filing>[]> {
  const filings = await findWhere<Filing>(db, COLLECTIONS.filings, { customerId }, 1000);
  return filings.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.id < b.id ? -1 : 1));
}

/** Attributions credited to a staff member whose `field` instant falls in [from, to) (a month's figures). */
export function attributionsCreditedBetween(
  db: Database,
  staffId: string,
  field: 'filedAt' | 'firstVisitAt',
  bounds: { from: string; to: string },
) {
  const _ = db.command;
  return findAllByKeyset<AttributionRecord>(db, COLLECTIONS.attributions, {
    creditedStaffId: staffId,
    [field]: _.and!(_.gte!(bounds.from), _.lt!(bounds.to)),
  });
}
