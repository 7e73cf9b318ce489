/**
 * Wire-protocol canary: the request bodies the INSTALLED wx-server-sdk sends must still be the ones captured from
 * wx-server-sdk 4.0.2 (→ @cloudbase/database 1.4.3), held verbatim below; docs/wire-protocol.md §4 describes them.
 * If an SDK upgrade changes any of them, the failing test names the user call and the diff shows the new body:
 * update docs/wire-protocol.md and the stand-in together.
 *
 * Compared after dropping the common fields (§2); transaction ids become "<txn>". Every other value is fixed
 * by the calls below, so the EJSON strings are compared verbatim.
 */
import { startDbFixture, type DbFixture, type WireRecord } from './helpers';
import type { Loose } from '../support/sdk-harness';

const COMMON_FIELDS = [
  'envName',
  'wxCloudApiToken',
  'tcb_sessionToken',
  'crossAuthorizationToken',
  'wxCloudbaseAccesstoken',
  'sessionToken',
];

let f: DbFixture;
let db: Loose;
let _: Loose;

beforeAll(async () => {
  f = await startDbFixture();
  db = f.db;
  _ = db.command;
});
afterAll(() => f.close());

beforeEach(() => {
  // a fresh, known collection "c" (captures used that name) with a document "doc-1"
  f.database.handle('database.removeDocument', { collectionName: 'c', queryType: 'WHERE', query: '{}', multi: true });
  f.database.insertMany('c', [{ _id: 'doc-1', a: 1, j: [1, 2] }]);
});

function normalize(records: WireRecord[]): Record<string, unknown>[] {
  return records.map(({ body }) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(body)) {
      if (COMMON_FIELDS.includes(k)) continue;
      out[k] = k === 'transactionId' && typeof v === 'string' && /^txn-/.test(v) ? '<txn>' : v;
    }
    return out;
  });
}

/** Runs `call`, returns the normalized bodies it sent. */
async function sent(call: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const from = f.requests.length;
  await call();
  return normalize(f.requests.slice(from));
}

