import { COLLECTIONS, buildDemoClinic } from '../../../src/dev/seed/demo-clinic';
import { seedDemoClinic, type SeedTarget } from '../../../src/dev/seed';

type Doc = Record<string, unknown>;

/** A tiny stand-in for the local cloud's database: find throws for a missing collection, ids are unique. */
class FakeTarget implements SeedTarget {
  readonly collections = new Map<string, Doc[]>();
  readonly calls: string[] = [];
  failAfterInserts = Infinity;

  createCollection(name: string): void {
    this.calls.push(`create ${name}`);
    if (this.collections.has(name)) throw new Error(`collection ${name} already exists`);
    this.collections.set(name, []);
  }

  insertMany(collection: string, docs: Doc[]): string[] {
    if (this.failAfterInserts-- <= 0) throw new Error('simulated crash');
    const coll = this.collections.get(collection);
    if (!coll) throw new Error(`collection ${collection} does not exist`);
    const ids = new Set(coll.map((d) => d._id));
    for (const d of docs) {
      if (ids.has(d._id)) throw new Error(`duplicate _id ${String(d._id)}`);
      ids.add(d._id);
    }
    coll.push(...docs.map((d) => structuredClone(d)));
    this.calls.push(`insert ${collection} ${docs.length}`);
    return docs.map((d) => d._id as string);
  }

  find(collection: string, query: Doc = {}): Doc[] {
    const coll = this.collections.get(collection);
    if (!coll) throw new Error(`DATABASE_COLLECTION_NOT_EXIST: ${collection}`);
    return coll.filter((d) => Object.entries(query).every(([k, v]) => d[k] === v)).map((d) => structuredClone(d));
  }

  counts(): Record<string, number> {
    return Object.fromEntries([...this.collections].map(([k, v]) => [k, v.length]));
  }
}

const NOW = new Date('2025-06-18T02:30:00Z');

describe('seedDemoClinic', () => {
  it('creates the collections and inserts the demo clinic on first start', () => {
    const target = new FakeTarget();
    const result = seedDemoClinic(target, NOW);
    expect(result.seeded).toBe(true);
    const built = buildDemoClinic(NOW).collections;
    for (const name of Object.values(COLLECTIONS)) {
      expect(result.counts[name]).toBe(built[name]?.length);
      expect(target.find(name)).toEqual(built[name]);
    }
    expect(result.counts[COLLECTIONS.stores]).toBe(2);
  });

  it('is idempotent: a second start (even at a later time) inserts nothing', () => {
    const target = new FakeTarget();
    seedDemoClinic(target, NOW);
    const before = target.counts();
    const calls = target.calls.length;
    const again = seedDemoClinic(target, new Date('2025-09-01T00:00:00Z'));
    expect(again.seeded).toBe(false);
    expect(Object.values(again.counts).every((n) => n === 0)).toBe(true);
    expect(target.counts()).toEqual(before);
    expect(target.calls.length).toBe(calls);
  });

  it('copes with a collection that already exists (createCollection refusing it)', () => {
    const target = new FakeTarget();
    target.createCollection(COLLECTIONS.customers);
    expect(seedDemoClinic(target, NOW).seeded).toBe(true);
    expect(target.find(COLLECTIONS.customers)).toHaveLength(buildDemoClinic(NOW).collections.customers?.length ?? -1);
  });

  it('creates every collection before inserting into it', () => {
    const target = new FakeTarget();
    seedDemoClinic(target, NOW);
    for (const name of Object.values(COLLECTIONS)) {
      expect(target.calls.indexOf(`create ${name}`)).toBeLessThan(
        target.calls.findIndex((c) => c.startsWith(`insert ${name} `)),
      );
    }
  });

  it('finishes an interrupted seed on the next start without duplicating anything', () => {
    const target = new FakeTarget();
    target.failAfterInserts = 3;
    expect(() => seedDemoClinic(target, NOW)).toThrow('simulated crash');
    expect(target.collections.get(COLLECTIONS.stores) ?? []).toEqual([]);
    expect(target.counts()[COLLECTIONS.settings]).toBe(1);
    target.failAfterInserts = Infinity;
    const resumed = seedDemoClinic(target, NOW);
    expect(resumed.seeded).toBe(true);
    const built = buildDemoClinic(NOW).collections;
    for (const name of Object.values(COLLECTIONS)) expect(target.find(name)).toHaveLength(built[name]?.length ?? -1);
    expect(seedDemoClinic(target, NOW).seeded).toBe(false);
  });
});
