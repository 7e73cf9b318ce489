import { DEMO_CHAIN_ID } from '../../../local-cloud/src/dev/seed/demo-identities';
import type { Clinic } from '../../test/support/clinic';

/** Demo managers (local-cloud/src/dev/seed/demo-identities.ts). */
export const GM = 'demo-manager-gm'; // general manager and admin, chain
export const SM1 = 'demo-manager-store-1';
export const SM2 = 'demo-manager-store-2';
export const CHANNEL_LEAD = 'demo-manager-channel';
/** An admin without a manager post (inserted by the suites that need one). */
export const ADMIN_ONLY = 'test-admin-only';

export const admin = (clinic: Clinic, action: string, data: unknown, openid: string | undefined) =>
  clinic.call('admin', action, data, openid);

export const settingsDoc = (clinic: Clinic) =>
  clinic.cloud.db.find('settings', { _id: DEMO_CHAIN_ID })[0] as Record<string, any>;
export const storeDoc = (clinic: Clinic, id: string) => clinic.cloud.db.find('stores', { _id: id })[0] as any;
export const productDoc = (clinic: Clinic, id: string) => clinic.cloud.db.find('products', { _id: id })[0] as any;
export const auditEntries = (clinic: Clinic, query: Record<string, unknown> = {}) =>
  clinic.cloud.db.find('auditLogs', query) as any[];

/** Everything the admin function may write: a refused or failed call must leave all of it as it was. */
export const editable = (clinic: Clinic) => ({
  settings: clinic.cloud.db.find('settings'),
  stores: clinic.cloud.db.find('stores'),
  products: clinic.cloud.db.find('products'),
  audit: clinic.cloud.db.find('auditLogs'),
});

export function addAdminWithoutPost(clinic: Clinic): void {
  clinic.cloud.db.insertMany('staff', [
    {
      _id: 'staff-admin-only',
      id: 'staff-admin-only',
      chainId: DEMO_CHAIN_ID,
      storeId: 'store-2',
      name: '韦管理',
      post: 'membership_centre',
      department: 'cs2',
      openid: ADMIN_ONLY,
      admin: true,
      active: true,
    },
  ]);
}

/** A Chinese message naming a field the way the shared field issues do. */
export const namesField = (path: string) => expect.stringContaining(`（字段 ${path}）`);
