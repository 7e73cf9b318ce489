import { parseSettings, type ClinicSettings, type ClinicSettingsInput, type Product, type Store } from '@clinic/shared';
import { InstanceCache } from '../platform/cache';
import type { Database } from '../platform/db-types';
import { COLLECTIONS } from './collections';
import { findWhere, getById } from './read';
import type { Stored } from './documents';

/**
 * The clinic's settings, stores and products. The settings document (`_id` = chain id) is read on
 * every call that needs it: it is small, and it carries `catalogVersion`, which whatever changes a
 * store or product moves on (`bumpCatalogVersion`). Stores and products are kept per function
 * instance for a short time; a settings read that shows a new catalogue version drops them at once.
 */
export interface ClinicSnapshot {
  settings: ClinicSettings;
  catalogVersion: number;
}

const CATALOG_MAX_AGE_MS = 30_000;
const stores = new InstanceCache<Stored<Store>>(CATALOG_MAX_AGE_MS);
const products = new InstanceCache<Stored<Product>>(CATALOG_MAX_AGE_MS);
/** The catalogue version this instance's caches were filled under, per chain. */
const seenVersion = new Map<string, number>();

interface SettingsDoc {
  _id: string;
  catalogVersion?: number;
  updatedAt?: string;
  [key: string]: unknown;
}

/** The chain's settings with defaults filled in (defaults when the document is absent). */
export async function loadClinic(db: Database, chainId: string): Promise<ClinicSnapshot> {
  const doc = await getById<SettingsDoc>(db, COLLECTIONS.settings, chainId);
  const catalogVersion = doc?.catalogVersion ?? 0;
  if (seenVersion.has(chainId) && seenVersion.get(chainId) !== catalogVersion) {
    stores.clear();
    products.clear();
  }
  seenVersion.set(chainId, catalogVersion);
  if (!doc) return { settings: parseSettings({}), catalogVersion };
  const { _id: _ignored, catalogVersion: _version, updatedAt: _at, ...rest } = doc;
  return { settings: parseSettings(rest as ClinicSettingsInput), catalogVersion };
}

export async function loadSettings(db: Database, chainId: string): Promise<ClinicSettings> {
  return (await loadClinic(db, chainId)).settings;
}

/** A store by id (this instance's copy when it is young enough). */
export async function getStore(db: Database, id: string): Promise<Stored<Store> | null> {
  return cached(stores, id, () => getById<Store>(db, COLLECTIONS.stores, id));
}

export async function getProduct(db: Database, id: string): Promise<Stored<Product> | null> {
  return cached(products, id, () => getById<Product>(db, COLLECTIONS.products, id));
}

/** Several stores by id: the cached ones, the rest in one query. */
export const getStores = (db: Database, ids: readonly string[]) => cachedMany(stores, COLLECTIONS.stores, db, ids);
export const getProducts = (db: Database, ids: readonly string[]) =>
  cachedMany(products, COLLECTIONS.products, db, ids);

async function cachedMany<T>(
  cache: InstanceCache<Stored<T>>,
  collection: string,
  db: Database,
  ids: readonly string[],
): Promise<Map<string, Stored<T>>> {
  const found = new Map<string, Stored<T>>();
  const missing: string[] = [];
  for (const id of new Set(ids)) {
    const hit = cache.get(id);
    if (hit) found.set(id, hit);
    else missing.push(id);
  }
  if (missing.length > 0) {
    const _ = db.command;
    for (const doc of await findWhere<T>(db, collection, { _id: _.in!(missing) }, missing.length)) {
      cache.set(doc._id, doc);
      found.set(doc._id, doc);
    }
  }
  return found;
}

async function cached<T>(
  cache: InstanceCache<Stored<T>>,
  id: string,
  load: () => Promise<Stored<T> | null>,
): Promise<Stored<T> | null> {
  const hit = cache.get(id);
  if (hit) return hit;
  const doc = await load();
  if (doc) cache.set(id, doc);
  return doc;
}

/** Active stores, for the store picker (one query; there are few). */
export async function listActiveStores(db: Database): Promise<Stored<Store>[]> {
  const { data } = await db
    .collection<Stored<Store> & Record<string, unknown>>(COLLECTIONS.stores)
    .where({ active: true })
    .limit(200)
    .get();
  return data as Stored<Store>[];
}

/** The chain's active products (every store's; the caller filters by store). */
export async function listActiveProducts(db: Database, chainId: string): Promise<Stored<Product>[]> {
  const { data } = await db
    .collection<Stored<Product> & Record<string, unknown>>(COLLECTIONS.products)
    .where({ chainId, active: true })
    .limit(200)
    .get();
  return data as Stored<Product>[];
}

/** Whatever changes a store or product calls this, so that every instance's cache lets go of it. */
export async function bumpCatalogVersion(db: Database, chainId: string, nowIso: string): Promise<void> {
  const _ = db.command;
  await db
    .collection(COLLECTIONS.settings)
    .doc(chainId)
    .update({ data: { catalogVersion: _.inc!(1), updatedAt: nowIso } });
}
