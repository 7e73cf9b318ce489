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

/** Where the booking's phone comes from: typed, or WeChat's getPhoneNumber code (spent when read). */
export type PhoneSource = { typed: string } | { fromWeChat: () => Promise<string> };

/**
 * Checks the request (code, store, product, slot, consent, card, then the phone, referrer and
 * self-referral) and gathers the context, in this read order. Whatever does not need the phone is
 * decided before WeChat's one-time phone code is spent, so that a refused code (a revoked card,
 * `INVALID_CODE`) leaves the customer's authorisation usable for the next submit. A phone from
 * WeChat means the caller is that person.
 */
export async function loadCreateContext(
  db: Database,
  request: Omit<CreateBookingInput, 'phone'>,
  openid: string,
  now: Date,
  phoneSource: PhoneSource,
): Promise<{ input: CreateBookingInput; context: CreateContext }> {
  // A mistyped code is refused before any database read.
  let code: string | undefined;
  if (request.referralCode !== undefined && request.referralCode.trim() !== '') {
    const parsed = parseCodeOfAnyLength(request.referralCode);
    if (!parsed.ok) throw new AppError('INVALID_CODE', parsed.message);
    code = parsed.code;
  }
  const { store, product, clinic } = await loadStoreAndProduct(db, request.storeId, request.productId);
  assertSlot(store, request.date, request.slot, now);
  const chainId = store.chainId;

  const [settings, card] = await Promise.all([
    clinic ? Promise.resolve(clinic.settings) : loadSettings(db, chainId),
    code ? getCard(db, code) : Promise.resolve(null),
  ]);
  if (request.consentVersion !== settings.privacyNoticeVersion) throw refuse('CONSENT_OUTDATED');
  const active = code ? resolveCard(card, chainId) : undefined;
  if (code && !active) throw refuse('INVALID_CODE');

  const phoneVouched = 'fromWeChat' in phoneSource;
  const input: CreateBookingInput = {
    ...request,
    phone: 'typed' in phoneSource ? phoneSource.typed : await phoneSource.fromWeChat(),
  };
  const [referrer, existingCustomer] = await Promise.all([
    active ? getCustomer(db, active.customerId).then((c) => c ?? undefined) : Promise.resolve(undefined),
    customerByPhone(db, chainId, input.phone),
  ]);
  if (code) {
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
  if (existingCustomer) return { input, context: { ...withClass, existingCustomer } };
  // A first filing (most likely: nobody's customer yet) needs its owner, read before the transaction.
  const owner = await assignOwner(db, store, withClass.filingClass.channel, referrer);
  return { input, context: { ...withClass, ...(owner ? { owner } : {}) } };
}
