import { randomInt } from 'crypto';
import {
  attribute,
  cadenceDueDates,
  generateBookingCode,
  gradeForBooking,
  isPastSlot,
  localDate,
  slotKey,
  type AttributionRecord,
  type Booking,
  type Customer,
  type Filing,
  type FollowUpTask,
} from '@clinic/shared';
import { AppError } from '../../common/errors';
import { filingRecord } from './filing-record';
import { COLLECTIONS } from '../../common/collections';
import type { Transaction } from '../../common/db-types';
import { customerIdFor, filingIdFor, personIdFor } from '../../common/keys';
import type { PersonDoc, ReferralDoc, SlotCounterDoc } from '../../common/booking-docs';
import { assertSlot } from './booking-guards';
import type { BookingNames } from './booking-view';
import type { CreateBookingInput, CreateContext } from './create-context';
import { recordTouch, referralDoc } from './touch';

/** Cadence tasks planned at filing for F2/F3 (F1 plans its whole first month). */
const FIRST_TASKS_F2_F3 = 3;

/** Tries at a fresh booking code before giving up with CONFLICT (a clash is already rare). */
const BOOKING_CODE_TRIES = 5;

export interface CreateResult {
  booking: Booking & { _id?: string };
  existing: boolean;
  /** Absent when a returned upcoming booking is at another store or for another product. */
  names: BookingNames | undefined;
}

/**
 * The whole booking in one transaction, serialised on the phone's person doc: a repeat gets the
 * upcoming booking back; otherwise the slot's place is taken, the person is filed (first time)
 * or touched, and the booking is written with the counter and the person doc.
 */
export async function createInTransaction(
  tx: Transaction,
  input: CreateBookingInput,
  c: CreateContext,
): Promise<CreateResult> {
  const { store, product, now, existingCustomer } = c;
  const chainId = store.chainId;
  const nowIso = now.toISOString();
  const persons = tx.collection<PersonDoc>(COLLECTIONS.persons);
  const bookings = tx.collection<Booking & { _id?: string }>(COLLECTIONS.bookings);
  const personId = personIdFor(chainId, input.phone);

  const person = await persons.doc(personId).get();
  const filed = person !== null || existingCustomer !== undefined;
  const customerId = person?.customerId ?? existingCustomer?._id ?? customerIdFor(chainId, input.phone);

  const repeat = person ? await repeatOfUpcoming(tx, input, c, personId, person, customerId) : undefined;
  if (repeat) return repeat;

  // Capacity: the counter document of the slot is read and written in this transaction.
  const counters = tx.collection<SlotCounterDoc>(COLLECTIONS.slotCounters);
  const counterId = slotKey(store.id, input.date, input.slot);
  const counter = await counters.doc(counterId).get();
  const booked = counter?.booked ?? 0;
  assertSlot(store, input.date, input.slot, now, booked);

  const bookingId = await unusedBookingCode(tx);

  let filingId: string | undefined;
  let personReferrer: string | undefined;
  if (filed) {
    filingId = person?.filingId ?? undefined;
    ({ personReferrer } = await recordTouch(tx, input, c, person, customerId));
  } else {
    ({ filingId, personReferrer } = await fileFirstTime(tx, input, c, customerId));
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
  return { booking, existing: false, names: { storeName: store.name, productName: product.name } };
}

/**
 * One upcoming booking per phone: a repeat (double tap, second referrer's link) gets it back and
 * counts as a touch. Undefined when that booking is no longer upcoming (cancelled, done, past).
 */
async function repeatOfUpcoming(
  tx: Transaction,
  input: CreateBookingInput,
  c: CreateContext,
  personId: string,
  person: PersonDoc,
  customerId: string,
): Promise<CreateResult | undefined> {
  const { store, product, now } = c;
  if (!person.upcomingBookingId) return undefined;
  const upcoming = await tx
    .collection<Booking & { _id?: string }>(COLLECTIONS.bookings)
    .doc(person.upcomingBookingId)
    .get();
  if (!upcoming || upcoming.status !== 'booked' || isPastSlot(upcoming.date, upcoming.slot, now)) return undefined;
  const { personReferrer } = await recordTouch(tx, input, c, person, customerId);
  await tx
    .collection<PersonDoc>(COLLECTIONS.persons)
    .doc(personId)
    .update({
      touches: (person.touches ?? 0) + 1,
      referrerCustomerId: personReferrer ?? null,
      updatedAt: now.toISOString(),
    });
  const sameStoreAndProduct = upcoming.storeId === store.id && upcoming.productId === product.id;
  return {
    booking: upcoming,
    existing: true,
    names: sameStoreAndProduct ? { storeName: store.name, productName: product.name } : undefined,
  };
}

async function unusedBookingCode(tx: Transaction): Promise<string> {
  const bookings = tx.collection<Booking & { _id?: string }>(COLLECTIONS.bookings);
  for (let i = 0; i < BOOKING_CODE_TRIES; i++) {
    const candidate = generateBookingCode(randomInt);
    if (!(await bookings.doc(candidate).get())) return candidate;
  }
  throw new AppError('CONFLICT');
}

/**
 * The first filing of this phone (R1): channel, owner, attribution and follow-ups, once; with a
 * referrer, also the referral relationship and the referrer's first-referral flag.
 */
async function fileFirstTime(
  tx: Transaction,
  input: CreateBookingInput,
  c: CreateContext,
  customerId: string,
): Promise<{ filingId: string; personReferrer: string | undefined }> {
  const { store, settings, referrer, now } = c;
  const chainId = store.chainId;
  const nowIso = now.toISOString();
  const filingId = filingIdFor(chainId, input.phone);
  const classified = filingRecord(filingId, input, c, customerId, false);
  // A referral is credited to the referrer's owner; anything else to the store's default owner.
  const owner =
    classified.channel === 'referral' && referrer?.ownerStaffId
      ? { staffId: referrer.ownerStaffId, department: referrer.ownerDepartment }
      : c.owner;
  const grade = gradeForBooking(localDate(now), input.date);
  const filing: Filing = {
    ...classified,
    ...(owner ? { ownerStaffId: owner.staffId } : {}),
    ...(owner?.department ? { ownerDepartment: owner.department } : {}),
    grade,
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
          source: filing.source,
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
  await tx.collection<AttributionRecord & { _id?: string }>(COLLECTIONS.attributions).doc(customerId).set(attribution);
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
  if (!referrer) return { filingId, personReferrer: undefined };
  await tx
    .collection<ReferralDoc>(COLLECTIONS.referrals)
    .doc(customerId)
    .set(referralDoc(input, c, referrer, customerId));
  if (!referrer.hasReferred) {
    await tx
      .collection<Customer & { _id?: string }>(COLLECTIONS.customers)
      .doc(referrer._id)
      .update({ hasReferred: true });
  }
  return { filingId, personReferrer: referrer._id };
}
