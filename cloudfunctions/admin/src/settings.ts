import {
  SETTINGS_SECTIONS,
  changeSummary,
  checkVersion,
  fieldIssuesMessage,
  mayEditStore,
  productVisible,
  replaceSection,
  settingsFieldLabel,
  type AdminContract,
} from '@clinic/shared';
import type { z } from 'zod';
import { settingsOfDoc, type SettingsDoc } from '../../data/clinic';
import { clinicEditsInTx, getSettingsDoc, productsOfChain, storesOfChain } from '../../data/clinic-edits';
import type { Caller } from '../../platform/access';
import type { Database } from '../../platform/db-types';
import { AppError } from '../../platform/errors';
import { callerMay } from '../../platform/staff-roles';
import { transact } from '../../platform/transaction';
import { writeAudit } from '../../services/audit';
import { tempUrlsOf } from '../../services/files';
import { SETTINGS_EDITORS, editorOf } from './access';
import { auditIdFor } from './audit-id';
import { productView, storeView } from './views';

type In<A extends keyof AdminContract> = z.output<AdminContract[A]['input']>;

const lastChangeOfDoc = (doc: SettingsDoc | null) => (doc?.settingsChange ? { lastChange: doc.settingsChange } : {});

/** The settings as every function reads them, their version, and the stores and products the caller may see. */
export async function getSettings(caller: Caller, db: Database) {
  const { me, scope } = editorOf(caller);
  const [doc, stores, products] = await Promise.all([
    getSettingsDoc(db, me.chainId),
    storesOfChain(db, me.chainId),
    productsOfChain(db, me.chainId),
  ]);
  // A store manager sees their store and what it offers; the chain's managers everything.
  const visibleStores = stores.filter((s) => mayEditStore(scope, { id: s._id, chainId: s.chainId }));
  const visibleProducts = products.filter((p) => productVisible(scope, p));
  const photoUrls = await tempUrlsOf(visibleStores.flatMap((s) => s.photoFileIds ?? []));
  const byId = <T extends { _id: string }>(a: T, b: T) => (a._id < b._id ? -1 : 1);
  return {
    settings: settingsOfDoc(doc),
    version: doc?.settingsVersion ?? 0,
    ...lastChangeOfDoc(doc),
    canEditSettings: callerMay(caller, SETTINGS_EDITORS),
    stores: visibleStores.sort(byId).map((s) => storeView(s, scope, photoUrls)),
    products: visibleProducts.sort(byId).map((p) => productView(p, scope)),
  };
}

/**
 * One section of the chain's settings replaced, in one transaction with its audit entry: the
 * version read in the transaction must be the one the form was made from, the value passes the
 * shared schema and rules (every wrong field named), and nothing is written otherwise. Every
 * function reads the settings document on each call, so the next call anywhere sees the change.
 */
export async function updateSettings(input: In<'updateSettings'>, caller: Caller, db: Database, now: Date) {
  const { me } = editorOf(caller);
  const at = now.toISOString();
  const chainId = me.chainId;
  return transact(db, async (tx) => {
    const edits = clinicEditsInTx(tx);
    const doc = await edits.getSettings(chainId);
    const version = doc?.settingsVersion ?? 0;
    const check = checkVersion(version, input.expectedVersion, {
      ...(doc?.settingsChange ? { byName: doc.settingsChange.name } : {}),
    });
    if (!check.ok) throw new AppError(check.code, check.message);
    const edit = replaceSection(settingsOfDoc(doc), input.section, input.value);
    if (!edit.ok) throw new AppError('INVALID_INPUT', fieldIssuesMessage(edit.issues));
    if (edit.changed.length === 0) return { settings: edit.settings, version, ...lastChangeOfDoc(doc), changed: [] };

    const change = { staffId: me.id, name: me.name, at, section: input.section };
    await edits.putSettings({
      ...(doc ?? {}),
      ...edit.after,
      _id: chainId,
      settingsVersion: check.next,
      settingsChange: change,
      updatedAt: at,
    });
    await writeAudit(tx, {
      id: auditIdFor('settings', chainId, check.next),
      chainId,
      at,
      actorId: me.id,
      action: 'settings.update',
      targetId: chainId,
      outcome: 'allowed',
      message: changeSummary(`修改${SETTINGS_SECTIONS[input.section].label}`, edit.changed, settingsFieldLabel),
      section: input.section,
      before: edit.before,
      after: edit.after,
      version: check.next,
    });
    return { settings: edit.settings, version: check.next, lastChange: change, changed: edit.changed };
  });
}
