/** Documents, collections, paging and value types through the real wx-server-sdk. */
import { startDbFixture, rejection, type DbFixture } from './helpers';
import type { Loose } from '../support/sdk-harness';

let f: DbFixture;
let db: Loose;
let _: Loose;
let n = 0;
/** A fresh, existing collection per test. */
const fresh = (): string => {
  const name = `c${++n}`;
  f.database.createCollection(name);
  return name;
};

beforeAll(async () => {
  f = await startDbFixture();
  db = f.db;
  _ = db.command;
});
afterAll(() => f.close());

describe('documents', () => {
  test('add generates a 32-hex string _id and doc.get returns the document including it', async () => {
    const c = fresh();
    const added = await db.collection(c).add({ data: { name: 'a', n: 1 } });
    expect(added._id).toMatch(/^[0-9a-f]{32}$/);
    const got = await db.collection(c).doc(added._id).get();
    expect(got.data).toEqual({ _id: added._id, name: 'a', n: 1 });
  });

  test('add of an array inserts every document and returns all ids', async () => {
    const c = fresh();
    const res = await db.collection(c).add({ data: [{ i: 1 }, { i: 2 }, { _id: 'mine', i: 3 }] });
    expect(res._ids).toHaveLength(3);
    expect(res._ids[2]).toBe('mine');
    expect(new Set(res._ids).size).toBe(3);
    expect((await db.collection(c).count()).total).toBe(3);
  });

  test('inserting a duplicate _id fails with -502001 "duplicate key" and writes nothing', async () => {
    const c = fresh();
    await db.collection(c).add({ data: { _id: 'x', v: 1 } });
    const err = await rejection(db.collection(c).add({ data: { _id: 'x', v: 2 } }));
    expect(err.errCode).toBe(-502001);
    expect(err.message).toMatch(/duplicate key/);
    // a batch containing a duplicate is rejected as a whole
    await rejection(db.collection(c).add({ data: [{ _id: 'y' }, { _id: 'x' }] }));
    expect(f.database.find(c)).toEqual([{ _id: 'x', v: 1 }]);
  });

  test('doc.get of a missing document fails with "does not exist"', async () => {
    const c = fresh();
    const err = await rejection(db.collection(c).doc('nope').get());
    expect(err.message).toMatch(/does not exist/);
  });

  test('a numeric _id and its string form are different documents', async () => {
    const c = fresh();
    await db
      .collection(c)
      .doc(42)
      .set({ data: { kind: 'number' } });
    await db
      .collection(c)
      .doc('42')
      .set({ data: { kind: 'string' } });
    expect((await db.collection(c).doc(42).get()).data).toEqual({ _id: 42, kind: 'number' });
    expect((await db.collection(c).doc('42').get()).data).toEqual({ _id: '42', kind: 'string' });
  });

  test('doc.update counts only documents that changed; a missing document updates nothing', async () => {
    const c = fresh();
    const { _id } = await db.collection(c).add({ data: { a: 1, o: { p: 1, q: 2 } } });
    const r1 = await db
      .collection(c)
      .doc(_id)
      .update({ data: { a: 2, o: { p: 5 } } });
    expect(r1.stats.updated).toBe(1);
    // plain nested objects are flattened to dotted $set: siblings survive
    expect((await db.collection(c).doc(_id).get()).data).toEqual({ _id, a: 2, o: { p: 5, q: 2 } });
    expect(
      (
        await db
          .collection(c)
          .doc(_id)
          .update({ data: { a: 2 } })
      ).stats.updated,
    ).toBe(0);
    expect(
      (
        await db
          .collection(c)
          .doc('missing')
          .update({ data: { a: 1 } })
      ).stats.updated,
    ).toBe(0);
    expect(f.database.find(c, { _id: 'missing' })).toEqual([]);
  });

  test('set replaces an existing document and creates a missing one (upsert_id)', async () => {
    const c = fresh();
    await db.collection(c).add({ data: { _id: 'k', a: 1, b: 2 } });
    const replaced = await db
      .collection(c)
      .doc('k')
      .set({ data: { c: 3 } });
    expect(replaced.stats).toEqual({ updated: 1, created: 0 });
    expect(f.database.find(c, { _id: 'k' })).toEqual([{ _id: 'k', c: 3 }]);
    const created = await db
      .collection(c)
      .doc('new')
      .set({ data: { z: true } });
    expect(created._id).toBe('new');
    expect(created.stats).toEqual({ updated: 0, created: 1 });
    expect(f.database.find(c, { _id: 'new' })).toEqual([{ _id: 'new', z: true }]);
  });

  test('update cannot change _id', async () => {
    const c = fresh();
    await db.collection(c).add({ data: { _id: 'fixed', a: 1 } });
    const res = f.database.handle('database.modifyDocument', {
      collectionName: c,
      queryType: 'DOC',
      query: '{"_id":"fixed"}',
      data: '{"$set":{"_id":"other"}}',
      multi: false,
      merge: true,
      upsert: false,
    });
    expect(res.code).toBe('DATABASE_REQUEST_FAILED');
    expect(f.database.find(c)).toEqual([{ _id: 'fixed', a: 1 }]);
  });

  test('doc.remove removes exactly that document', async () => {
    const c = fresh();
    const ids = f.database.insertMany(c, [{ i: 1 }, { i: 2 }]);
    expect((await db.collection(c).doc(ids[0]).remove()).stats.removed).toBe(1);
    expect((await db.collection(c).doc(ids[0]).remove()).stats.removed).toBe(0);
    expect(f.database.find(c)).toEqual([{ _id: ids[1], i: 2 }]);
  });

  test('where().update and where().remove affect every match; multi:false affects at most one', async () => {
    const c = fresh();
    f.database.insertMany(
      c,
      [1, 2, 3, 4, 5].map((i) => ({ i, tag: i % 2 ? 'odd' : 'even' })),
    );
    const up = await db
      .collection(c)
      .where({ tag: 'odd' })
      .update({ data: { seen: true } });
    expect(up.stats.updated).toBe(3);
    expect(f.database.find(c, { seen: true })).toHaveLength(3);

    const one = f.database.handle('database.modifyDocument', {
      collectionName: c,
      queryType: 'WHERE',
      query: '{"tag":"even"}',
      data: '{"$set":{"once":true}}',
      multi: false,
      merge: true,
      upsert: false,
    });
    expect(one).toEqual({ data: { updated: 1 } });
    expect(f.database.find(c, { once: true })).toHaveLength(1);

    const rmOne = f.database.handle('database.removeDocument', {
      collectionName: c,
      queryType: 'WHERE',
      query: '{"tag":"odd"}',
      multi: false,
    });
    expect(rmOne).toEqual({ data: { deleted: 1 } });
    const rm = await db.collection(c).where({ tag: 'odd' }).remove();
    expect(rm.stats.removed).toBe(2);
    expect(f.database.find(c).map((d) => d.i)).toEqual([2, 4]);
  });
});

