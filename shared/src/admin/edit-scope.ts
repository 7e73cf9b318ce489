import type { Scope } from '../identity/scope';

/**
 * Who may edit which part of the clinic's catalogue (docs/business-rules.md §1 scopes): an admin or
 * a chain manager the whole chain, a store manager their own store. What a store manager may not
 * edit elsewhere must look like something that does not exist (NOT_FOUND), as every read does.
 */
export interface Editor {
  /** The caller's data scope as the access guard read it. */
  scope: Scope | null;
  chainId: string;
  admin: boolean;
}

/** The scope an editor edits the catalogue in: an admin (who may hold no manager post) edits the chain. */
export function catalogScope(editor: Editor): Scope | null {
  if (editor.admin) return { kind: 'chain', chainId: editor.chainId };
  return editor.scope?.kind === 'chain' || editor.scope?.kind === 'store' ? editor.scope : null;
}

export function mayEditStore(scope: Scope | null, store: { id: string; chainId: string }): boolean {
  if (!scope || store.chainId !== scope.chainId) return false;
  return scope.kind === 'chain' || (scope.kind === 'store' && store.id === scope.storeId);
}

export type ProductRight = { ok: true } | { ok: false; code: 'NOT_FOUND' | 'FORBIDDEN'; message: string };

const offeredAt = (storeIds: readonly string[], storeId: string) => storeIds.length === 0 || storeIds.includes(storeId);
const onlyAt = (storeIds: readonly string[], storeId: string) => storeIds.length === 1 && storeIds[0] === storeId;

/**
 * A product is the chain's; a store manager may edit (or add) only a product that is their store's
 * alone — one offered by other stores too changes what those stores sell, which is the chain's call.
 * A product their store does not offer looks missing to them.
 */
export function productEditRight(
  scope: Scope | null,
  current: { chainId: string; storeIds: readonly string[] } | null,
  nextStoreIds: readonly string[],
): ProductRight {
  const notFound: ProductRight = { ok: false, code: 'NOT_FOUND', message: '没有找到这个项目' };
  if (!scope || scope.kind === 'person') return notFound;
  if (current && current.chainId !== scope.chainId) return notFound;
  if (scope.kind === 'chain') return { ok: true };
  if (current && !offeredAt(current.storeIds, scope.storeId)) return notFound;
  if ((current && !onlyAt(current.storeIds, scope.storeId)) || !onlyAt(nextStoreIds, scope.storeId)) {
    return {
      ok: false,
      code: 'FORBIDDEN',
      message: '店长只能修改仅本店提供的项目；多店共用的项目请联系总经理或管理员',
    };
  }
  return { ok: true };
}

/** Whether the editor may change the product as it is (for the page: which products show 编辑). */
export const mayEditProduct = (scope: Scope | null, product: { chainId: string; storeIds: readonly string[] }) =>
  productEditRight(scope, product, product.storeIds).ok;

/** Whether the editor sees the product at all (a store manager: what their store offers). */
export function productVisible(scope: Scope | null, product: { chainId: string; storeIds: readonly string[] }) {
  const right = productEditRight(scope, product, product.storeIds);
  return right.ok || right.code !== 'NOT_FOUND';
}
