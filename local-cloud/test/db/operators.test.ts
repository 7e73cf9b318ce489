/** Every db.command query/update operator and aggregation stages, through the real wx-server-sdk. */
import { startDbFixture, type DbFixture } from './helpers';
import type { Loose } from '../support/sdk-harness';

let f: DbFixture;
let db: Loose;
let _: Loose;
let n = 0;
const fresh = (docs: Record<string, unknown>[] = []): string => {
  const name = `ops${++n}`;
  f.database.createCollection(name);
  if (docs.length) f.database.insertMany(name, docs);
  return name;
};

beforeAll(async () => {
  f = await startDbFixture();
  db = f.db;
  _ = db.command;
});
afterAll(() => f.close());

const people = [
  {
    _id: 'ann',
    age: 30,
    name: 'Ann',
    tags: ['a', 'b'],
    o: { p: 1, city: 'Shanghai' },
    scores: [{ s: 90, k: 'x' }],
    at: new Date('2025-01-01T00:00:00Z'),
  },
  {
    _id: 'bob',
    age: 25,
    name: 'bob',
    tags: ['b'],
    o: { p: 2, city: 'Beijing' },
    scores: [{ s: 60, k: 'y' }],
    at: new Date('2025-02-01T00:00:00Z'),
  },
  {
    _id: 'cy',
    age: 40,
    name: 'Cy',
    tags: ['a', 'b', 'c'],
    o: { p: 3 },
    scores: [],
    nick: null,
    at: new Date('2025-03-01T00:00:00Z'),
  },
];

describe('query operators', () => {
  let c: string;
  beforeAll(() => {
    c = fresh(people);
  });
  const ids = async (query: unknown): Promise<string[]> =>
    (await db.collection(c).where(query).orderBy('_id', 'asc').get()).data.map((d: Loose) => d._id);

  test.each([
    ['$eq', () => ({ age: _.eq(30) }), ['ann']],
    ['$ne', () => ({ age: _.neq(30) }), ['bob', 'cy']],
    ['$gt', () => ({ age: _.gt(30) }), ['cy']],
    ['$gte', () => ({ age: _.gte(30) }), ['ann', 'cy']],
    ['$lt', () => ({ age: _.lt(30) }), ['bob']],
    ['$lte', () => ({ age: _.lte(30) }), ['ann', 'bob']],
    ['$in', () => ({ age: _.in([25, 40]) }), ['bob', 'cy']],
    ['$nin', () => ({ age: _.nin([25, 40]) }), ['ann']],
    ['$exists', () => ({ nick: _.exists(true) }), ['cy']],
    ['$and (chained)', () => ({ age: _.gt(20).and(_.lt(35)) }), ['ann', 'bob']],
    ['$and (top level)', () => _.and([{ age: _.gt(20) }, { tags: 'c' }]), ['cy']],
    ['$or', () => _.or([{ age: 25 }, { name: 'Cy' }]), ['bob', 'cy']],
    ['$nor', () => _.nor([{ age: 25 }, { name: 'Cy' }]), ['ann']],
    ['$not', () => ({ age: _.not(_.gt(28)) }), ['bob']],
    ['$elemMatch', () => ({ scores: _.elemMatch({ s: _.gte(80), k: 'x' }) }), ['ann']],
    ['$size', () => ({ tags: _.size(2) }), ['ann']],
    ['$all', () => ({ tags: _.all(['a', 'b']) }), ['ann', 'cy']],
    ['$regex (db.RegExp)', () => ({ name: db.RegExp({ regexp: '^b', options: 'i' }) }), ['bob']],
    ['$regex (native, case-sensitive)', () => ({ name: /^B/ }), []],
    ['nested object → dotted path', () => ({ o: { p: 2 } }), ['bob']],
    ['dotted key', () => ({ 'o.city': 'Shanghai' }), ['ann']],
    ['array contains', () => ({ tags: 'c' }), ['cy']],
    ['Date comparison', () => ({ at: _.gte(new Date('2025-02-01T00:00:00Z')) }), ['bob', 'cy']],
  ])('%s', async (_name, query, expected) => {
    expect(await ids(query())).toEqual(expected);
  });
});

