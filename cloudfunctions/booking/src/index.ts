import { randomBytes, randomInt } from 'crypto';
import {
  MAX_BOOKING_DAYS_AHEAD,
  SLOT_MESSAGES,
  addDays,
  attribute,
  compareDates,
  availability,
  bookingContract,
  cadenceDueDates,
  checkSlot,
  classifyFiling,
  detectSelfReferral,
  generateBookingCode,
  gradeForBooking,
  isPastSlot,
  localDate,
  maskName,
  maskPhone,
  slotKey,
  type AttributionRecord,
  type AuditLogEntry,
  type Booking,
  type BookingView,
  type ClinicSettings,
  type Customer,
  type Filing,
  type FilingSource,
  type FollowUpTask,
  type Product,
  type ReferralCard,
  type Staff,
  type Store,
} from '@clinic/shared';
import { defineFunction } from '../../common/define-function';
import { AppError } from '../../common/errors';
import { COLLECTIONS } from '../../common/collections';
import { MESSAGES } from '../../common/codes';
import {
  customerByPhone,
  getById,
  getCustomer,
  getProduct,
  getStore,
  loadSettings,
  type Stored,
} from '../../common/clinic';
import type { Database, Transaction } from '../../common/db-types';
import { customerIdFor, filingIdFor, personIdFor, userIdFor } from '../../common/keys';
import { parseTypedCode } from '../../common/referral-codes';
import { transact } from '../../common/transaction';
import type { PersonDoc, ReferralDoc, SlotCounterDoc } from '../../common/booking-docs';

const fail = (code: keyof typeof MESSAGES) => new AppError(code, MESSAGES[code]);

/** Cadence tasks planned at filing for F2/F3 (F1 plans its whole first month). */
const FIRST_TASKS_F2_F3 = 3;

function view(
  b: Booking,
  names: { storeName: string; productName: string },
  existing?: boolean,
): BookingView & { bookingCode: string; existing?: boolean } {
  return {
    id: b.id,
    storeId: b.storeId,
    storeName: names.storeName,
    productId: b.productId,
    productName: names.productName,
    date: b.date,
    slot: b.slot,
    status: b.status,
    maskedPhone: maskPhone(b.phone),
    referred: b.referrerCustomerId !== undefined,
    bookingCode: b.id,
    ...(existing ? { existing: true } : {}),
  };
}

const strip = <T extends { _id?: string }>(doc: T): Omit<T, '_id'> => {
  const { _id: _ignored, ...rest } = doc;
  return rest;
};

/** Store, product and the open/closed/past checks shared by create and reschedule. */
async function loadStoreAndProduct(db: Database, storeId: string, productId: string) {
  const [store, product] = await Promise.all([getStore(db, storeId), getProduct(db, productId)]);
  if (!store || store.active === false) throw fail('STORE_NOT_FOUND');
  if (!product || product.active === false || product.chainId !== store.chainId) throw fail('PRODUCT_NOT_FOUND');
  if (product.storeIds.length > 0 && !product.storeIds.includes(store.id)) throw fail('PRODUCT_NOT_AT_STORE');
  return { store, product };
}

