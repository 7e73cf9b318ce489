import {
  AUDIT_KINDS,
  PRODUCT_FIELD_LABELS,
  SETTINGS_SECTIONS,
  STORE_FIELD_LABELS,
  auditKindLabel,
  auditKindOf,
  changedPaths,
  dayRangeBounds,
  isSettingsSection,
  labelOfPath,
  maskPhonesIn,
  seesFullPhones,
  settingsFieldLabel,
  valueAtPath,
  type AdminContract,
  type AuditItem,
  type AuditLogEntry,
  type Staff,
} from '@clinic/shared';
import type { z } from 'zod';
import { auditPage } from '../../data/audit';
import { getStores } from '../../data/clinic';
import { COLLECTIONS } from '../../data/collections';
import { findWhere } from '../../data/read';
import type { Caller } from '../../platform/access';
import type { Database } from '../../platform/db-types';
import { AppError } from '../../platform/errors';
import { editorOf } from './access';
import { decodeAuditCursor, encodeAuditCursor } from './audit-cursor';

type In<A extends keyof AdminContract> = z.output<AdminContract[A]['input']>;

/** How many changed fields one entry shows (a section has more only when rebuilt from scratch). */
const MAX_CHANGES = 20;

/**
 * The audit log, newest first, one page (≤ 50, so one server page) per call: a store manager reads
 * their store's entries only (asking for another store is NOT_FOUND), the chain's managers and
 * admins every entry, filtered by kind, days, store and colleague in the database. Reading is all
 * there is: no action edits or deletes an entry.
 */
export async function listAudit(input: In<'listAudit'>, caller: Caller, db: Database) {
  const { me, scope } = editorOf(caller);
  let storeId = input.storeId;
  if (scope?.kind !== 'chain') {
    if (storeId !== undefined && storeId !== me.storeId) throw new AppError('NOT_FOUND', '没有找到这家门店');
    storeId = me.storeId;
  }
  if (input.from && input.to && input.from > input.to) {
    throw new AppError('INVALID_INPUT', '开始日期不能晚于结束日期（字段 from）');
  }
  const after = decodeAuditCursor(input.cursor);
  const rows = await auditPage(db, {
    chainId: me.chainId,
    ...(storeId ? { storeId } : {}),
    ...(input.actorId ? { actorId: input.actorId } : {}),
    ...(input.kind ? { actions: AUDIT_KINDS[input.kind].actions } : {}),
    ...dayRangeBounds({ ...(input.from ? { from: input.from } : {}), ...(input.to ? { to: input.to } : {}) }),
    ...(after ? { after } : {}),
    // One more than the page says whether there is a next one.
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const _ = db.command;
  const actorIds = [...new Set(page.map((e) => e.actorId))];
  const [staff, stores] = await Promise.all([
    actorIds.length
      ? findWhere<Staff>(db, COLLECTIONS.staff, { _id: _.in!(actorIds) }, actorIds.length)
      : Promise.resolve([]),
    getStores(
      db,
      page.flatMap((e) => (e.storeId ? [e.storeId] : [])),
    ),
  ]);
  const names = new Map(staff.map((s) => [s._id, s.name]));
  const full = seesFullPhones(scope);
  const last = page[page.length - 1];
  return {
    items: page.map((e) => {
      const item = itemOf(e, names.get(e.actorId), e.storeId ? stores.get(e.storeId)?.name : undefined);
      return full ? item : maskPhonesIn(item);
    }),
    ...(rows.length > input.limit && last ? { nextCursor: encodeAuditCursor({ at: last.at, id: last.id }) } : {}),
  };
}

function itemOf(e: AuditLogEntry, actorName: string | undefined, storeName: string | undefined): AuditItem {
  const kind = auditKindOf(e.action);
  const labelOf = labellerOf(e.action);
  const changes =
    e.before === undefined && e.after === undefined
      ? []
      : changedPaths(e.before ?? {}, e.after ?? {})
          .slice(0, MAX_CHANGES)
          .map((path) => ({
            path,
            label: (labelOf(path) ?? path).slice(0, 40),
            before: valueAtPath(e.before, path),
            after: valueAtPath(e.after, path),
          }));
  return {
    id: e.id,
    source: 'log',
    at: e.at,
    kind,
    kindLabel: auditKindLabel(kind),
    action: e.action,
    outcome: e.outcome,
    ...(e.rule ? { rule: e.rule } : {}),
    actorId: e.actorId,
    ...(actorName ? { actorName } : {}),
    targetId: e.targetId,
    ...(e.storeId ? { storeId: e.storeId } : {}),
    ...(storeName ? { storeName } : {}),
    message: e.message,
    ...(e.section ? { section: e.section } : {}),
    ...(e.section ? { sectionLabel: sectionLabelOf(e.section) } : {}),
    ...(e.version !== undefined ? { version: e.version } : {}),
    changes,
  };
}

function labellerOf(action: string): (path: string) => string | undefined {
  if (action.startsWith('store.')) return (p) => labelOfPath(STORE_FIELD_LABELS, p);
  if (action.startsWith('product.')) return (p) => labelOfPath(PRODUCT_FIELD_LABELS, p);
  return settingsFieldLabel;
}

const sectionLabelOf = (section: string): string =>
  isSettingsSection(section)
    ? SETTINGS_SECTIONS[section].label
    : section === 'store'
      ? '门店'
      : section === 'product'
        ? '项目'
        : section;
