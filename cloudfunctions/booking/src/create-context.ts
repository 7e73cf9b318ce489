import {
  detectSelfReferral,
  parseCodeOfAnyLength,
  resolveCard,
  type Claimant,
  type ClinicSettings,
  type Customer,
  type Owner,
  type Product,
  type Store,
} from '@clinic/shared';
import { getCard } from '../../data/cards';
import { loadSettings } from '../../data/clinic';
import { customerByPhone, getCustomer } from '../../data/customers';
import type { Stored } from '../../data/documents';
import type { Database } from '../../platform/db-types';
import { AppError, refuse } from '../../platform/errors';
import { assignOwner } from '../../services/owner';
import { assertSlot, loadStoreAndProduct } from './booking-guards';
import { classifyBooking, type BookingFilingClass } from './filing-record';

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
  /** Who is making the attempt, for a late referral claim (R9 via fileOrTouch). */
  claimant: Claimant;
  /** What this attempt is filed as (source, channel, level). */
  filingClass: BookingFilingClass;
  /** The owner a first filing gets (only looked up when this phone is nobody's customer yet). */
  owner?: Owner;
}

/**
 * Checks the request (code, store, product, slot, consent, referrer) and gathers the context, in
 * this read order. `phoneVouched`: the phone came from WeChat's getPhoneNumber, so the caller is
 * that person.
 */
export async function loadCreateContext(
  db: Database,
  input: CreateBookingInput,
  openid: string,
  now: Date,
  phoneVouched: boolean,
): Promise<CreateContext> {
  // A mistyped code is refused before any database read.
  let code: string | undefined;
  if (input.referralCode !== undefined && input.referralCode.trim() !== '') {
    const parsed = parseCodeOfAnyLength(input.referralCode);
    if (!parsed.ok) throw new AppError('INVALID_CODE', parsed.message);
    code = parsed.code;
  }
  const { store, product } = await loadStoreAndProduct(db, input.storeId, input.productId);
  assertSlot(store, input.date, input.slot, now);
  const chainId = store.chainId;

  const [settings, card, existingCustomer] = await Promise.all([
    loadSettings(db, chainId),
    code ? getCard(db, code) : Promise.resolve(null),
    customerByPhone(db, chainId, input.phone),
  ]);
  if (input.consentVersion !== settings.privacyNoticeVersion) throw refuse('CONSENT_OUTDATED');

  let referrer: Stored<Customer> | undefined;
  if (code) {
    const active = resolveCard(card, chainId);
    referrer = active ? ((await getCustomer(db, active.customerId)) ?? undefined) : undefined;
    if (!referrer) throw refuse('INVALID_CODE');
    const self = detectSelfReferral(
      { customerId: referrer._id, phone: referrer.phone, openids: referrer.openids },
      { ...(existingCustomer ? { customerId: existingCustomer._id } : {}), phone: input.phone, openids: [openid] },
    );
    if (self) throw refuse('SELF_REFERRAL');
  }
  const claimant: Claimant = phoneVouched || existingCustomer?.openids.includes(openid) ? 'self' : 'other';
  const base = {
    openid,
    now,
    store,
    product,
    settings,
    claimant,
    ...(referrer ? { referrer } : {}),
    ...(code ? { code } : {}),
  };
  const withClass = { ...base, filingClass: classifyBooking(base) };
  if (existingCustomer) return { ...withClass, existingCustomer };
  // A first filing (most likely: nobody's customer yet) needs its owner, read before the transaction.
  const owner = await assignOwner(db, store, withClass.filingClass.channel, referrer);
  return { ...withClass, ...(owner ? { owner } : {}) };
}