const cases: [string, () => Promise<unknown>, Record<string, unknown>[]][] = [
  [
    'add',
    () =>
      db.collection('c').add({
        data: {
          a: 1,
          s: 'xyz',
          d: db.serverDate(),
          t: new Date(1704164645678),
          f: 1.5,
          big: 2 ** 40,
          nested: { arr: [1, 'two'] },
        },
      }),
    [
      {
        collectionName: 'c',
        data: [
          '{"a":{"$numberInt":"1"},"s":"xyz","d":{"$tcb_server_date":{"offset":{"$numberInt":"0"}}},"t":{"$date":{"$numberLong":"1704164645678"}},"f":{"$numberDouble":"1.5"},"big":{"$numberLong":"1099511627776"},"nested":{"arr":[{"$numberInt":"1"},"two"]}}',
        ],
        action: 'database.insertDocument',
      },
    ],
  ],
  [
    'where().orderBy().skip().limit().field().get()',
    () =>
      db
        .collection('c')
        .where({ a: _.gt(0), s: /x/ })
        .orderBy('a', 'desc')
        .skip(1)
        .limit(5)
        .field({ a: true })
        .get(),
    [
      {
        collectionName: 'c',
        queryType: 'WHERE',
        query: '{"a":{"$gt":{"$numberInt":"0"}},"s":{"$regularExpression":{"pattern":"x","options":""}}}',
        order: '{"a":{"$numberInt":"-1"}}',
        offset: 1,
        limit: 5,
        projection: '{"a":{"$numberInt":"1"}}',
        action: 'database.getDocument',
      },
    ],
  ],
  [
    'get() with no where/limit',
    () => db.collection('c').get(),
    [{ collectionName: 'c', queryType: 'WHERE', limit: 100, action: 'database.getDocument' }],
  ],
  [
    'doc().get()',
    () => db.collection('c').doc('doc-1').get(),
    [{ collectionName: 'c', query: '{"_id":"doc-1"}', queryType: 'DOC', multi: false, action: 'database.getDocument' }],
  ],
  [
    'doc().update()',
    () =>
      db
        .collection('c')
        .doc('doc-1')
        .update({ data: { a: _.inc(1), arr: _.push([1]), 'nested.x': 'y', when: db.serverDate({ offset: 1000 }) } }),
    [
      {
        collectionName: 'c',
        data: '{"$inc":{"a":{"$numberInt":"1"}},"$push":{"arr":{"$each":[{"$numberInt":"1"}]}},"$set":{"nested.x":"y","when":{"$tcb_server_date":{"offset":{"$numberInt":"1000"}}}}}',
        query: '{"_id":"doc-1"}',
        queryType: 'DOC',
        multi: false,
        merge: true,
        upsert: false,
        action: 'database.modifyDocument',
      },
    ],
  ],
  [
    'where().update()',
    () =>
      db
        .collection('c')
        .where({ a: _.gte(3) })
        .update({ data: { flag: true, u: _.set({ k: 1 }), r: _.remove() } }),
    [
      {
        collectionName: 'c',
        queryType: 'WHERE',
        multi: true,
        merge: true,
        upsert: false,
        data: '{"$set":{"flag":true,"u":{"k":{"$numberInt":"1"}}},"$unset":{"r":""}}',
        query: '{"a":{"$gte":{"$numberInt":"3"}}}',
        action: 'database.modifyDocument',
      },
    ],
  ],
  [
    'doc().set()',
    () =>
      db
        .collection('c')
        .doc('fixed-id')
        .set({ data: { a: 9, t: new Date(0) } }),
    [
      {
        collectionName: 'c',
        queryType: 'DOC',
        data: '{"a":{"$numberInt":"9"},"t":{"$date":{"$numberLong":"0"}}}',
        multi: false,
        merge: false,
        upsert: true,
        query: '{"_id":"fixed-id"}',
        action: 'database.modifyDocument',
      },
    ],
  ],
  [
    'count()',
    () =>
      db
        .collection('c')
        .where({ a: _.gt(0) })
        .count(),
    [
      {
        collectionName: 'c',
        queryType: 'WHERE',
        query: '{"a":{"$gt":{"$numberInt":"0"}}}',
        action: 'database.calculateDocument',
      },
    ],
  ],
  [
    'doc().remove()',
    () => db.collection('c').doc('doc-1').remove(),
    [
      {
        collectionName: 'c',
        query: '{"_id":"doc-1"}',
        queryType: 'DOC',
        multi: false,
        action: 'database.removeDocument',
      },
    ],
  ],
  [
    'where().remove()',
    () =>
      db
        .collection('c')
        .where({ a: _.lt(4) })
        .remove(),
    [
      {
        collectionName: 'c',
        query: '{"a":{"$lt":{"$numberInt":"4"}}}',
        queryType: 'WHERE',
        multi: true,
        action: 'database.removeDocument',
      },
    ],
  ],
  [
    'aggregate() $match/$group',
    () =>
      db
        .collection('c')
        .aggregate()
        .match({ a: 1 })
        .group({ _id: '$a', n: _.aggregate.sum(1) })
        .end(),
    [
      {
        collectionName: 'c',
        stages: [
          { stageKey: '$match', stageValue: '{"a":{"$numberInt":"1"}}' },
          { stageKey: '$group', stageValue: '{"_id":"$a","n":{"$sum":{"$numberInt":"1"}}}' },
        ],
        action: 'database.aggregateDocuments',
      },
    ],
  ],
  [
    "aggregate() non-object stage values are JSON.stringify'd",
    () => db.collection('c').aggregate().unwind('$j').limit(10).count('n').end(),
    [
      {
        collectionName: 'c',
        stages: [
          { stageKey: '$unwind', stageValue: '"$j"' },
          { stageKey: '$limit', stageValue: '10' },
          { stageKey: '$count', stageValue: '"n"' },
        ],
        action: 'database.aggregateDocuments',
      },
    ],
  ],
  [
    'runTransaction (start, doc get, doc update, commit)',
    () =>
      db.runTransaction(async (t: Loose) => {
        await t.collection('c').doc('doc-1').get();
        await t
          .collection('c')
          .doc('doc-1')
          .update({ data: { a: 2 } });
      }),
    [
      { action: 'database.startTransaction' },
      {
        collectionName: 'c',
        query: '{"_id":"doc-1"}',
        transactionId: '<txn>',
        queryType: 'DOC',
        multi: false,
        action: 'database.getDocument',
      },
      {
        collectionName: 'c',
        transactionId: '<txn>',
        data: '{"$set":{"a":{"$numberInt":"2"}}}',
        query: '{"_id":"doc-1"}',
        queryType: 'DOC',
        multi: false,
        merge: true,
        upsert: false,
        action: 'database.modifyDocument',
      },
      { transactionId: '<txn>', action: 'database.commitTransaction' },
    ],
  ],
  [
    'startTransaction() + rollback()',
    async () => {
      const t = await db.startTransaction();
      await t.rollback();
    },
    [{ action: 'database.startTransaction' }, { transactionId: '<txn>', action: 'database.abortTransaction' }],
  ],
  [
    'createCollection()',
    () => db.createCollection(`x-${Date.now()}`).then(() => undefined),
    [{ collectionName: expect.stringMatching(/^x-\d+$/), action: 'database.addCollection' }],
  ],
];

test.each(cases)(
  'wire canary: %s is sent exactly as captured in docs/wire-protocol.md §4',
  async (call, run, expected) => {
    const bodies = await sent(run);
    // the call's name is part of the compared value, so a failure says which action changed
    expect({ call, bodies }).toEqual({ call, bodies: expected });
  },
);

test('wire canary: every body carries the common fields of §2 and the action', async () => {
  const from = f.requests.length;
  await db.collection('c').doc('doc-1').get();
  const [req] = f.requests.slice(from);
  expect(req?.body).toMatchObject({
    envName: 'local-env',
    wxCloudApiToken: 'test-api-token',
    tcb_sessionToken: '',
    crossAuthorizationToken: '',
    action: 'database.getDocument',
  });
});