describe('collections', () => {
  test('missing collection gives -502005 on every read and write; add does not create it', async () => {
    const coll = db.collection('does-not-exist');
    const calls: Promise<unknown>[] = [
      coll.add({ data: { a: 1 } }),
      coll.where({}).get(),
      coll.doc('x').get(),
      coll.count(),
      coll.doc('x').update({ data: { a: 1 } }),
      coll.doc('x').set({ data: { a: 1 } }),
      coll.where({ a: 1 }).remove(),
    ];
    const codes = [];
    for (const call of calls) codes.push((await rejection(call)).errCode);
    expect(codes).toEqual(calls.map(() => -502005));
    // aggregate().end() is the exception: the SDK keeps the raw code and sets errCode -1 (observed with 4.0.2)
    const agg = await rejection(coll.aggregate().match({}).end());
    expect({ code: agg.code, errCode: agg.errCode }).toEqual({ code: 'DATABASE_COLLECTION_NOT_EXIST', errCode: -1 });
    const raw = f.database.handle('database.getDocument', { collectionName: 'does-not-exist', queryType: 'WHERE' });
    expect(raw).toEqual({
      code: 'DATABASE_COLLECTION_NOT_EXIST',
      message:
        '[ResourceNotFound] Db or Table not exist. Please check your request, but if the problem cannot be solved, contact us.',
    });
    expect(f.database.find('does-not-exist')).toEqual([]);
  });

  test('createCollection creates it once; again gives DATABASE_COLLECTION_ALREADY_EXIST', async () => {
    const res = await db.createCollection('made-by-sdk');
    expect(res.errMsg).toBe('createCollection:ok');
    await db.collection('made-by-sdk').add({ data: { ok: 1 } });
    const err = await rejection(db.createCollection('made-by-sdk'));
    expect(err.code).toBe('DATABASE_COLLECTION_ALREADY_EXIST');
    expect(f.database.find('made-by-sdk')).toHaveLength(1);
  });
});

