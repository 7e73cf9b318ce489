/**
 * The store on its own: what a reopen gives back, and right answers at a few thousand documents.
 * How fast it is belongs to `npm run bench` (local-cloud/bench/store.bench.ts), not to a test.
 */
import { rmSync } from 'fs';
import { CloudDatabase } from '../../src/db';
import { decodeStored } from '../../src/db/ejson';
import { tempDir, TestClock } from './helpers';

let dir: string;
beforeEach(() => {
  dir = tempDir('cloud-db-store-');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const open = (): CloudDatabase => CloudDatabase.open({ dataDir: dir, now: new TestClock().now });

test('reopening restores collections, documents, types and natural order from database.sqlite', () => {
  const first = open();
  first.createCollection('empty');
  first.insertMany('c', [
    {
      _id: 'z',
      at: new Date('2025-01-01T00:00:00Z'),
      re: /a+b/i,
      f: 1.5,
      big: 2 ** 40,
      nested: { arr: [1, { x: null }] },
    },
    { _id: 'a', n: 1 },
  ]);
  first.handle('database.modifyDocument', {
    collectionName: 'c',
    queryType: 'DOC',
    query: '{"_id":"z"}',
    data: '{"$set":{"f":{"$numberDouble":"2.5"}}}',
    multi: false,
    merge: true,
    upsert: false,
  });
  first.handle('database.removeDocument', {
    collectionName: 'c',
    queryType: 'DOC',
    query: '{"_id":"a"}',
    multi: false,
  });
  first.insertMany('c', [{ _id: 'm', n: 2 }]);
  const before = first.find('c');
  first.close();

  const second = open();
  try {
    expect(second.find('c')).toEqual(before);
    expect(second.find('c').map((d) => d._id)).toEqual(['z', 'm']);
    expect(second.find('c')[0]).toEqual({
      _id: 'z',
      at: new Date('2025-01-01T00:00:00Z'),
      re: /a+b/i,
      f: 2.5,
      big: 2 ** 40,
      nested: { arr: [1, { x: null }] },
    });
    expect(second.handle('database.addCollection', { collectionName: 'empty' }).code).toBe(
      'DATABASE_COLLECTION_ALREADY_EXIST',
    );
    expect(second.find('empty')).toEqual([]);
  } finally {
    second.close();
  }
});

test('find() returns copies: changing them does not change the store', () => {
  const db = open();
  try {
    db.insertMany('c', [{ _id: 'k', o: { p: 1 } }]);
    const [doc] = db.find('c');
    (doc?.o as { p: number }).p = 99;
    expect(db.find('c')).toEqual([{ _id: 'k', o: { p: 1 } }]);
  } finally {
    db.close();
  }
});

test('at a few thousand documents, filtered+sorted pages and counts are right', () => {
  const db = open();
  try {
    db.insertMany(
      'big',
      Array.from({ length: 5000 }, (_x, i) => ({ i, group: i % 10, name: `n${i}` })),
    );
    for (let k = 0; k < 10; k++) {
      const page = db.handle('database.getDocument', {
        collectionName: 'big',
        queryType: 'WHERE',
        query: JSON.stringify({ group: k }),
        order: '{"i":-1}',
        offset: 10,
        limit: 100,
      });
      const list = (page.data as { list: string[] }).list.map(
        (doc) => decodeStored(doc) as { i: number; group: number },
      );
      expect(list).toHaveLength(100);
      // group k holds k, k+10, …, 4990+k; newest first, the first 10 skipped.
      expect(list.map((d) => d.i)).toEqual(Array.from({ length: 100 }, (_x, n) => 4990 + k - 10 * (n + 10)));
      expect(list.every((d) => d.group === k)).toBe(true);
    }
    expect(
      db.handle('database.calculateDocument', {
        collectionName: 'big',
        queryType: 'WHERE',
        query: '{"i":{"$gte":2500}}',
      }),
    ).toEqual({ data: { total: 2500 } });
  } finally {
    db.close();
  }
});
