import { adminContract } from '@clinic/shared';
import { defineFunction } from '../../platform/define-function';
import { AUDIT_READERS, CATALOG_EDITORS, SETTINGS_EDITORS, SETTINGS_READERS } from './access';
import { listAudit } from './audit-list';
import { updateStore, upsertProduct } from './catalog';
import { getSettings, updateSettings } from './settings';

/**
 * Managers' settings and the audit log viewer. The audit log has no action here (or anywhere) that
 * edits or deletes an entry.
 */
export const main = defineFunction(
  adminContract,
  {
    getSettings: (_input, { caller, db }) => getSettings(caller, db),
    updateSettings: (input, { caller, db, now }) => updateSettings(input, caller, db, now),
    updateStore: (input, { caller, db, now }) => updateStore(input, caller, db, now),
    upsertProduct: (input, { caller, db, now }) => upsertProduct(input, caller, db, now),
    listAudit: (input, { caller, db }) => listAudit(input, caller, db),
  },
  {
    access: {
      getSettings: SETTINGS_READERS,
      updateSettings: SETTINGS_EDITORS,
      updateStore: CATALOG_EDITORS,
      upsertProduct: CATALOG_EDITORS,
      listAudit: AUDIT_READERS,
    },
  },
);
