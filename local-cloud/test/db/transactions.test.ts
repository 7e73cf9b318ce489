/** Snapshot-isolated transactions with write-write conflicts, through the real wx-server-sdk (docs/wire-protocol.md §6). */
import { rmSync } from 'fs';
import { CloudDatabase } from '../../src/db';
import { rejection, startDbFixture, tempDir, TestClock, type DbFixture } from './helpers';
import type { Loose } from '../support/sdk-harness';

let f: DbFixture;
let db: Loose;
let _: Loose;
let n = 0;
const fresh = (docs: Record<string, unknown>[] = []): string => {
  const name = `tx${++n}`;
  f.database.createCollection(name);
  if (docs.length) f.database.insertMany(name, docs);
  return name;
};
/** A write made outside any transaction, straight through the wire handler. */
const outsideSet = (c: string, id: string, data: Record<string, number>): void => {
  const reply = f.database.handle('database.modifyDocument', {
    collectionName: c,
    queryType: 'DOC',
    query: JSON.stringify({ _id: id }),
    data: JSON.stringify({ $set: data }),
    multi: false,
    merge: true,
    upsert: false,
  });
  expect(reply).toEqual({ data: { updated: 1 } });
};

beforeAll(async () => {
  f = await startDbFixture();
  db = f.db;
  _ = db.command;
});
afterAll(() => f.close());

test('runTransaction applies get/update/add/set/remove together and returns the callback result', async () => {
  const c = fresh([
    { _id: 'acct-a', balance: 100 },
    { _id: 'acct-b', balance: 0 },
    { _id: 'gone', x: 1 },
  ]);
  const result = await db.runTransaction(async (t: Loose) => {
    const a = (await t.collection(c).doc('acct-a').get()).data;
    await t
      .collection(c)
      .doc('acct-a')
      .update({ data: { balance: a.balance - 30 } });
    await t
      .collection(c)
      .doc('acct-b')
      .update({ data: { balance: _.inc(30) } });
    await t.collection(c).add({ data: { _id: 'log-1', amount: 30 } });
    await t
      .collection(c)
      .doc('fresh')
      .set({ data: { made: true } });
    await t.collection(c).doc('gone').remove();
    return 'done';
  });
  expect(result).toBe('done');
  expect(f.database.find(c)).toEqual([
    { _id: 'acct-a', balance: 70 },
    { _id: 'acct-b', balance: 30 },
    { _id: 'log-1', amount: 30 },
    { _id: 'fresh', made: true },
  ]);
});

test('writes are buffered: invisible outside until commit, visible to the transaction itself', async () => {
  const c = fresh([{ _id: 'k', v: 1 }]);
  const t = await db.startTransaction();
  await t
    .collection(c)
    .doc('k')
    .update({ data: { v: 2 } });
  await t.collection(c).add({ data: { _id: 'new', v: 3 } });
  expect((await t.collection(c).doc('k').get()).data.v).toBe(2);
  expect((await t.collection(c).doc('new').get()).data.v).toBe(3);
  expect(f.database.find(c)).toEqual([{ _id: 'k', v: 1 }]);
  await t.commit();
  expect(f.database.find(c)).toEqual([
    { _id: 'k', v: 2 },
    { _id: 'new', v: 3 },
  ]);
});

test('rollback discards the writes and runTransaction rejects with the reason', async () => {
  const c = fresh([{ _id: 'k', v: 1 }]);
  const err = await rejection(
    db.runTransaction(async (t: Loose) => {
      await t
        .collection(c)
        .doc('k')
        .update({ data: { v: 99 } });
      await t.rollback('my-reason');
    }),
  );
  expect(err).toBe('my-reason');
  const thrown = await rejection(
    db.runTransaction(async (t: Loose) => {
      await t.collection(c).doc('k').remove();
      throw new Error('boom');
    }),
  );
  expect(thrown.message).toBe('boom');
  expect(f.database.find(c)).toEqual([{ _id: 'k', v: 1 }]);
});