describe('paging, order and projection', () => {
  test('get() without limit returns the first 100 (the SDK sends 100, the server honours it)', async () => {
    const c = fresh();
    f.database.insertMany(
      c,
      Array.from({ length: 150 }, (_x, i) => ({ i })),
    );
    const res = await db.collection(c).get();
    expect(res.data).toHaveLength(100);
    expect(res.data[0].i).toBe(0);
  });

  test('limit is clamped to 1000 even if the client asks for more', async () => {
    const c = fresh();
    f.database.insertMany(
      c,
      Array.from({ length: 1200 }, (_x, i) => ({ i })),
    );
    expect((await db.collection(c).limit(5000).get()).data).toHaveLength(1000);
    // the server clamps on its own, whatever a client sends
    const raw = f.database.handle('database.getDocument', { collectionName: c, queryType: 'WHERE', limit: 5000 });
    expect((raw.data as { list: string[] }).list).toHaveLength(1000);
    const noLimit = f.database.handle('database.getDocument', { collectionName: c, queryType: 'WHERE' });
    expect((noLimit.data as { list: string[] }).list).toHaveLength(100);
  });

  test('orderBy keys apply in call order, then skip, limit and field projection', async () => {
    const c = fresh();
    f.database.insertMany(c, [
      { b: 1, a: 1, x: 'p' },
      { b: 2, a: 5, x: 'q' },
      { b: 1, a: 3, x: 'r' },
      { b: 2, a: 4, x: 's' },
      { b: 1, a: 2, x: 't' },
    ]);
    const res = await db
      .collection(c)
      .orderBy('b', 'asc')
      .orderBy('a', 'desc')
      .skip(1)
      .limit(3)
      .field({ x: true })
      .get();
    expect(res.data.map((d: Loose) => d.x)).toEqual(['t', 'p', 'q']);
    expect(Object.keys(res.data[0]).sort()).toEqual(['_id', 'x']);
    const excl = await db.collection(c).where({ x: 'p' }).field({ x: false, a: false }).get();
    expect(excl.data[0]).toEqual({ _id: expect.any(String), b: 1 });
  });

  test('count ignores limit and offset', async () => {
    const c = fresh();
    f.database.insertMany(
      c,
      Array.from({ length: 30 }, (_x, i) => ({ i })),
    );
    expect(
      (
        await db
          .collection(c)
          .where({ i: _.gte(10) })
          .count()
      ).total,
    ).toBe(20);
    const raw = f.database.handle('database.calculateDocument', {
      collectionName: c,
      queryType: 'WHERE',
      query: '{}',
      limit: 1,
      offset: 5,
    });
    expect(raw).toEqual({ data: { total: 30 } });
  });
});

