import { randomBytes, randomInt } from 'crypto';
import {
  fileOrTouch,
  generateBookingCode,
  gradeForBooking,
  localDate,
  repeatOfUpcoming,
  slotKey,
  type Booking,
  type Customer,
  type Filing,
  type PersonOnRecord,
  type AttributionRecord,
} from '@clinic/shared';
import { bookingsInTx, type BookingDoc } from '../../data/bookings';
import { customerIdFor, filingIdFor, personIdFor, userIdFor } from '../../data/keys';
import { peopleInTx, type PersonDoc } from '../../data/people';
import { referralsInTx } from '../../data/referrals';
import type { Transaction } from '../../platform/db-types';
import { AppError, refuse } from '../../platform/errors';
import { fileFirstTime, recordTouch } from '../../services/filing';
import { progressReferral } from '../../services/referral-progress';
import { referralRelationship } from '../../services/referral-relationship';
import { rollUp, type RolledEvent } from '../../services/report-rollups';
import { assertSlot } from './booking-guards';
import type { BookingNames } from './booking-view';
import type { CreateBookingInput, CreateContext } from './create-context';
import { filingOfBooking } from './filing-record';

/** Tries at a fresh booking code before giving up with CONFLICT (a clash is already rare). */
const BOOKING_CODE_TRIES = 5;

export interface CreateResult {
  booking: BookingDoc;
  existing: boolean;
  /** Absent when a returned upcoming booking is at another store or for another product. */
  names: BookingNames | undefined;
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/**
 * The whole booking in one transaction, serialised on the phone's person doc:
 * load (person, upcoming booking, slot counter, referral) → rules (`repeatOfUpcoming`, `checkSlot`,
 * `fileOrTouch`, `referralStatusAfter`) → persist (first filing or touch, booking, referral, counter, person).
 */
export async function createInTransaction(
  tx: Transaction,
  input: CreateBookingInput,
  c: CreateContext,
): Promise<CreateResult> {
  const { store, product, now, existingCustomer } = c;
  const chainId = store.chainId;
  const nowIso = now.toISOString();
  const people = peopleInTx(tx);
  const bookings = bookingsInTx(tx);
  const personId = personIdFor(chainId, input.phone);

  const person = await people.getPerson(personId);
  const upcoming = person?.upcomingBookingId ? await bookings.get(person.upcomingBookingId) : null;
  const repeat = repeatOfUpcoming(upcoming, c.openid, now);
  if (repeat === 'someone_else') throw refuse('ALREADY_BOOKED');

  const onRecord = personOnRecord(person, existingCustomer);
  const customerId = onRecord?.customerId ?? customerIdFor(chainId, input.phone);
  const decision = fileOrTouch(onRecord, {
    filing: filingOfBooking(onRecord ? `t${hex(12)}` : filingIdFor(chainId, input.phone), input, c, customerId),
    claimant: c.claimant,
    actorId: userIdFor(c.openid),
    auditId: `a${hex(12)}`,
    via: `预约（推荐码 ${c.code ?? '无'}）`,
  });

  if (repeat === 'own' && upcoming && person && decision.kind === 'touch') {
    await touch(tx, decision, input, c, customerId);
    await people.updatePerson(personId, {
      touches: (person.touches ?? 0) + 1,
      referrerCustomerId: decision.referrerCustomerId ?? null,
      updatedAt: nowIso,
    });
    const sameStoreAndProduct = upcoming.storeId === store.id && upcoming.productId === product.id;
    return {
      booking: upcoming,
      existing: true,
      names: sameStoreAndProduct ? { storeName: store.name, productName: product.name } : undefined,
    };
  }

  // Capacity: the counter document of the slot is read and written in this transaction.
  const counterId = slotKey(store.id, input.date, input.slot);
  const counter = await bookings.getCounter(counterId);
  const booked = counter?.booked ?? 0;
  assertSlot(store, input.date, input.slot, now, booked);
  const bookingId = await unusedBookingCode(tx);
  // A person on record may be someone's referred friend: their booking moves 我的推荐 (a cancelled
  // referral is booked again). Read before this transaction writes; a first filing creates it booked.
  const relationship = onRecord ? await referralsInTx(tx).get(customerId) : null;

  // The booking counts for its product and for the person's channel (§9 product and funnel tables).
  const bookingEvent = (channel: string): RolledEvent => ({
    event: { type: 'booking', at: now.valueOf(), personId: customerId, productId: product.id, channel },
  });
  if (decision.kind === 'first') {
    await fileFirst(tx, decision.filing, input, c, (a) => [bookingEvent(a.channel)]);
  } else {
    await touch(tx, decision, input, c, customerId);
    const attribution = await people.getAttribution(customerId);
    await rollUp(
      tx,
      { chainId, storeId: store.id },
      [bookingEvent(attribution?.channel ?? decision.filing.channel)],
      nowIso,
    );
  }

  const referrerCustomerId = decision.referrerCustomerId;
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
    ...(referrerCustomerId ? { referrerCustomerId } : {}),
    consentVersion: input.consentVersion,
    // The contract admits a booking only with this consent (true); its time is what the clinic can show.
    sensitiveConsentAt: nowIso,
    createdAt: nowIso,
    updatedAt: nowIso,
  };
  await bookings.put(booking);
  await progressReferral(tx, relationship, { kind: 'booked' }, nowIso);
  await bookings.putCounter(counterId, {
    storeId: store.id,
    date: input.date,
    slot: input.slot,
    booked: booked + 1,
    updatedAt: nowIso,
  });
  await people.putPerson(personId, {
    chainId,
    customerId,
    filingId: decision.kind === 'first' ? decision.filing.id : (person?.filingId ?? null),
    referrerCustomerId: referrerCustomerId ?? null,
    upcomingBookingId: bookingId,
    bookings: (person?.bookings ?? 0) + 1,
    touches: (person?.touches ?? 0) + (decision.kind === 'touch' ? 1 : 0),
    createdAt: person?.createdAt ?? nowIso,
    updatedAt: nowIso,
  });
  return { booking, existing: false, names: { storeName: store.name, productName: product.name } };
}