test('snapshot: a transaction does not see a commit made after it started', async () => {
  const c = fresh([{ _id: 'k', v: 1 }]);
  const t = await db.startTransaction();
  outsideSet(c, 'k', { v: 2 });
  f.database.insertMany(c, [{ _id: 'later', v: 5 }]);
  expect((await t.collection(c).doc('k').get()).data.v).toBe(1);
  // created after the start: absent in the snapshot (the SDK reports "does not exist")
  expect((await rejection(t.collection(c).doc('later').get())).message).toMatch(/does not exist/);
  await t.rollback();
  expect(f.database.find(c, { _id: 'k' })[0].v).toBe(2);
});

test('in-transaction get of a missing document is an empty list on the wire', async () => {
  const c = fresh();
  const t = await db.startTransaction();
  const transactionId = t.getTransactionId?.() ?? t._transaction?.getTransactionId();
  expect(transactionId).toMatch(/^txn-[0-9a-f]+$/);
  const reply = f.database.handle('database.getDocument', {
    collectionName: c,
    transactionId,
    query: '{"_id":"nope"}',
    queryType: 'DOC',
    multi: false,
  });
  expect(reply).toEqual({ data: { list: [] } });
  await t.rollback();
});

test('first committer wins: the second commit of the same document conflicts and applies nothing', async () => {
  const c = fresh([
    { _id: 'k', v: 0 },
    { _id: 'other', v: 0 },
  ]);
  const t1 = await db.startTransaction();
  const t2 = await db.startTransaction();
  await t1
    .collection(c)
    .doc('k')
    .update({ data: { v: 1 } });
  await t2
    .collection(c)
    .doc('k')
    .update({ data: { v: 2 } });
  await t2
    .collection(c)
    .doc('other')
    .update({ data: { v: 2 } });
  await t1.commit();
  const err = await rejection(t2.commit());
  expect(err.code).toBe('DATABASE_TRANSACTION_CONFLICT');
  expect(f.database.find(c)).toEqual([
    { _id: 'k', v: 1 },
    { _id: 'other', v: 0 },
  ]);
});

test('an insert conflicts with the same _id created by another commit after the start', async () => {
  const c = fresh();
  const t = await db.startTransaction();
  await t.collection(c).add({ data: { _id: 'dup', by: 'txn' } });
  await db.collection(c).add({ data: { _id: 'dup', by: 'outside' } });
  expect((await rejection(t.commit())).code).toBe('DATABASE_TRANSACTION_CONFLICT');
  expect(f.database.find(c)).toEqual([{ _id: 'dup', by: 'outside' }]);
});

test('reading a document changed by someone else is fine; only written documents conflict', async () => {
  const c = fresh([
    { _id: 'read', v: 0 },
    { _id: 'written', v: 0 },
  ]);
  const t = await db.startTransaction();
  await t.collection(c).doc('read').get();
  outsideSet(c, 'read', { v: 1 });
  await t
    .collection(c)
    .doc('written')
    .update({ data: { v: 1 } });
  await t.commit();
  expect(f.database.find(c)).toEqual([
    { _id: 'read', v: 1 },
    { _id: 'written', v: 1 },
  ]);
});

test('runTransaction retries on a write conflict and the callback runs twice', async () => {
  const c = fresh([{ _id: 'counter', v: 0 }]);
  let runs = 0;
  await db.runTransaction(async (t: Loose) => {
    runs += 1;
    const cur = (await t.collection(c).doc('counter').get()).data.v;
    if (runs === 1) outsideSet(c, 'counter', { v: 10 }); // a concurrent writer sneaks in
    await t
      .collection(c)
      .doc('counter')
      .update({ data: { v: cur + 1 } });
  });
  expect(runs).toBe(2);
  expect(f.requests.filter((r) => r.action === 'database.startTransaction').length).toBeGreaterThanOrEqual(2);
  expect(f.database.find(c)).toEqual([{ _id: 'counter', v: 11 }]); // no lost update
});