describe('values', () => {
  test('serverDate is the emulated clock (plus offset) in add, update and queries', async () => {
    const c = fresh();
    f.clock.current = new Date('2030-01-02T03:04:05.000Z');
    const { _id } = await db
      .collection(c)
      .add({ data: { at: db.serverDate(), later: db.serverDate({ offset: 60_000 }) } });
    let doc = (await db.collection(c).doc(_id).get()).data;
    expect(doc.at).toEqual(new Date('2030-01-02T03:04:05.000Z'));
    expect(doc.later).toEqual(new Date('2030-01-02T03:05:05.000Z'));

    f.clock.advance(1000);
    await db
      .collection(c)
      .doc(_id)
      .update({ data: { touched: db.serverDate() } });
    doc = (await db.collection(c).doc(_id).get()).data;
    expect(doc.touched).toEqual(new Date('2030-01-02T03:04:06.000Z'));

    expect(
      (
        await db
          .collection(c)
          .where({ at: _.lt(db.serverDate()) })
          .count()
      ).total,
    ).toBe(1);
    expect(
      (
        await db
          .collection(c)
          .where({ at: _.lt(db.serverDate({ offset: -5000 })) })
          .count()
      ).total,
    ).toBe(0);
  });

  test('_.set(db.serverDate()) stores {offset} as the SDK sends it (SDK bug, kept as is)', async () => {
    const c = fresh();
    const { _id } = await db.collection(c).add({ data: { a: 1 } });
    await db
      .collection(c)
      .doc(_id)
      .update({ data: { when: _.set(db.serverDate()) } });
    expect(f.database.find(c)[0].when).toEqual({ offset: 0 });
  });

  test('EJSON round trip of Date, RegExp, long, double, int, null, bool and nesting', async () => {
    const c = fresh();
    const value = {
      date: new Date('2024-01-02T03:04:05.678Z'),
      re: db.RegExp({ regexp: '^ab+c', options: 'i' }),
      native: /x.y/m,
      long: 2 ** 40,
      double: 1.5,
      negative: -7,
      int: 3,
      nil: null,
      yes: true,
      nested: { arr: [1, 'two', { three: [new Date(0)] }] },
    };
    const { _id } = await db.collection(c).add({ data: value });
    const got = (await db.collection(c).doc(_id).get()).data;
    expect(got.date).toEqual(value.date);
    expect(got.long).toBe(2 ** 40);
    expect(got.double).toBe(1.5);
    expect(got.negative).toBe(-7);
    expect(got.nil).toBeNull();
    expect(got.yes).toBe(true);
    expect(got.nested).toEqual({ arr: [1, 'two', { three: [new Date(0)] }] });
    // regexes come back as the SDK's RegExp type, with pattern and options intact
    expect({ pattern: got.re.pattern, options: got.re.options }).toEqual({ pattern: '^ab+c', options: 'i' });
    expect({ pattern: got.native.pattern, options: got.native.options }).toEqual({ pattern: 'x.y', options: 'm' });

    // the stored text keeps the canonical types
    const raw = f.database.handle('database.getDocument', {
      collectionName: c,
      queryType: 'DOC',
      query: JSON.stringify({ _id }),
    });
    const text = (raw.data as { list: string[] }).list[0];
    expect(text).toContain('"long":{"$numberLong":"1099511627776"}');
    expect(text).toContain('"double":{"$numberDouble":"1.5"}');
    expect(text).toContain('"date":{"$date":{"$numberLong":"1704164645678"}}');
    expect(text).toContain('"re":{"$regularExpression":{"pattern":"^ab+c","options":"i"}}');
  });

  test('a $numberLong beyond 2^53 survives storage exactly', () => {
    const c = fresh();
    const res = f.database.handle('database.insertDocument', {
      collectionName: c,
      data: ['{"_id":"big","v":{"$numberLong":"9007199254740993"}}'],
    });
    expect(res).toEqual({ data: { insertedIds: ['big'] } });
    const got = f.database.handle('database.getDocument', {
      collectionName: c,
      queryType: 'DOC',
      query: '{"_id":"big"}',
    });
    expect((got.data as { list: string[] }).list).toEqual(['{"_id":"big","v":{"$numberLong":"9007199254740993"}}']);
  });

  test('data.list holds EJSON strings and every document carries _id', () => {
    const c = fresh();
    f.database.insertMany(c, [{ a: 1 }]);
    const res = f.database.handle('database.getDocument', { collectionName: c, queryType: 'WHERE', limit: 10 });
    const list = (res.data as { list: unknown[] }).list;
    expect(typeof list[0]).toBe('string');
    expect(JSON.parse(list[0] as string)).toEqual({ _id: expect.any(String), a: { $numberInt: '1' } });
  });

  test('malformed requests get error replies, never exceptions', () => {
    const c = fresh();
    expect(
      f.database.handle('database.getDocument', { collectionName: c, queryType: 'WHERE', query: '{nope' }).code,
    ).toBe('INVALID_PARAM');
    expect(f.database.handle('database.nope', {}).code).toBe('INVALID_PARAM');
    expect(f.database.handle('database.insertDocument', {}).code).toBe('INVALID_PARAM');
    expect(f.database.handle('database.getDocument', { collectionName: c, query: '{"a":{"$bogus":1}}' }).code).toBe(
      'DATABASE_INVALID_OPERRATOR',
    );
    const badStage = f.database.handle('database.aggregateDocuments', {
      collectionName: c,
      stages: [{ stageKey: '$bogus', stageValue: '1' }],
    });
    expect(badStage.code).toBe('DATABASE_INVALID_OPERRATOR');
  });
});
