import { PRODUCT_CATEGORIES, editProduct, type AdminProduct } from '@clinic/shared';
import { fenToYuanText, fromDraftValue } from './field-kinds';
import { errorsOf, type FieldErrors } from './settings-draft';

/**
 * A product as its form holds it: name, category, list price in yuan (empty: none shown),
 * duration in minutes, the stores that offer it (none chosen: every store) and whether it is on
 * sale. Saving checks it with shared `editProduct`, as the server does.
 */
export interface ProductDraft {
  name: string;
  category: string;
  price: string;
  durationMinutes: string;
  storeIds: string[];
  active: boolean;
}

export const CATEGORY_OPTIONS = Object.entries(PRODUCT_CATEGORIES).map(([value, label]) => ({ value, label }));

export function toProductDraft(p: AdminProduct): ProductDraft {
  return {
    name: p.name,
    category: p.category,
    price: p.priceFen === undefined ? '' : fenToYuanText(p.priceFen),
    durationMinutes: String(p.durationMinutes),
    storeIds: [...p.storeIds],
    active: p.active,
  };
}

/** A new product: a store manager's is their store's alone. */
export function newProductDraft(onlyStoreId?: string): ProductDraft {
  return {
    name: '',
    category: 'other',
    price: '',
    durationMinutes: '60',
    storeIds: onlyStoreId ? [onlyStoreId] : [],
    active: true,
  };
}

export function toggleStore(draft: ProductDraft, storeId: string): ProductDraft {
  const has = draft.storeIds.includes(storeId);
  return {
    ...draft,
    storeIds: has ? draft.storeIds.filter((s) => s !== storeId) : [...draft.storeIds, storeId].sort(),
  };
}

export type ProductEditResult = { ok: true; value: Record<string, unknown> } | { ok: false; errors: FieldErrors };

export function fromProductDraft(draft: ProductDraft, chainStoreIds: readonly string[]): ProductEditResult {
  const errors: FieldErrors = {};
  const price = fromDraftValue({ type: 'yuan', nullable: '不标价' }, draft.price);
  if (!price.ok) errors.priceFen = price.message;
  const duration = fromDraftValue({ type: 'int', unit: '分钟' }, draft.durationMinutes);
  if (!duration.ok) errors.durationMinutes = duration.message;
  if (!price.ok || !duration.ok) return { ok: false, errors };
  const value = {
    name: draft.name.trim(),
    category: draft.category,
    ...(price.value === null ? {} : { priceFen: price.value }),
    durationMinutes: duration.value,
    storeIds: draft.storeIds,
    active: draft.active,
  };
  const checked = editProduct(null, { id: 'draft', chainId: 'draft' }, value, chainStoreIds);
  if (!checked.ok) return { ok: false, errors: errorsOf(checked.issues) };
  return { ok: true, value };
}
