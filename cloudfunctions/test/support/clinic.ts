import type { TestCloud } from '../../../local-cloud/test/support/local-cloud';
import { seedDemoClinic } from '../../../local-cloud/src/dev';
import { startFunctionsCloud } from './cloud';

/** Monday 2027-03-01 09:00 in Shanghai: both demo stores are open the next day (Tuesday: 一店 only). */
export const CLINIC_NOW = '2027-03-01T01:00:00.000Z';
export const TOMORROW = '2027-03-02';
/** A Wednesday: both stores open. */
export const WEDNESDAY = '2027-03-03';

export const WANGLI = { openid: 'demo-customer-wangli', id: 'cust-0001', owner: 'staff-s1-consultant-1' };
export const LIUFANG = { openid: 'demo-customer-liufang', id: 'cust-0002', owner: 'staff-s1-butler-1' };
export const ZHANGMIN = { openid: 'demo-customer-zhangmin', id: 'cust-0003', owner: 'staff-s2-membership-1' };
export const NEWCOMER = 'demo-newcomer-1';
export const STAFF = 'demo-staff-consultant-1';
export const MANAGER = 'demo-manager-store-1';

export interface Clinic {
  cloud: TestCloud;
  call(
    fn: string,
    action: string,
    data?: unknown,
    openid?: string,
  ): Promise<{ status: number; body: any; headers: Headers }>;
  count(collection: string, query?: Record<string, unknown>): number;
  counts(): Record<string, number>;
}

/** A fresh local cloud with the functions built, `setup` run and the demo clinic seeded at CLINIC_NOW. */
export async function startClinic(now = CLINIC_NOW): Promise<Clinic> {
  const cloud = await startFunctionsCloud();
  cloud.clock.set(new Date(now));
  seedDemoClinic(cloud.db, cloud.clock.now(), cloud.files);
  const count = (collection: string, query: Record<string, unknown> = {}) => {
    try {
      return cloud.db.find(collection, query).length;
    } catch {
      return 0;
    }
  };
  const WATCHED = [
    'users',
    'customers',
    'bookings',
    'slotCounters',
    'persons',
    'filings',
    'attributions',
    'followUpTasks',
    'auditLogs',
    'referralCards',
    'referralCardHolders',
    'referrals',
    'rewardLedger',
  ];
  return {
    cloud,
    call: (fn, action, data, openid) => cloud.call(fn, data === undefined ? { action } : { action, data }, openid),
    count,
    counts: () => Object.fromEntries(WATCHED.map((c) => [c, count(c)])),
  };
}

export const bookingInput = (over: Record<string, unknown> = {}) => ({
  storeId: 'store-1',
  productId: 'product-botulinum',
  date: TOMORROW,
  slot: '10:00',
  name: '林小雨',
  phone: '13900001111',
  consentVersion: '2026-12',
  sensitiveConsent: true,
  ...over,
});
