import type { Customer, CustomerOnRecord } from '@clinic/shared';
import { customersByPhones } from '../../data/customers';
import type { Stored } from '../../data/documents';
import { personIdFor } from '../../data/keys';
import { personsByIds } from '../../data/people';
import type { Database } from '../../platform/db-types';

/** Phones per query pair (customers by phone, persons by id); the server's page is 1000. */
const PAGE = 500;

export function onRecordOf(c: Customer): CustomerOnRecord {
  return {
    customerId: c.id,
    kind: c.kind,
    storeId: c.storeId,
    ...(c.ownerStaffId ? { ownerStaffId: c.ownerStaffId } : {}),
    ...(c.starLevel !== undefined ? { starLevel: c.starLevel } : {}),
    ...(c.lastTreatmentDate ? { lastTreatmentDate: c.lastTreatmentDate } : {}),
    ...(c.note !== undefined ? { note: c.note } : {}),
  };
}

/**
 * What the chain holds for each phone: its customer record, or — for a person doc without one — a
 * person filed in this product (treated as a 新客). Two queries per 500 phones, a few pages at once.
 */
export async function loadOnRecord(
  db: Database,
  chainId: string,
  phones: readonly string[],
): Promise<Map<string, CustomerOnRecord>> {
  const found = new Map<string, CustomerOnRecord>();
  const pages: string[][] = [];
  for (let i = 0; i < phones.length; i += PAGE) pages.push(phones.slice(i, i + PAGE));
  const loadPage = async (page: string[]) => {
    const [customers, persons] = await Promise.all([
      customersByPhones(db, chainId, page),
      personsByIds(
        db,
        page.map((p) => personIdFor(chainId, p)),
      ),
    ]);
    for (const c of customers as Stored<Customer>[]) found.set(c.phone, onRecordOf({ ...c, id: c._id }));
    for (const phone of page) {
      const person = persons.get(personIdFor(chainId, phone));
      if (person && !found.has(phone)) found.set(phone, { customerId: person.customerId, kind: 'new', storeId: '' });
    }
  };
  for (let i = 0; i < pages.length; i += 3) await Promise.all(pages.slice(i, i + 3).map(loadPage));
  return found;
}
