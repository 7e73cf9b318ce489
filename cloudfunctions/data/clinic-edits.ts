import type { Product, Store } from '@clinic/shared';
import type { Database, Transaction } from '../platform/db-types';
import { COLLECTIONS } from './collections';
import type { SettingsDoc } from './clinic';
import type { Stored } from './documents';
import { findWhere, getById } from './read';

/**
 * What managers edit of the clinic (admin function): the settings document, stores and products,
 * each with its version. Every write here runs in the transaction that also writes its audit entry;
 * a store or product change also moves the catalogue version, so that every function instance's
 * cached copy is dropped on its next settings read (data/clinic.ts).
 */

/** Who changed a store or product last (kept on the document beside its version). */
export type EditStamp = {
  version?: number;
  updatedAt?: string;
  updatedByStaffId?: string;
  updatedByName?: string;
};

export type EditableStore = Stored<Store> & EditStamp;
export type EditableProduct = Stored<Product> & EditStamp;

export const getSettingsDoc = (db: Database, chainId: string) =>
  getById<SettingsDoc>(db, COLLECTIONS.settings, chainId);

/** Every store of the chain, open or not (a chain has a few; the server's page is 100). */
export const storesOfChain = (db: Database, chainId: string) =>
  findWhere<Store & EditStamp>(db, COLLECTIONS.stores, { chainId }, 100);

/** Every product of the chain, on sale or not. */
export const productsOfChain = (db: Database, chainId: string) =>
  findWhere<Product & EditStamp>(db, COLLECTIONS.products, { chainId }, 200);

export const getEditableStore = (db: Database, id: string) => getById<Store & EditStamp>(db, COLLECTIONS.stores, id);
export const getEditableProduct = (db: Database, id: string) =>
  getById<Product & EditStamp>(db, COLLECTIONS.products, id);

export function clinicEditsInTx(tx: Transaction) {
  const settings = tx.collection<SettingsDoc>(COLLECTIONS.settings);
  const stores = tx.collection<EditableStore>(COLLECTIONS.stores);
  const products = tx.collection<EditableProduct>(COLLECTIONS.products);
  return {
    getSettings: (chainId: string) => settings.doc(chainId).get(),
    /** The whole document: a section replaces its keys as a whole (an update would merge nested objects). */
    putSettings: (doc: SettingsDoc) => settings.doc(doc._id).set(doc),
    getStore: (id: string) => stores.doc(id).get(),
    putStore: (doc: EditableStore) => stores.doc(doc._id).set(doc),
    getProduct: (id: string) => products.doc(id).get(),
    putProduct: (doc: EditableProduct) => products.doc(doc._id).set(doc),
    /** Moves the chain's catalogue version on (creating the settings document when there is none). */
    async bumpCatalog(chainId: string, nowIso: string): Promise<void> {
      const doc = await settings.doc(chainId).get();
      const catalogVersion = (doc?.catalogVersion ?? 0) + 1;
      if (doc) await settings.doc(chainId).update({ catalogVersion, updatedAt: nowIso });
      else await settings.doc(chainId).set({ _id: chainId, catalogVersion, updatedAt: nowIso });
    },
  };
}
