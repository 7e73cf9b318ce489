import {
  changeSummary,
  checkVersion,
  editProduct,
  editStore,
  fieldIssuesMessage,
  labelOfPath,
  mayEditStore,
  PRODUCT_FIELD_LABELS,
  productEditRight,
  STORE_FIELD_LABELS,
  type AdminContract,
  type FieldIssue,
  type Product,
} from '@clinic/shared';
import { randomBytes } from 'crypto';
import type { z } from 'zod';
import {
  clinicEditsInTx,
  getEditableProduct,
  getEditableStore,
  storesOfChain,
  type EditStamp,
} from '../../data/clinic-edits';
import type { Caller } from '../../platform/access';
import type { Database } from '../../platform/db-types';
import { AppError } from '../../platform/errors';
import { transact } from '../../platform/transaction';
import { writeAudit } from '../../services/audit';
import { knownTempUrls, tempUrlsOf } from '../../services/files';
import { editorOf } from './access';
import { auditIdFor } from './audit-id';
import { productView, storeView } from './views';

type In<A extends keyof AdminContract> = z.output<AdminContract[A]['input']>;

const storeNotFound = () => new AppError('NOT_FOUND', '没有找到这家门店');
const invalid = (issues: FieldIssue[]) => new AppError('INVALID_INPUT', fieldIssuesMessage(issues));
const stampOf = (me: { id: string; name: string }, version: number, at: string): EditStamp => ({
  version,
  updatedAt: at,
  updatedByStaffId: me.id,
  updatedByName: me.name,
});

/**
 * A store's hours, closed dates, slot length and capacity, photos. A store manager edits only their
 * own store (any other looks missing); the change, the catalogue version every function's cache
 * watches and the audit entry are one transaction, so booking.listSlots shows it on its next call.
 */
export async function updateStore(input: In<'updateStore'>, caller: Caller, db: Database, now: Date) {
  const { me, scope } = editorOf(caller);
  const seen = await getEditableStore(db, input.storeId);
  if (!seen || !mayEditStore(scope, { id: seen._id, chainId: seen.chainId })) throw storeNotFound();
  // New photos must be in storage (a storage question, asked before the transaction).
  const draft = editStore(seen, input.store);
  if (draft.ok) await assertPhotosStored(seen.photoFileIds ?? [], draft.next.photoFileIds);

  const at = now.toISOString();
  const saved = await transact(db, async (tx) => {
    const edits = clinicEditsInTx(tx);
    const store = await edits.getStore(input.storeId);
    if (!store || !mayEditStore(scope, { id: store._id, chainId: store.chainId })) throw storeNotFound();
    const check = checkVersion(store.version ?? 0, input.expectedVersion, nameOf(store));
    if (!check.ok) throw new AppError(check.code, check.message);
    const edit = editStore(store, input.store);
    if (!edit.ok) throw invalid(edit.issues);
    if (edit.changed.length === 0) return { doc: store, changed: [] as string[] };
    const doc = { ...(edit.next as typeof store), ...stampOf(me, check.next, at) };
    await edits.putStore(doc);
    await edits.bumpCatalog(store.chainId, at);
    await writeAudit(tx, {
      id: auditIdFor('store', store._id, check.next),
      chainId: store.chainId,
      at,
      actorId: me.id,
      action: 'store.update',
      targetId: store._id,
      storeId: store._id,
      outcome: 'allowed',
      message: changeSummary(`修改门店 ${store.name}`, edit.changed, (p) => labelOfPath(STORE_FIELD_LABELS, p)),
      section: 'store',
      before: edit.before,
      after: edit.after,
      version: check.next,
    });
    return { doc, changed: edit.changed };
  });
  const urls = await tempUrlsOf(saved.doc.photoFileIds ?? []);
  return { store: storeView(saved.doc, scope, urls), changed: saved.changed };
}

async function assertPhotosStored(kept: readonly string[], next: readonly string[]): Promise<void> {
  const added = next.filter((id) => !kept.includes(id));
  if (added.length === 0) return;
  const known = await knownTempUrls(added);
  const issues = next.flatMap((id, i) =>
    added.includes(id) && !known.has(id)
      ? [{ path: `photoFileIds.${i}`, message: '门店照片：照片不存在或已删除，请重新上传' }]
      : [],
  );
  if (issues.length > 0) throw invalid(issues);
}

const nameOf = (doc: EditStamp) => (doc.updatedByName ? { byName: doc.updatedByName } : {});

/**
 * A product changed or added. A store manager changes (or adds) only products their store offers
 * alone; a product their store does not offer looks missing, one shared with other stores is the
 * chain's to change. Its stores must be the chain's.
 */
export async function upsertProduct(input: In<'upsertProduct'>, caller: Caller, db: Database, now: Date) {
  const { me, scope } = editorOf(caller);
  const id = input.productId ?? `product-${randomBytes(6).toString('hex')}`;
  const [seen, stores] = await Promise.all([
    input.productId ? getEditableProduct(db, input.productId) : Promise.resolve(null),
    storesOfChain(db, me.chainId),
  ]);
  if (input.productId && !seen) throw new AppError('NOT_FOUND', '没有找到这个项目');
  const storeIds = stores.map((s) => s._id);
  rightOrThrow(scope, seen, seen?.storeIds ?? null);

  const at = now.toISOString();
  const saved = await transact(db, async (tx) => {
    const edits = clinicEditsInTx(tx);
    const current = input.productId ? await edits.getProduct(id) : null;
    if (input.productId && !current) throw new AppError('NOT_FOUND', '没有找到这个项目');
    rightOrThrow(scope, current, current?.storeIds ?? null);
    const check = checkVersion(current?.version ?? 0, input.expectedVersion, current ? nameOf(current) : {});
    if (!check.ok) throw new AppError(check.code, check.message);
    const edit = editProduct(current, { id, chainId: me.chainId }, input.product, storeIds);
    if (!edit.ok) throw invalid(edit.issues);
    rightOrThrow(scope, current, edit.next.storeIds);
    if (current && edit.changed.length === 0) return { doc: current, changed: [] as string[] };
    const doc = { ...(edit.next as Product), _id: id, ...stampOf(me, check.next, at) };
    await edits.putProduct(doc);
    await edits.bumpCatalog(me.chainId, at);
    const only = edit.next.storeIds.length === 1 ? edit.next.storeIds[0] : undefined;
    await writeAudit(tx, {
      id: auditIdFor('product', id, check.next),
      chainId: me.chainId,
      at,
      actorId: me.id,
      action: current ? 'product.update' : 'product.create',
      targetId: id,
      ...(only ? { storeId: only } : {}),
      outcome: 'allowed',
      message: changeSummary(`${current ? '修改' : '新增'}项目 ${edit.next.name}`, edit.changed, (p) =>
        labelOfPath(PRODUCT_FIELD_LABELS, p),
      ),
      section: 'product',
      before: edit.before,
      after: edit.after,
      version: check.next,
    });
    return { doc, changed: edit.changed };
  });
  return { product: productView(saved.doc, scope), created: !input.productId, changed: saved.changed };
}

/** The shared rule's refusal as the function's answer; `next` null checks only that the product is theirs. */
function rightOrThrow(
  scope: ReturnType<typeof editorOf>['scope'],
  current: Pick<Product, 'chainId' | 'storeIds'> | null,
  next: readonly string[] | null,
): void {
  if (!current && next === null) return;
  const right = productEditRight(scope, current, next ?? (current as Pick<Product, 'storeIds'>).storeIds);
  if (!right.ok) throw new AppError(right.code, right.message);
}
