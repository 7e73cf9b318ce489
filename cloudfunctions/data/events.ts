import type { ClinicEvent } from '@clinic/shared';
import type { Database } from '../platform/db-types';
import { COLLECTIONS } from './collections';
import { findWhere } from './read';

/** The chain's events from `fromDate` on (a chain plans a few a month). */
export async function comingEvents(db: Database, chainId: string, fromDate: string): Promise<ClinicEvent[]> {
  const _ = db.command;
  return findWhere<ClinicEvent>(db, COLLECTIONS.events, { chainId, date: _.gte!(fromDate) }, 100);
}
