import { DEMO_CHAIN_ID } from '../../../local-cloud/src/dev/seed/demo-identities';
import { bookingInput, type Clinic } from '../../test/support/clinic';

/** The desk of each demo store (a consultant or the store's manager checks people in). */
const DESK: Record<string, string> = { 'store-1': 'demo-staff-consultant-1', 'store-2': 'demo-manager-store-2' };

/** The customer arrives and the desk checks them in by phone (`visits.checkIn`), once a day. */
export async function checkedIn(clinic: Clinic, customerId: string, storeId = 'store-1'): Promise<void> {
  const [customer] = clinic.cloud.db.find('customers', { _id: customerId }) as { phone: string }[];
  if (!customer) throw new Error(`no customer ${customerId}`);
  const res = await clinic.call('visits', 'checkIn', { phone: customer.phone }, DESK[storeId]);
  if (!res.body.ok) throw new Error(`check-in failed: ${JSON.stringify(res.body)}`);
}

/** A newcomer booked through a referral card (a new customer with a referral relationship): their customer id. */
export async function referredNewcomer(
  clinic: Clinic,
  referralCode: string | undefined,
  phone: string,
  openid: string,
  over: Record<string, unknown> = {},
): Promise<string> {
  const res = await clinic.call(
    'booking',
    'create',
    bookingInput({ phone, ...(referralCode ? { referralCode } : {}), ...over }),
    openid,
  );
  if (!res.body.ok) throw new Error(`booking failed: ${JSON.stringify(res.body)}`);
  return (clinic.cloud.db.find('bookings', { _id: res.body.data.id })[0] as { customerId: string }).customerId;
}

let keys = 0;
/** A fresh client idempotency key (what the checkout form generates once). */
export const newKey = (): string => `test-key-${process.pid}-${++keys}`;

/** The item of the botulinum project at its demo list price (¥2,980), paid in full unless told. */
export const botulinum = (paidFen = 298_000, amountFen = 298_000) => ({
  productId: 'product-botulinum',
  amountFen,
  paidFen,
});

/** Collections a deal writes (compared before and after a refused request). */
export function dealCounts(clinic: Clinic): Record<string, number> {
  return {
    ...clinic.counts(),
    deals: clinic.count('deals'),
    dealRequests: clinic.count('dealRequests'),
    visits: clinic.count('visits'),
  };
}

/** Replaces the clinic's reward policies (settings are read on every call). */
export function setRewardPolicies(clinic: Clinic, policies: Record<string, unknown>[]): void {
  const reply = clinic.cloud.db.handle('database.modifyDocument', {
    collectionName: 'settings',
    queryType: 'DOC',
    query: JSON.stringify({ _id: DEMO_CHAIN_ID }),
    data: JSON.stringify({ $set: { 'rewards.policies': policies } }),
    multi: false,
    merge: true,
    upsert: false,
  });
  if ((reply as { data?: { updated?: number } }).data?.updated !== 1) {
    throw new Error(`settings not updated: ${JSON.stringify(reply)}`);
  }
}
