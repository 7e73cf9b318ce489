import {
  detectSelfReferral,
  type ClinicSettings,
  type Customer,
  type Product,
  type ReferralCard,
  type Staff,
  type Store,
} from '@clinic/shared';
import { AppError } from '../../common/errors';
import { COLLECTIONS } from '../../common/collections';
import { customerByPhone, getById, getCustomer, loadSettings, type Stored } from '../../common/clinic';
import type { Database } from '../../common/db-types';
import { parseTypedCode } from '../../common/referral-codes';
import { assertSlot, loadStoreAndProduct, refuse } from './booking-guards';

export type CreateBookingInput = {
  storeId: string;
  productId: string;
  date: string;
  slot: string;
  name: string;
  phone: string;
  consentVersion: string;
  referralCode?: string;
};

/** Everything `create` reads before its transaction, so the transaction only touches what it must. */
export interface CreateContext {
  openid: string;
  now: Date;
  store: Stored<Store>;
  product: Stored<Product>;
  settings: ClinicSettings;
  referrer?: Stored<Customer>;
  code?: string;
  existingCustomer?: Stored<Customer>;
  owner?: { staffId: string; department?: Staff['department'] };
}

/** Checks the request (code, store, product, slot, referrer) and gathers the context, in this read order. */
export async function loadCreateContext(
  db: Database,
  input: CreateBookingInput,
  openid: string,
  now: Date,
): Promise<CreateContext> {
  // A mistyped code is refused before any database read.
  let code: string | undefined;
  if (input.referralCode !== undefined && input.referralCode.trim() !== '') {
    const parsed = parseTypedCode(input.referralCode);
    if (!parsed.ok) throw new AppError('INVALID_CODE', parsed.message);
    code = parsed.code;
  }
  const { store, product } = await loadStoreAndProduct(db, input.storeId, input.productId);
  assertSlot(store, input.date, input.slot, now);
  const chainId = store.chainId;

  const [settings, card, existingCustomer] = await Promise.all([
    loadSettings(db, chainId),
    code ? getById<ReferralCard>(db, COLLECTIONS.referralCards, code) : Promise.resolve(null),
    customerByPhone(db, chainId, input.phone),
  ]);
  let referrer: Stored<Customer> | undefined;
  if (code) {
    if (!card || card.status !== 'active' || card.chainId !== chainId) throw refuse('INVALID_CODE');
    referrer = (await getCustomer(db, card.customerId)) ?? undefined;
    if (!referrer) throw refuse('INVALID_CODE');
    const self = detectSelfReferral(
      { customerId: referrer._id, phone: referrer.phone, openids: referrer.openids },
      { ...(existingCustomer ? { customerId: existingCustomer._id } : {}), phone: input.phone, openids: [openid] },
    );
    if (self) throw new AppError('SELF_REFERRAL');
  }
  // A first filing not credited to the referrer's owner is worked by the store's call centre.
  const creditsReferrerOwner = referrer?.ownerStaffId !== undefined && settings.cardReferralChannel === 'referral';
  let owner: CreateContext['owner'];
  if (!existingCustomer && !creditsReferrerOwner) {
    const staff = await defaultOwner(db, store);
    if (staff) owner = { staffId: staff.id, department: staff.department };
  }
  return {
    openid,
    now,
    store,
    product,
    settings,
    ...(referrer ? { referrer } : {}),
    ...(code ? { code } : {}),
    ...(existingCustomer ? { existingCustomer } : {}),
    ...(owner ? { owner } : {}),
  };
}

/**
 * Who works a mini-program filing (no referrer's owner to credit): the store's call centre
 * (呼叫中心), not the verification group; the store manager when there is none.
 */
async function defaultOwner(db: Database, store: Store): Promise<Staff | undefined> {
  const { data } = await db
    .collection<Stored<Staff> & Record<string, unknown>>(COLLECTIONS.staff)
    .where({ storeId: store.id, active: true })
    .limit(100)
    .get();
  const staff = (data as Stored<Staff>[]).sort((a, b) => (a.id < b.id ? -1 : 1));
  return (
    staff.find((s) => s.post === 'call_centre' && !s.managerKind && s.department !== 'cs4_followup') ??
    staff.find((s) => s.managerKind === 'store_manager')
  );
}