function assertSlot(store: Store, date: string, slot: string, now: Date, booked?: number): void {
  const check = checkSlot(store, date, slot, now, booked);
  if (!check.ok) throw new AppError(check.code, check.message);
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

interface CreateContext {
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

type Input = {
  storeId: string;
  productId: string;
  date: string;
  slot: string;
  name: string;
  phone: string;
  consentVersion: string;
  referralCode?: string;
};

function hex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/**
 * R1/R8 for an already-filed person: the booking or claim is kept as a touch; a referrer other
 * than the person's own goes to the audit log and changes nothing.
 */
async function recordTouch(
  tx: Transaction,
  input: Input,
  c: CreateContext,
  person: PersonDoc | null,
  customerId: string,
) {
  const { settings, referrer, now, store } = c;
  const nowIso = now.toISOString();
  const source: FilingSource = referrer ? 'card' : 'mini_program';
  const cls = classifyFiling({ source, ...(referrer ? { referrerCustomerId: referrer._id } : {}) }, settings);
  if (!cls.ok) throw new AppError(cls.code, cls.message);
  const touchId = `t${hex(12)}`;
  const touch: Filing = {
    id: touchId,
    chainId: store.chainId,
    storeId: store.id,
    customerId,
    phone: input.phone,
    at: nowIso,
    channel: cls.channel,
    level: cls.level,
    source,
    ...(referrer ? { referrerCustomerId: referrer._id } : {}),
    productIds: [input.productId],
    isTouch: true,
  };
  await tx.collection<Filing & { _id?: string }>(COLLECTIONS.filings).doc(touchId).set(touch);

  let personReferrer = person?.referrerCustomerId ?? undefined;
  if (referrer && referrer._id !== personReferrer) {
    const known = personReferrer ?? '无';
    const audit: AuditLogEntry = {
      id: `a${hex(12)}`,
      chainId: store.chainId,
      at: nowIso,
      actorId: userIdFor(c.openid),
      action: 'booking.claim_referrer',
      targetId: person?.filingId ?? customerId,
      outcome: 'rejected',
      rule: 'R8',
      message: `已建档客户通过推荐码 ${c.code} 再次预约：不允许补单和改单，归属不变（原推荐人：${known}），记为接触`,
    };
    await tx.collection<AuditLogEntry & { _id?: string }>(COLLECTIONS.auditLogs).doc(audit.id).set(audit);
    // R9: customers never lose out — a not-yet-paying person with no referral relationship gets this one.
    const kind = c.existingCustomer?.kind ?? 'new';
    if (personReferrer === undefined && kind === 'new') {
      const referrals = tx.collection<ReferralDoc>(COLLECTIONS.referrals);
      if (!(await referrals.doc(customerId).get())) {
        await referrals.doc(customerId).set(referralDoc(input, c, referrer, customerId));
        personReferrer = referrer._id;
      }
    }
  }
  return { touchId, personReferrer };
}

function referralDoc(
  input: Input,
  c: CreateContext,
  referrer: Stored<Customer>,
  customerId: string,
): Omit<ReferralDoc, '_id'> {
  const nowIso = c.now.toISOString();
  return {
    chainId: c.store.chainId,
    referrerCustomerId: referrer._id,
    refereeCustomerId: customerId,
    maskedName: maskName(input.name),
    maskedPhone: maskPhone(input.phone),
    filedOn: localDate(c.now),
    status: 'booked',
    rewardCredited: false,
    createdAtMs: c.now.getTime(),
    createdAt: nowIso,
    updatedAt: nowIso,
  };
}

async function createInTransaction(tx: Transaction, input: Input, c: CreateContext) {
  const { store, product, settings, referrer, now, existingCustomer } = c;
  const chainId = store.chainId;
  const nowIso = now.toISOString();
  const names = { storeName: store.name, productName: product.name };
  const persons = tx.collection<PersonDoc>(COLLECTIONS.persons);
  const bookings = tx.collection<Booking & { _id?: string }>(COLLECTIONS.bookings);
  const personId = personIdFor(chainId, input.phone);

  const person = await persons.doc(personId).get();
  const filed = person !== null || existingCustomer !== undefined;
  const customerId = person?.customerId ?? existingCustomer?._id ?? customerIdFor(chainId, input.phone);

  // One upcoming booking per phone: a repeat (double tap, second referrer's link) gets it back.
  if (person?.upcomingBookingId) {
    const upcoming = await bookings.doc(person.upcomingBookingId).get();
    if (upcoming && upcoming.status === 'booked' && !isPastSlot(upcoming.date, upcoming.slot, now)) {
      const { personReferrer } = await recordTouch(tx, input, c, person, customerId);
      await persons.doc(personId).update({
        touches: (person.touches ?? 0) + 1,
        referrerCustomerId: personReferrer ?? null,
        updatedAt: nowIso,
      });
      const [storeName, productName] =
        upcoming.storeId === store.id && upcoming.productId === product.id
          ? [store.name, product.name]
          : [undefined, undefined];
      return {
        booking: upcoming,
        existing: true,
        names: storeName ? { storeName, productName: productName as string } : undefined,
      };
    }
  }

  // Capacity: the counter document of the slot is read and written in this transaction.
  const counters = tx.collection<SlotCounterDoc>(COLLECTIONS.slotCounters);
  const counterId = slotKey(store.id, input.date, input.slot);
  const counter = await counters.doc(counterId).get();
  const booked = counter?.booked ?? 0;
  assertSlot(store, input.date, input.slot, now, booked);

  let bookingId: string | undefined;
  for (let i = 0; i < 5 && !bookingId; i++) {
    const candidate = generateBookingCode(randomInt);
    if (!(await bookings.doc(candidate).get())) bookingId = candidate;
  }
  if (!bookingId) throw new AppError('CONFLICT');

  let personReferrer = person?.referrerCustomerId ?? undefined;
  let filingId = person?.filingId ?? undefined;
  if (!filed) {
    // The first filing of this phone (R1): channel, owner, attribution and follow-ups, once.
    const source: FilingSource = referrer ? 'card' : 'mini_program';
    const cls = classifyFiling({ source, ...(referrer ? { referrerCustomerId: referrer._id } : {}) }, settings);
    if (!cls.ok) throw new AppError(cls.code, cls.message);
    const owner =
      cls.channel === 'referral' && referrer?.ownerStaffId
        ? { staffId: referrer.ownerStaffId, department: referrer.ownerDepartment }
        : c.owner;
    const grade = gradeForBooking(localDate(now), input.date);
    filingId = filingIdFor(chainId, input.phone);
    const filing: Filing = {
      id: filingId,
      chainId,
      storeId: store.id,
      customerId,
      phone: input.phone,
      at: nowIso,
      channel: cls.channel,
      level: cls.level,
      source,
      ...(referrer ? { referrerCustomerId: referrer._id } : {}),
      ...(owner ? { ownerStaffId: owner.staffId } : {}),
      ...(owner?.department ? { ownerDepartment: owner.department } : {}),
      grade,
      productIds: [product.id],
      isTouch: false,
    };
    const customer: Customer = {
      id: customerId,
      chainId,
      storeId: store.id,
      name: input.name,
      phone: input.phone,
      openids: [c.openid],
      kind: 'new',
      segment: 'general',
      hasReferred: false,
      ...(owner ? { ownerStaffId: owner.staffId } : {}),
      ...(owner?.department ? { ownerDepartment: owner.department } : {}),
      source: 'booking',
      createdAt: nowIso,
    };
    const attribution = attribute(
      {
        customerId,
        filings: [
          {
            id: filingId,
            at: nowIso,
            channel: filing.channel,
            level: filing.level,
            source,
            ...(filing.referrerCustomerId ? { referrerCustomerId: filing.referrerCustomerId } : {}),
            ...(filing.ownerStaffId ? { ownerStaffId: filing.ownerStaffId } : {}),
            ...(filing.ownerDepartment ? { ownerDepartment: filing.ownerDepartment } : {}),
          },
        ],
        visits: [],
      },
      settings,
    ) as AttributionRecord;

    await tx.collection<Customer & { _id?: string }>(COLLECTIONS.customers).doc(customerId).set(customer);
    await tx.collection<Filing & { _id?: string }>(COLLECTIONS.filings).doc(filingId).set(filing);
    await tx
      .collection<AttributionRecord & { _id?: string }>(COLLECTIONS.attributions)
      .doc(customerId)
      .set(attribution);
    if (owner) {
      const due = cadenceDueDates(grade, now, settings, store, grade === 'F1' ? undefined : FIRST_TASKS_F2_F3);
      const tasks = tx.collection<FollowUpTask & { _id?: string }>(COLLECTIONS.followUpTasks);
      for (const [i, dueDate] of due.entries()) {
        const task: FollowUpTask = {
          id: `${filingId}_${i + 1}`,
          chainId,
          storeId: store.id,
          customerId,
          ownerStaffId: owner.staffId,
          kind: 'cadence',
          grade,
          dueDate,
          status: 'open',
          createdAt: nowIso,
        };
        await tasks.doc(task.id).set(task);
      }
    }
    if (referrer) {
      await tx
        .collection<ReferralDoc>(COLLECTIONS.referrals)
        .doc(customerId)
        .set(referralDoc(input, c, referrer, customerId));
      personReferrer = referrer._id;
      if (!referrer.hasReferred) {
        await tx
          .collection<Customer & { _id?: string }>(COLLECTIONS.customers)
          .doc(referrer._id)
          .update({ hasReferred: true });
      }
    }
  } else {
    ({ personReferrer } = await recordTouch(tx, input, c, person, customerId));
  }

  const booking: Booking = {
    id: bookingId,
    chainId,
    storeId: store.id,
    productId: product.id,
    customerId,
    openid: c.openid,
    name: input.name,
    phone: input.phone,
    date: input.date,
    slot: input.slot,
    status: 'booked',
    ...(c.code ? { referralCode: c.code } : {}),
    ...(personReferrer ? { referrerCustomerId: personReferrer } : {}),
    consentVersion: input.consentVersion,
    createdAt: nowIso,
    updatedAt: nowIso,
  };
  await bookings.doc(bookingId).set(booking);
  await counters
    .doc(counterId)
    .set({ storeId: store.id, date: input.date, slot: input.slot, booked: booked + 1, updatedAt: nowIso });
  await persons.doc(personId).set({
    chainId,
    customerId,
    filingId: filingId ?? null,
    referrerCustomerId: personReferrer ?? null,
    upcomingBookingId: bookingId,
    bookings: (person?.bookings ?? 0) + 1,
    touches: (person?.touches ?? 0) + (filed ? 1 : 0),
    createdAt: person?.createdAt ?? nowIso,
    updatedAt: nowIso,
  });
  return { booking, existing: false, names };
}

async function ownBooking(db: Database, bookingId: string, openid: string): Promise<Stored<Booking>> {
  const booking = await getById<Booking>(db, COLLECTIONS.bookings, bookingId);
  // Someone else's booking looks exactly like a missing one.
  if (!booking || booking.openid !== openid) throw new AppError('NOT_FOUND', MESSAGES.NOT_FOUND_BOOKING);
  return booking;
}

async function namesFor(db: Database, storeId: string, productId: string) {
  const [store, product] = await Promise.all([getStore(db, storeId), getProduct(db, productId)]);
  return { storeName: store?.name ?? '', productName: product?.name ?? '' };
}

/** Re-reads the booking inside the transaction: it must still be the caller's and changeable. */
async function changeableInTx(tx: Transaction, bookingId: string, openid: string, now: Date): Promise<Booking> {
  const b = await tx.collection<Booking & { _id?: string }>(COLLECTIONS.bookings).doc(bookingId).get();
  if (!b || b.openid !== openid) throw new AppError('NOT_FOUND', MESSAGES.NOT_FOUND_BOOKING);
  if (b.status !== 'booked' || isPastSlot(b.date, b.slot, now)) throw fail('BOOKING_NOT_CHANGEABLE');
  return strip(b) as Booking;
}

async function moveCounter(
  tx: Transaction,
  id: string,
  delta: number,
  at: { storeId: string; date: string; slot: string },
  nowIso: string,
  capacity?: number,
) {
  const counters = tx.collection<SlotCounterDoc>(COLLECTIONS.slotCounters);
  const counter = await counters.doc(id).get();
  const booked = counter?.booked ?? 0;
  if (capacity !== undefined && delta > 0 && booked + delta > capacity) {
    throw new AppError('SLOT_FULL', '该时段已约满，请选择其他时段');
  }
  await counters.doc(id).set({ ...at, booked: Math.max(0, booked + delta), updatedAt: nowIso });
}

export const main = defineFunction(bookingContract, {
  async listStores(_input, { db }) {
    const { data } = await db
      .collection<Stored<Store> & Record<string, unknown>>(COLLECTIONS.stores)
      .where({ active: true })
      .limit(200)
      .get();
    const stores = (data as Stored<Store>[]).sort((a, b) => (a.id < b.id ? -1 : 1));
    return {
      stores: stores.map((s) => ({
        id: s.id,
        name: s.name,
        address: s.address,
        openingHours: s.openingHours,
        closedDates: s.closedDates,
      })),
    };
  },

  async listProducts({ storeId }, { db }) {
    const store = await getStore(db, storeId);
    if (!store || store.active === false) throw fail('STORE_NOT_FOUND');
    const { data } = await db
      .collection<Stored<Product> & Record<string, unknown>>(COLLECTIONS.products)
      .where({ chainId: store.chainId, active: true })
      .limit(200)
      .get();
    const products = (data as Stored<Product>[])
      .filter((p) => p.storeIds.length === 0 || p.storeIds.includes(store.id))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    return {
      products: products.map((p) => ({
        id: p.id,
        name: p.name,
        category: p.category,
        ...(p.priceFen !== undefined ? { priceFen: p.priceFen } : {}),
        durationMinutes: p.durationMinutes,
      })),
    };
  },

  async listSlots({ storeId, date }, { db, now }) {
    const store = await getStore(db, storeId);
    if (!store || store.active === false) throw fail('STORE_NOT_FOUND');
    const today = localDate(now);
    if (compareDates(date, today) < 0) throw new AppError('DATE_IN_PAST', SLOT_MESSAGES.DATE_IN_PAST);
    if (compareDates(date, addDays(today, MAX_BOOKING_DAYS_AHEAD)) > 0) {
      throw new AppError('DATE_TOO_FAR', SLOT_MESSAGES.DATE_TOO_FAR);
    }
    const { data } = await db
      .collection<SlotCounterDoc & Record<string, unknown>>(COLLECTIONS.slotCounters)
      .where({ storeId, date })
      .limit(100)
      .get();
    const booked = new Map((data as SlotCounterDoc[]).map((c) => [c.slot, c.booked]));
    return { date, ...availability(store, date, booked, now) };
  },

  async create(input, { openid, db, now }) {
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
      if (!card || card.status !== 'active' || card.chainId !== chainId) throw fail('INVALID_CODE');
      referrer = (await getCustomer(db, card.customerId)) ?? undefined;
      if (!referrer) throw fail('INVALID_CODE');
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
    const ctx: CreateContext = {
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
    const result = await transact(db, (tx) => createInTransaction(tx, input, ctx));
    const names = result.names ?? (await namesFor(db, result.booking.storeId, result.booking.productId));
    return view(strip(result.booking as Booking & { _id?: string }) as Booking, names, result.existing);
  },

  async cancel({ bookingId }, { openid, db, now }) {
    const before = await ownBooking(db, bookingId, openid);
    if (before.status !== 'booked' || isPastSlot(before.date, before.slot, now)) throw fail('BOOKING_NOT_CHANGEABLE');
    const nowIso = now.toISOString();
    const after = await transact(db, async (tx) => {
      const b = await changeableInTx(tx, bookingId, openid, now);
      const updated: Booking = { ...b, status: 'cancelled', cancelledAt: nowIso, updatedAt: nowIso };
      await tx
        .collection<Booking & { _id?: string }>(COLLECTIONS.bookings)
        .doc(bookingId)
        .update({ status: 'cancelled', cancelledAt: nowIso, updatedAt: nowIso });
      await moveCounter(
        tx,
        slotKey(b.storeId, b.date, b.slot),
        -1,
        { storeId: b.storeId, date: b.date, slot: b.slot },
        nowIso,
      );
      const persons = tx.collection<PersonDoc>(COLLECTIONS.persons);
      const personId = personIdFor(b.chainId, b.phone);
      const person = await persons.doc(personId).get();
      if (person && person.upcomingBookingId === bookingId) {
        await persons.doc(personId).update({ upcomingBookingId: null, updatedAt: nowIso });
      }
      return updated;
    });
    return view(after, await namesFor(db, after.storeId, after.productId));
  },

  async reschedule({ bookingId, date, slot }, { openid, db, now }) {
    const before = await ownBooking(db, bookingId, openid);
    if (before.status !== 'booked' || isPastSlot(before.date, before.slot, now)) throw fail('BOOKING_NOT_CHANGEABLE');
    const { store, product } = await loadStoreAndProduct(db, before.storeId, before.productId);
    const names = { storeName: store.name, productName: product.name };
    if (before.date === date && before.slot === slot) return view(strip(before) as Booking, names);
    assertSlot(store, date, slot, now);
    const nowIso = now.toISOString();
    const after = await transact(db, async (tx) => {
      const b = await changeableInTx(tx, bookingId, openid, now);
      await moveCounter(
        tx,
        slotKey(store.id, date, slot),
        +1,
        { storeId: store.id, date, slot },
        nowIso,
        store.capacityPerSlot,
      );
      await moveCounter(
        tx,
        slotKey(b.storeId, b.date, b.slot),
        -1,
        { storeId: b.storeId, date: b.date, slot: b.slot },
        nowIso,
      );
      await tx
        .collection<Booking & { _id?: string }>(COLLECTIONS.bookings)
        .doc(bookingId)
        .update({ date, slot, updatedAt: nowIso });
      return { ...b, date, slot, updatedAt: nowIso };
    });
    return view(after, names);
  },

  async listMine(_input, { openid, db }) {
    const { data } = await db
      .collection<Stored<Booking> & Record<string, unknown>>(COLLECTIONS.bookings)
      .where({ openid })
      .orderBy('date', 'desc')
      .orderBy('slot', 'desc')
      .limit(100)
      .get();
    const bookings = data as Stored<Booking>[];
    if (bookings.length === 0) return { bookings: [] };
    const _ = db.command;
    const storeIds = [...new Set(bookings.map((b) => b.storeId))];
    const productIds = [...new Set(bookings.map((b) => b.productId))];
    const [stores, products] = await Promise.all([
      db
        .collection<Stored<Store> & Record<string, unknown>>(COLLECTIONS.stores)
        .where({ _id: _.in!(storeIds) })
        .limit(100)
        .get(),
      db
        .collection<Stored<Product> & Record<string, unknown>>(COLLECTIONS.products)
        .where({ _id: _.in!(productIds) })
        .limit(100)
        .get(),
    ]);
    const storeName = new Map(stores.data.map((s) => [s._id, s.name as string]));
    const productName = new Map(products.data.map((p) => [p._id, p.name as string]));
    return {
      bookings: bookings.map((b) =>
        view(strip(b) as Booking, {
          storeName: storeName.get(b.storeId) ?? '',
          productName: productName.get(b.productId) ?? '',
        }),
      ),
    };
  },
});
