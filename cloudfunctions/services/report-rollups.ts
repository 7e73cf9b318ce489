import {
  addEvent,
  dayNumberToDate,
  emptyRollup,
  shanghaiDayNumber,
  type DistinctFacts,
  type LocalDate,
  type ReportEvent,
} from '@clinic/shared';
import { rollupsInTx } from '../data/rollups';
import type { Transaction } from '../platform/db-types';

/** A report event of a write; weight -1 retracts a filing counted under its provisional attribution. */
export interface RolledEvent {
  event: ReportEvent;
  weight?: 1 | -1;
}

/**
 * Adds a write's report events to its store's day roll-ups, inside the write's transaction, with
 * the shared `addEvent` that the report tests pin. Each day document is read and written once
 * per transaction; the distinct counts (served, paying, referrers) are decided by per-month
 * markers written in the same transaction.
 */
export async function rollUp(
  tx: Transaction,
  place: { chainId: string; storeId: string },
  items: readonly RolledEvent[],
  nowIso: string,
): Promise<void> {
  if (items.length === 0) return;
  const repo = rollupsInTx(tx);
  const { chainId, storeId } = place;
  const byDate = new Map<LocalDate, { event: ReportEvent; facts: DistinctFacts; weight: 1 | -1 }[]>();
  for (const { event, weight = 1 } of items) {
    const date = dayNumberToDate(shanghaiDayNumber(event.at));
    const month = date.slice(0, 7);
    const facts: DistinctFacts = {};
    if (event.type === 'served') {
      facts.firstServed = await repo.firstInMonth('served', month, [storeId, event.staffId, event.personId], nowIso);
    } else if (event.type === 'deal' && event.amountFen > 0) {
      facts.firstPaying = await repo.firstInMonth('paying', month, [storeId, event.personId], nowIso);
    } else if (event.type === 'filing' && weight === 1 && event.referrerId && event.referrerStar !== undefined) {
      facts.firstReferrer = await repo.firstInMonth('referrer', month, [storeId, event.referrerId], nowIso);
    }
    const list = byDate.get(date) ?? [];
    list.push({ event: { ...event, storeId }, facts, weight });
    byDate.set(date, list);
  }
  for (const [date, list] of byDate) {
    const stored = await repo.getDay(storeId, date);
    const rollup = stored?.rollup ?? emptyRollup();
    const day = shanghaiDayNumber(list[0]!.event.at);
    for (const { event, facts, weight } of list) addEvent(rollup, event, facts, day, weight);
    await repo.putDay({ chainId, storeId, date, rollup, updatedAt: nowIso });
  }
}