/** The facts `fileOrTouch` needs: the person doc, or a customer known before this product (CRM import). */
function personOnRecord(person: PersonDoc | null, customer: Customer | undefined): PersonOnRecord | null {
  if (!person && !customer) return null;
  return {
    customerId: person?.customerId ?? (customer as Customer).id,
    filingId: person?.filingId ?? null,
    referrerCustomerId: person?.referrerCustomerId ?? null,
    kind: customer?.kind ?? 'new',
  };
}

/** First filing of the phone: the customer record, graded and owned, with its referral relationship. */
async function fileFirst(
  tx: Transaction,
  filing: Filing,
  input: CreateBookingInput,
  c: CreateContext,
  alsoRollUp: (a: AttributionRecord) => RolledEvent[],
) {
  const { store, settings, referrer, owner, now } = c;
  const grade = gradeForBooking(localDate(now), input.date);
  const owned: Filing = {
    ...filing,
    ...(owner ? { ownerStaffId: owner.staffId } : {}),
    ...(owner?.department ? { ownerDepartment: owner.department } : {}),
    grade,
  };
  const customer: Customer = {
    id: filing.customerId,
    chainId: store.chainId,
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
    createdAt: now.toISOString(),
  };
  await fileFirstTime(tx, {
    filing: owned,
    customer,
    store,
    settings,
    alsoRollUp,
    ...(referrer
      ? {
          referral: {
            doc: referralRelationship(refereeOf(input, c, filing.customerId), referrer._id, now),
            referrerFirstTime: !referrer.hasReferred,
            referrer,
          },
        }
      : {}),
  });
}

async function touch(
  tx: Transaction,
  decision: Extract<ReturnType<typeof fileOrTouch>, { kind: 'touch' }>,
  input: CreateBookingInput,
  c: CreateContext,
  customerId: string,
) {
  await recordTouch(tx, {
    filing: decision.filing,
    ...(decision.audit ? { audit: decision.audit } : {}),
    ...(decision.newReferrerCustomerId
      ? { newReferral: referralRelationship(refereeOf(input, c, customerId), decision.newReferrerCustomerId, c.now) }
      : {}),
  });
}

const refereeOf = (input: CreateBookingInput, c: CreateContext, customerId: string) => ({
  customerId,
  chainId: c.store.chainId,
  name: input.name,
  phone: input.phone,
});

async function unusedBookingCode(tx: Transaction): Promise<string> {
  const bookings = bookingsInTx(tx);
  for (let i = 0; i < BOOKING_CODE_TRIES; i++) {
    const candidate = generateBookingCode(randomInt);
    if (!(await bookings.get(candidate))) return candidate;
  }
  throw new AppError('CONFLICT');
}
