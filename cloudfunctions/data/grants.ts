import { afterSubscribeResults, type GrantBank, type SubscribeResult } from '@clinic/shared';
import type { Database, Transaction } from '../platform/db-types';
import { COLLECTIONS } from './collections';
import { grantIdFor } from './keys';
import { getById } from './read';
import { transact } from '../platform/transaction';

/** One-time subscribe grants banked for a (WeChat user, template): `_id` = grantIdFor(openid, template). */
export type GrantDoc = {
  openid: string;
  templateId: string;
  count: number;
  updatedAt: string;
};

/** What the bank holds for one template (0 when nothing was ever banked). */
export async function grantCount(db: Database, openid: string, templateId: string): Promise<number> {
  return (await getById<GrantDoc>(db, COLLECTIONS.subscribeGrants, grantIdFor(openid, templateId)))?.count ?? 0;
}

/** The bank of several templates, read and written in one transaction (a subscribe result adds to it). */
export function grantsInTx(tx: Transaction, openid: string) {
  const grants = tx.collection<GrantDoc & { _id?: string }>(COLLECTIONS.subscribeGrants);
  return {
    async read(templateIds: readonly string[]): Promise<GrantBank> {
      const docs = await Promise.all(templateIds.map((t) => grants.doc(grantIdFor(openid, t)).get()));
      return Object.fromEntries(templateIds.map((t, i) => [t, docs[i]?.count ?? 0]));
    },
    async write(bank: GrantBank, at: string): Promise<void> {
      for (const [templateId, count] of Object.entries(bank)) {
        await grants.doc(grantIdFor(openid, templateId)).set({ openid, templateId, count, updatedAt: at });
      }
    },
  };
}

/**
 * Spends one grant after a successful send: a conditional update (count > 0), so two sends that
 * race never take the bank below zero. False when there was none to spend.
 */
export async function spendGrant(db: Database, openid: string, templateId: string, at: string): Promise<boolean> {
  const _ = db.command;
  const { stats } = await db
    .collection(COLLECTIONS.subscribeGrants)
    .where({ _id: grantIdFor(openid, templateId), count: _.gt!(0) })
    .update({ data: { count: _.inc!(-1), updatedAt: at } });
  return stats.updated > 0;
}

/** WeChat said no grant is left (43101): the bank is emptied, so the next message goes another way. */
export async function emptyGrants(db: Database, openid: string, templateId: string, at: string): Promise<void> {
  await db
    .collection(COLLECTIONS.subscribeGrants)
    .where({ _id: grantIdFor(openid, templateId) })
    .update({ data: { count: 0, updatedAt: at } });
}

/**
 * Banks what `wx.requestSubscribeMessage` answered: +1 for each accepted template (the shared
 * grant-bank rule), in one transaction (read → set), so two pages that bank at once both count.
 * Returns the bank of the templates asked, after.
 */
export async function bankSubscribeResults(
  db: Database,
  openid: string,
  results: Readonly<Record<string, SubscribeResult>>,
  at: string,
): Promise<GrantBank> {
  const templateIds = Object.keys(results);
  return transact(db, async (tx) => {
    const grants = grantsInTx(tx, openid);
    const bank = await grants.read(templateIds);
    const next = afterSubscribeResults(bank, results);
    await grants.write(Object.fromEntries(Object.entries(next).filter(([t, n]) => n !== bank[t])), at);
    return next;
  });
}
