/**
 * Seeds the demo clinic into the local cloud's database on first start, and never again.
 *
 * "Seeded" means: the `stores` collection holds a document. Stores are inserted last, so a start
 * that died half-way through seeding is finished on the next start (documents already present are
 * skipped by `_id`) instead of being mistaken for a seeded clinic or failing on duplicate ids.
 */
import { COLLECTIONS, buildDemoClinic } from './demo-clinic';
import { seedDemoImages, type SeedFiles } from './demo-images';

export { buildDemoClinic, COLLECTIONS, demoWeComUserIds } from './demo-clinic';
export { DEMO_IDENTITIES, type DemoIdentity, type DemoIdentityKind } from './demo-identities';
export { seedDemoImages, type DemoImageIds, type SeedFiles } from './demo-images';

export interface SeedTarget {
  insertMany(collection: string, docs: Record<string, unknown>[]): string[];
  createCollection(name: string): void;
  /** May throw for a missing collection (the real database answers []). */
  find(collection: string, query?: Record<string, unknown>): Record<string, unknown>[];
}

export interface SeedResult {
  seeded: boolean;
  /** Documents inserted per collection by this call (all 0 when the clinic was already there). */
  counts: Record<string, number>;
}

/** The marker collection goes last. */
const ORDER: readonly string[] = [
  COLLECTIONS.settings,
  COLLECTIONS.products,
  COLLECTIONS.staff,
  COLLECTIONS.customers,
  COLLECTIONS.deals,
  COLLECTIONS.filings,
  COLLECTIONS.attributions,
  COLLECTIONS.persons,
  COLLECTIONS.bookings,
  COLLECTIONS.slotCounters,
  COLLECTIONS.visits,
  COLLECTIONS.referrals,
  COLLECTIONS.rewardLedger,
  COLLECTIONS.referralCards,
  COLLECTIONS.referralCardHolders,
  COLLECTIONS.dayRollups,
  COLLECTIONS.rollupMarks,
  COLLECTIONS.staffTargets,
  COLLECTIONS.stores,
];

function exists(target: SeedTarget, collection: string): boolean {
  try {
    target.find(collection, { _id: '__seed_probe__' });
    return true;
  } catch {
    return false;
  }
}

/** Creates the collection unless it is there; a target may answer "already exists" with an error. */
function ensureCollection(target: SeedTarget, collection: string): void {
  try {
    target.createCollection(collection);
  } catch (err) {
    if (!exists(target, collection)) throw err;
  }
}

export function isDemoClinicSeeded(target: SeedTarget): boolean {
  return exists(target, COLLECTIONS.stores) && target.find(COLLECTIONS.stores).length > 0;
}

/**
 * `files`: the local cloud's storage, for the doctors' portraits and the store photos; without it
 * the clinic is seeded without pictures.
 */
export function seedDemoClinic(target: SeedTarget, now: Date, files?: SeedFiles): SeedResult {
  const counts: Record<string, number> = Object.fromEntries(ORDER.map((name) => [name, 0]));
  if (isDemoClinicSeeded(target)) return { seeded: false, counts };

  const { collections } = buildDemoClinic(now, files ? seedDemoImages(files) : {});
  for (const name of ORDER) {
    ensureCollection(target, name);
    const docs = collections[name] ?? [];
    // Normally empty; after an interrupted seed, keep what is there and add the rest.
    const partial = target.find(name).length > 0;
    const missing = partial ? docs.filter((doc) => target.find(name, { _id: doc._id }).length === 0) : docs;
    if (missing.length > 0) target.insertMany(name, missing);
    counts[name] = missing.length;
  }
  return { seeded: true, counts };
}
