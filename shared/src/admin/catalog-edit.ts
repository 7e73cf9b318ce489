import * as z from 'zod/mini';
import '../locale';
import { minutesOf } from '../booking/slots';
import { cloudPathOfFileId } from '../identity/avatar-file';
import { productSchema, type Product } from '../model/product';
import { storeSchema, type Store } from '../model/store';
import { changedPaths } from './changes';
import { fieldIssuesOf, type FieldIssue } from './field-issues';
import { PRODUCT_FIELD_LABELS, STORE_FIELD_LABELS, labelOfPath } from './field-labels';

/** What a manager edits of a store: when customers can book it, and the photos friends see. */
export const STORE_EDIT_KEYS = [
  'openingHours',
  'closedDates',
  'slotMinutes',
  'capacityPerSlot',
  'photoFileIds',
] as const;
export type StoreEdit = Pick<Store, (typeof STORE_EDIT_KEYS)[number]>;

/** What a manager edits of a product (its id and chain never change). */
export const PRODUCT_EDIT_KEYS = ['name', 'category', 'priceFen', 'durationMinutes', 'storeIds', 'active'] as const;
export type ProductEdit = Pick<Product, (typeof PRODUCT_EDIT_KEYS)[number]>;

const pick = <K extends string>(shape: Record<string, z.ZodMiniType>, keys: readonly K[]) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, shape[k] as z.ZodMiniType])) as Record<K, z.ZodMiniType>);

export const storeEditSchema = pick(storeSchema.shape, STORE_EDIT_KEYS);
export const productEditSchema = pick(productSchema.shape, PRODUCT_EDIT_KEYS);

/** Store photos uploaded from the settings page live in the store's own folder of cloud storage. */
export const storePhotoFolderOf = (storeId: string) => `stores/${storeId}`;

const FILE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$/;

/** A fileID of the store's photo folder with a plain file name (no sub-folder, no `..`). */
export function isStorePhotoFile(fileId: string, storeId: string): boolean {
  const path = cloudPathOfFileId(fileId);
  const folder = `${storePhotoFolderOf(storeId)}/`;
  if (!path?.startsWith(folder)) return false;
  const name = path.slice(folder.length);
  return FILE_NAME.test(name) && !name.includes('..');
}

export type Edited<T> =
  { ok: true; next: T; before: Partial<T>; after: Partial<T>; changed: string[] } | { ok: false; issues: FieldIssue[] };

const only = <T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> => {
  const out: Partial<T> = {};
  for (const k of keys) if (value[k] !== undefined) out[k] = value[k];
  return JSON.parse(JSON.stringify(out)) as Pick<T, K>;
};

/**
 * A store's hours, closed dates, slots and photos replaced by `value`: validated by the store
 * schema, every opening row long enough for one slot, closed dates sorted once each, and new
 * photos only from the store's own folder (the ones it had may stay).
 */
export function editStore(store: Store, value: unknown): Edited<Store> {
  const parsed = storeEditSchema.safeParse(value);
  const label = (p: string) => labelOfPath(STORE_FIELD_LABELS, p);
  if (!parsed.success) return { ok: false, issues: fieldIssuesOf(parsed.error, label) };
  const edit = parsed.data as StoreEdit;
  const issues: FieldIssue[] = [];
  edit.openingHours.forEach((row, i) => {
    const minutes = minutesOf(row.close) - minutesOf(row.open);
    if (minutes < edit.slotMinutes) {
      issues.push({
        path: `openingHours.${i}.close`,
        message: `打烊时间：须晚于开门时间至少一个预约时段（${edit.slotMinutes} 分钟）`,
      });
    }
  });
  edit.photoFileIds.forEach((id, i) => {
    if (!store.photoFileIds.includes(id) && !isStorePhotoFile(id, store.id)) {
      issues.push({ path: `photoFileIds.${i}`, message: '门店照片：只能使用为本店上传的照片' });
    }
  });
  if (issues.length > 0) return { ok: false, issues };
  const normalised: StoreEdit = {
    ...edit,
    openingHours: [...edit.openingHours].sort((a, b) => a.weekday - b.weekday || minutesOf(a.open) - minutesOf(b.open)),
    closedDates: [...new Set(edit.closedDates)].sort(),
  };
  const next: Store = { ...store, ...normalised };
  const before = only(store, STORE_EDIT_KEYS);
  const after = only(next, STORE_EDIT_KEYS);
  return { ok: true, next, before, after, changed: changedPaths(before, after) };
}

/**
 * A product's fields replaced by `value` (or a new product made of it): validated by the product
 * schema, its stores only the chain's (`chainStoreIds`), listed once each.
 */
export function editProduct(
  current: Product | null,
  base: { id: string; chainId: string },
  value: unknown,
  chainStoreIds: readonly string[],
): Edited<Product> {
  const parsed = productEditSchema.safeParse(value);
  const label = (p: string) => labelOfPath(PRODUCT_FIELD_LABELS, p);
  if (!parsed.success) return { ok: false, issues: fieldIssuesOf(parsed.error, label) };
  const edit = parsed.data as ProductEdit;
  const unknown = edit.storeIds.findIndex((id) => !chainStoreIds.includes(id));
  if (unknown >= 0) return { ok: false, issues: [{ path: `storeIds.${unknown}`, message: '提供门店：没有这家门店' }] };
  // The edit replaces every editable field: a price left out is no price any more.
  const kept: Partial<Product> = { ...(current ?? base) };
  delete kept.priceFen;
  const next = {
    ...kept,
    ...edit,
    id: base.id,
    chainId: base.chainId,
    storeIds: [...new Set(edit.storeIds)].sort(),
  } as Product;
  const before = current ? only(current, PRODUCT_EDIT_KEYS) : {};
  const after = only(next, PRODUCT_EDIT_KEYS);
  return { ok: true, next, before, after, changed: changedPaths(before, after) };
}
