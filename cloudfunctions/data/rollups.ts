import { dateToDayNumber, emptyRollup, mergeRollup, type LocalDate, type Rollup } from '@clinic/shared';
import type { Database, Transaction } from '../platform/db-types';
import { COLLECTIONS } from './collections';
import { rollupMarkIdFor } from './keys';
import { findAllByKeyset } from './read';

/** One store's roll-up of one Shanghai day (`_id` = `<storeId>_<YYYYMMDD>`). */
export type DayRollupDoc = {
  _id?: string;
  chainId: string;
  storeId: string;
  date: LocalDate;
  rollup: Rollup;
  updatedAt: string;
};

export const dayRollupIdFor = (storeId: string, date: LocalDate): string => `${storeId}_${date.replace(/-/g, '')}`;

type MarkDoc = { _id?: string; month: string; createdAt: string };

export function rollupsInTx(tx: Transaction) {
  const days = tx.collection<DayRollupDoc>(COLLECTIONS.dayRollups);
  const marks = tx.collection<MarkDoc>(COLLECTIONS.rollupMarks);
  return {
    getDay: (storeId: string, date: LocalDate) => days.doc(dayRollupIdFor(storeId, date)).get(),
    putDay: (doc: Omit<DayRollupDoc, '_id'>) => days.doc(dayRollupIdFor(doc.storeId, doc.date)).set(doc),
    /**
     * Whether `kind`/`parts` is counted for the first time in `month`; marks it if so. Read and
     * written in the caller's transaction, so two concurrent events cannot both be first.
     */
    async firstInMonth(kind: string, month: string, parts: string[], nowIso: string): Promise<boolean> {
      const ref = marks.doc(rollupMarkIdFor(kind, month, ...parts));
      if (await ref.get()) return false;
      await ref.set({ month, createdAt: nowIso });
      return true;
    },
  };
}

/**
 * The day roll-ups of one store (or the whole chain) from `from` to `to`, summed over the stores
 * by Shanghai day number. A 10-store chain's two months are ~600 small documents.
 */
export async function dayRollupsBetween(
  db: Database,
  scope: { chainId: string; storeId?: string | undefined },
  from: LocalDate,
  to: LocalDate,
): Promise<Map<number, Rollup>> {
  const _ = db.command;
  const docs = await findAllByKeyset<DayRollupDoc>(db, COLLECTIONS.dayRollups, {
    chainId: scope.chainId,
    ...(scope.storeId ? { storeId: scope.storeId } : {}),
    date: _.and!(_.gte!(from), _.lte!(to)),
  });
  const byDay = new Map<number, Rollup>();
  for (const doc of docs) {
    const day = dateToDayNumber(doc.date);
    const sum = byDay.get(day);
    if (sum) mergeRollup(sum, doc.rollup);
    else byDay.set(day, mergeRollup(emptyRollup(), doc.rollup));
  }
  return byDay;
}