test('20 concurrent runTransaction inserts of the same _id: exactly one commits', async () => {
  const c = fresh();
  const results = await Promise.allSettled(
    Array.from({ length: 20 }, (_x, i) =>
      db.runTransaction(async (t: Loose) => {
        await t.collection(c).add({ data: { _id: 'same', by: i } });
        return i;
      }),
    ),
  );
  const winners = results.filter((r): r is PromiseFulfilledResult<number> => r.status === 'fulfilled');
  expect(winners).toHaveLength(1);
  expect(f.database.find(c)).toEqual([{ _id: 'same', by: winners[0]?.value }]);
});

test('20 concurrent increments through runTransaction lose no update', async () => {
  const c = fresh([{ _id: 'n', v: 0 }]);
  await Promise.all(
    Array.from({ length: 20 }, () =>
      db.runTransaction(async (t: Loose) => {
        const cur = (await t.collection(c).doc('n').get()).data.v;
        await t
          .collection(c)
          .doc('n')
          .update({ data: { v: cur + 1 } });
      }, 50),
    ),
  );
  expect(f.database.find(c)).toEqual([{ _id: 'n', v: 20 }]);
});

test('WHERE-type operations carrying a transactionId run outside the transaction, as on the real backend', async () => {
  const c = fresh([
    { _id: 'a', v: 0 },
    { _id: 'b', v: 0 },
  ]);
  const t = await db.startTransaction();
  const res = await t
    .collection(c)
    .where({ v: 0 })
    .update({ data: { v: 7 } });
  expect(res.stats.updated).toBe(2);
  expect(f.database.find(c, { v: 7 })).toHaveLength(2); // applied immediately
  await t.rollback();
  expect(f.database.find(c, { v: 7 })).toHaveLength(2); // and not undone
});

test('an unknown transaction id gives DATABASE_TRANSACTION_FAIL', async () => {
  const c = fresh([{ _id: 'k', v: 0 }]);
  expect(f.database.handle('database.commitTransaction', { transactionId: 'txn-bogus' }).code).toBe(
    'DATABASE_TRANSACTION_FAIL',
  );
  const reply = f.database.handle('database.modifyDocument', {
    collectionName: c,
    transactionId: 'txn-bogus',
    queryType: 'DOC',
    query: '{"_id":"k"}',
    data: '{"$set":{"v":1}}',
    multi: false,
    merge: true,
    upsert: false,
  });
  expect(reply.code).toBe('DATABASE_TRANSACTION_FAIL');
  // a finished transaction is unknown too
  const t = await db.startTransaction();
  await t.commit();
  expect((await rejection(t.commit())).code).toBe('DATABASE_TRANSACTION_FAIL');
});

test('transactions idle for more than 30 s (wall time) expire and apply nothing', () => {
  let wall = 1_000_000;
  const dir = tempDir();
  const cdb = CloudDatabase.open({ dataDir: dir, now: new TestClock().now, wallClock: () => wall });
  try {
    cdb.insertMany('c', [{ _id: 'k', v: 0 }]);
    const update = (transactionId: string): Record<string, unknown> =>
      cdb.handle('database.modifyDocument', {
        collectionName: 'c',
        transactionId,
        queryType: 'DOC',
        query: '{"_id":"k"}',
        data: '{"$set":{"v":1}}',
        multi: false,
        merge: true,
        upsert: false,
      });
    const active = cdb.handle('database.startTransaction', {}).transactionId as string;
    const idle = cdb.handle('database.startTransaction', {}).transactionId as string;
    expect(active).toMatch(/^txn-/);
    wall += 20_000;
    expect(update(active)).toEqual({ data: { updated: 1 } }); // use keeps it alive
    wall += 15_000; // idle: 35 s since its start; active: 15 s since its last use
    expect(update(idle).code).toBe('DATABASE_TRANSACTION_FAIL');
    expect(cdb.handle('database.commitTransaction', { transactionId: active })).toEqual({});
    expect(cdb.find('c')).toEqual([{ _id: 'k', v: 1 }]);
  } finally {
    cdb.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