describe('update operators', () => {
  const updated = async (doc: Record<string, unknown>, data: () => unknown): Promise<Loose> => {
    const c = fresh([{ _id: 'd', ...doc }]);
    await db.collection(c).doc('d').update({ data: data() });
    return f.database.find(c)[0];
  };

  test('$set with dotted paths keeps siblings; _.set replaces the whole object', async () => {
    expect(await updated({ o: { p: 1, q: 2 } }, () => ({ o: { p: 9 } }))).toEqual({ _id: 'd', o: { p: 9, q: 2 } });
    expect(await updated({ o: { p: 1, q: 2 } }, () => ({ o: _.set({ p: 9 }) }))).toEqual({ _id: 'd', o: { p: 9 } });
  });
  test('$unset (_.remove)', async () => {
    expect(await updated({ a: 1, r: 2 }, () => ({ r: _.remove() }))).toEqual({ _id: 'd', a: 1 });
  });
  test('$inc and $mul', async () => {
    expect(await updated({ a: 1, m: 3 }, () => ({ a: _.inc(2), m: _.mul(1.5), fresh: _.inc(1) }))).toEqual({
      _id: 'd',
      a: 3,
      m: 4.5,
      fresh: 1,
    });
  });
  test('$min and $max', async () => {
    expect(await updated({ lo: 5, hi: 5 }, () => ({ lo: _.min(3), hi: _.max(3) }))).toEqual({ _id: 'd', lo: 3, hi: 5 });
  });
  test('$push plain, with $each/$position/$slice, and unshift', async () => {
    expect(await updated({ arr: [1] }, () => ({ arr: _.push([2, 3]) }))).toEqual({ _id: 'd', arr: [1, 2, 3] });
    expect(await updated({ arr: [1, 2, 3] }, () => ({ arr: _.push({ each: [9, 8], position: 1, slice: 4 }) }))).toEqual(
      {
        _id: 'd',
        arr: [1, 9, 8, 2],
      },
    );
    expect(await updated({ arr: [1, 2] }, () => ({ arr: _.unshift([0]) }))).toEqual({ _id: 'd', arr: [0, 1, 2] });
  });
  test('$pop (pop and shift)', async () => {
    expect(await updated({ arr: [1, 2, 3] }, () => ({ arr: _.pop() }))).toEqual({ _id: 'd', arr: [1, 2] });
    expect(await updated({ arr: [1, 2, 3] }, () => ({ arr: _.shift() }))).toEqual({ _id: 'd', arr: [2, 3] });
  });
  test('$pull with a value and with a condition; $pullAll', async () => {
    expect(await updated({ arr: [1, 2, 1] }, () => ({ arr: _.pull(1) }))).toEqual({ _id: 'd', arr: [2] });
    expect(await updated({ arr: [1, 5, 9] }, () => ({ arr: _.pull(_.gte(5)) }))).toEqual({ _id: 'd', arr: [1] });
    expect(await updated({ arr: [1, 2, 3, 2] }, () => ({ arr: _.pullAll([2, 3]) }))).toEqual({ _id: 'd', arr: [1] });
  });
  test('$addToSet skips existing values, also with $each and on a missing field', async () => {
    expect(await updated({ arr: [1, 2] }, () => ({ arr: _.addToSet(2) }))).toEqual({ _id: 'd', arr: [1, 2] });
    expect(await updated({ arr: [1] }, () => ({ arr: _.addToSet({ $each: [1, 3, 3] }) }))).toEqual({
      _id: 'd',
      arr: [1, 3],
    });
    expect(await updated({}, () => ({ arr: _.addToSet({ $each: [4, 4, 5] }) }))).toEqual({ _id: 'd', arr: [4, 5] });
  });
  test('$rename', async () => {
    expect(await updated({ e: 1 }, () => ({ e: _.rename('e2') }))).toEqual({ _id: 'd', e2: 1 });
  });
  test('an update with no operators (never sent by the SDK) is treated as $set', () => {
    const c = fresh([{ _id: 'd', a: 1, b: 2 }]);
    const res = f.database.handle('database.modifyDocument', {
      collectionName: c,
      queryType: 'DOC',
      query: '{"_id":"d"}',
      data: '{"a":{"$numberInt":"5"}}',
      multi: false,
      merge: true,
      upsert: false,
    });
    expect(res).toEqual({ data: { updated: 1 } });
    expect(f.database.find(c)).toEqual([{ _id: 'd', a: 5, b: 2 }]);
  });
});

describe('aggregation', () => {
  const orders = [
    { _id: 'o1', customer: 'ann', total: 10, items: ['x', 'y'] },
    { _id: 'o2', customer: 'bob', total: 5, items: ['x'] },
    { _id: 'o3', customer: 'ann', total: 7, items: [] },
  ];

  test('$match $group $sort with accumulators', async () => {
    const c = fresh(orders);
    const $ = _.aggregate;
    const res = await db
      .collection(c)
      .aggregate()
      .match({ total: _.gt(4) })
      .group({ _id: '$customer', sum: $.sum('$total'), n: $.sum(1) })
      .sort({ sum: -1 })
      .end();
    expect(res.list).toEqual([
      { _id: 'ann', sum: 17, n: 2 },
      { _id: 'bob', sum: 5, n: 1 },
    ]);
  });

  test('$project $unwind $skip $limit $count $addFields $sortByCount', async () => {
    const c = fresh(orders);
    const unwound = await db
      .collection(c)
      .aggregate()
      .unwind('$items')
      .sort({ _id: 1, items: 1 })
      .skip(1)
      .limit(2)
      .project({ _id: 0, items: 1 })
      .end();
    expect(unwound.list).toEqual([{ items: 'y' }, { items: 'x' }]);
    expect((await db.collection(c).aggregate().match({ customer: 'ann' }).count('n').end()).list).toEqual([{ n: 2 }]);
    const added = await db
      .collection(c)
      .aggregate()
      .addFields({ double: _.aggregate.multiply(['$total', 2]) })
      .sort({ _id: 1 })
      .end();
    expect(added.list.map((d: Loose) => d.double)).toEqual([20, 10, 14]);
    expect((await db.collection(c).aggregate().sortByCount('$customer').end()).list).toEqual([
      { _id: 'ann', count: 2 },
      { _id: 'bob', count: 1 },
    ]);
    // aggregation never writes back into stored documents
    expect(f.database.find(c)).toEqual(orders);
  });

  test('$lookup reads the other collection from the store', async () => {
    const c = fresh(orders);
    const customers = fresh([
      { _id: 'ann', city: 'Shanghai' },
      { _id: 'bob', city: 'Beijing' },
    ]);
    const res = await db
      .collection(c)
      .aggregate()
      .lookup({ from: customers, localField: 'customer', foreignField: '_id', as: 'who' })
      .sort({ _id: 1 })
      .limit(1)
      .end();
    expect(res.list).toEqual([{ ...orders[0], who: [{ _id: 'ann', city: 'Shanghai' }] }]);
  });

  test('a pipeline without $limit is not capped at 20 (the reported real cap is unverified, not emulated)', async () => {
    const c = fresh(Array.from({ length: 30 }, (_x, i) => ({ i })));
    expect((await db.collection(c).aggregate().match({}).end()).list).toHaveLength(30);
  });
});
