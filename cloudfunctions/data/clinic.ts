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
/** A cached document and the catalogue version this instance had seen when it read it. */
interface Entry<T> {
  doc: Stored<T>;
  under: number | undefined;
}
const stores = new InstanceCache<Entry<Store>>(CATALOG_MAX_AGE_MS);
const products = new InstanceCache<Entry<Product>>(CATALOG_MAX_AGE_MS);
/** The catalogue version this instance's caches were filled under, per chain. */
const seenVersion = new Map<string, number>();

/**
 * Fields of the settings document that are not settings: the catalogue version, the settings'
 * own version and who changed them last (the admin function writes them; `parseSettings` refuses
 * unknown keys, so they are taken off before it).
 */
export const SETTINGS_DOC_META_KEYS = [
  '_id',
  'catalogVersion',
  'updatedAt',
  'settingsVersion',
  'settingsChange',
] as const;

export interface SettingsDoc {
  _id: string;
  catalogVersion?: number;
  updatedAt?: string;
  settingsVersion?: number;
  settingsChange?: { staffId: string; name: string; at: string; section?: string };
  [key: string]: unknown;
}

/** The settings a settings document holds, defaults filled in (the defaults when there is none). */
export function settingsOfDoc(doc: SettingsDoc | null): ClinicSettings {
  if (!doc) return parseSettings({});
  const rest: Record<string, unknown> = { ...doc };
  for (const key of SETTINGS_DOC_META_KEYS) delete rest[key];
  return parseSettings(rest as ClinicSettingsInput);
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
  return { settings: settingsOfDoc(doc), catalogVersion };
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

/**
 * Store and product as they are now, for a decision a booking rests on (hours, closed dates,
 * capacity, whether the product is offered). This instance's copies are used only when the
 * settings document — read here when there are copies, in place of the store and product — shows
 * the catalogue version they were read under; otherwise they are read again. A manager's change
 * (which moves the version in its transaction) is therefore seen by the very next call. The
 * settings read here come back so that the caller need not read them again.
 */
export async function currentStoreAndProduct(
  db: Database,
  storeId: string,
  productId?: string,
): Promise<{ store: Stored<Store> | null; product: Stored<Product> | null; clinic?: ClinicSnapshot }> {
  const store = stores.get(storeId);
  const product = productId === undefined ? undefined : products.get(productId);
  const chainId = store?.doc.chainId ?? product?.doc.chainId;
  const clinic = chainId === undefined ? undefined : await loadClinic(db, chainId);
  const usable = <T>(entry: Entry<T> | undefined) =>
    entry !== undefined && clinic !== undefined && entry.under === clinic.catalogVersion ? entry.doc : undefined;
  const [freshStore, freshProduct] = await Promise.all([
    usable(store) ?? readInto(stores, COLLECTIONS.stores, db, storeId),
    productId === undefined ? null : (usable(product) ?? readInto(products, COLLECTIONS.products, db, productId)),
  ]);
  return { store: freshStore, product: freshProduct, ...(clinic ? { clinic } : {}) };
}

async function readInto<T>(cache: InstanceCache<Entry<T>>, collection: string, db: Database, id: string) {
  const doc = await getById<T>(db, collection, id);
  if (doc) cache.set(id, entryOf(doc));
  return doc;
}

/** A document about to be cached, labelled with the version this instance knows for its chain. */
function entryOf<T>(doc: Stored<T>): Entry<T> {
  const chainId = (doc as { chainId?: unknown }).chainId;
  return { doc, under: typeof chainId === 'string' ? seenVersion.get(chainId) : undefined };
}

/** Several stores by id: the cached ones, the rest in one query. */
export const getStores = (db: Database, ids: readonly string[]) => cachedMany(stores, COLLECTIONS.stores, db, ids);
export const getProducts = (db: Database, ids: readonly string[]) =>
  cachedMany(products, COLLECTIONS.products, db, ids);

async function cachedMany<T>(
  cache: InstanceCache<Entry<T>>,
  collection: string,
  db: Database,
  ids: readonly string[],
): Promise<Map<string, Stored<T>>> {
  const found = new Map<string, Stored<T>>();
  const missing: string[] = [];
  for (const id of new Set(ids)) {
    const hit = cache.get(id);
    if (hit) found.set(id, hit.doc);
    else missing.push(id);
  }
  if (missing.length > 0) {
    const _ = db.command;
    for (const doc of await findWhere<T>(db, collection, { _id: _.in!(missing) }, missing.length)) {
      cache.set(doc._id, entryOf(doc));
      found.set(doc._id, doc);
    }
  }
  return found;
}

async function cached<T>(
  cache: InstanceCache<Entry<T>>,
  id: string,
  load: () => Promise<Stored<T> | null>,
): Promise<Stored<T> | null> {
  const hit = cache.get(id);
  if (hit) return hit.doc;
  const doc = await load();
  if (doc) cache.set(id, entryOf(doc));
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
