import type * as z from 'zod';
import {
  classifyFiling,
  decideArrival,
  fileOrTouch,
  localDate,
  maskName,
  maskPhone,
  parseBookingCode,
  type ActionOutput,
  type Customer,
  type Staff,
  type Visit,
  type VisitsContract,
  type AttributionRecord,
  type Filing,
  filingEventOf,
  servedEventsOf,
  visitEventOf,
} from '@clinic/shared';
import { bookingsInTx, getBooking } from '../../data/bookings';
import { getStore, loadSettings } from '../../data/clinic';
import { customerByPhone, getCustomer } from '../../data/customers';
import type { Stored } from '../../data/documents';
import { customerIdFor, filingIdFor, personIdFor, visitIdFor } from '../../data/keys';
import { filingsOf, getPerson, peopleInTx } from '../../data/people';
import { referralsInTx } from '../../data/referrals';
import { getStaff } from '../../data/staff';
import { visitsInTx, visitsOf } from '../../data/visits';
import { canSeePerson, type Caller } from '../../platform/access';
import type { Database, Transaction } from '../../platform/db-types';
import { AppError, refuse } from '../../platform/errors';
import { transact } from '../../platform/transaction';
import { fileFirstTime } from '../../services/filing';
import { progressReferral } from '../../services/referral-progress';
import { referralRelationship } from '../../services/referral-relationship';
import { notifyReferrer } from '../../services/referrer-updates';
import { attributionView } from '../../services/attribution-view';
import { rollUp, type RolledEvent } from '../../services/report-rollups';

type Input = z.output<VisitsContract['checkIn']['input']>;
type Output = ActionOutput<VisitsContract, 'checkIn'>;

const notFound = (what: string) => new AppError('NOT_FOUND', `没有找到${what}`);

/** Who arrived: the booking's person, or the person of a phone (none yet: an unfiled walk-in). */
async function whoArrived(db: Database, caller: Caller, staff: Stored<Staff>, input: Input) {
  if (input.bookingCode !== undefined) {
    const code = parseBookingCode(input.bookingCode);
    if (!code) throw new AppError('INVALID_INPUT', '预约码有误，请核对后重新输入');
    const booking = await getBooking(db, code);
    if (!booking || !canSeePerson(caller, booking)) throw notFound('这个预约');
    if (booking.status === 'cancelled')
      throw refuse('BOOKING_NOT_CHANGEABLE', '该预约已取消，请按到院顾客的手机号签到');
    const customer = await getCustomer(db, booking.customerId);
    return { booking, customer, phone: booking.phone, name: booking.name };
  }
  const phone = input.phone as string;
  const customer = await customerByPhone(db, staff.chainId, phone);
  if (customer && !canSeePerson(caller, customer)) throw notFound('这位顾客');
  if (!customer && !input.name) throw new AppError('INVALID_INPUT', '该手机号尚未建档，请填写顾客姓名后签到');
  return { booking: null, customer, phone, name: customer?.name ?? (input.name as string) };
}

/** The people an arrival names must be real: old customers of the chain, staff of the store's chain. */
async function checkNamedPeople(db: Database, caller: Caller, input: Input) {
  const customerIds = [input.companionCustomerId, input.claimedReferrerCustomerId].filter((x): x is string => !!x);
  const staffIds = [input.namedConsultantStaffId, input.receivedByStaffId].filter((x): x is string => !!x);
  const [customers, staff] = await Promise.all([
    Promise.all(customerIds.map((id) => getCustomer(db, id))),
    Promise.all(staffIds.map((id) => getStaff(db, id))),
  ]);
  const chainId = caller.staff?.chainId;
  if (customers.some((c) => !c || c.chainId !== chainId || c.kind !== 'existing')) {
    throw new AppError('INVALID_INPUT', '同行或推荐的老客不存在，请重新选择');
  }
  if (staff.some((s) => !s || s.chainId !== chainId || s.active === false)) {
    throw new AppError('INVALID_INPUT', '所选员工不存在或已离职，请重新选择');
  }
  const received = input.receivedByStaffId ? staff[staffIds.indexOf(input.receivedByStaffId)] : caller.staff;
  return { received: received as Stored<Staff> };
}

/**
 * Check-in: load (who arrived, their filings, visits, attribution) → shared `decideArrival` (and
 * `fileOrTouch` for an unfiled walk-in, filed at the desk now) → persist in one transaction that
 * re-reads the day's visit, so 20 simultaneous check-ins make one visit and one first visit.
 */
export async function checkIn(input: Input, caller: Caller, db: Database, now: Date): Promise<Output> {
  const staff = caller.staff as Stored<Staff>;
  const who = await whoArrived(db, caller, staff, input);
  const { received } = await checkNamedPeople(db, caller, input);
  const chainId = staff.chainId;
  const customerId = who.customer?._id ?? customerIdFor(chainId, who.phone);
  const [settings, store, filings, visits, person] = await Promise.all([
    loadSettings(db, chainId),
    getStore(db, staff.storeId),
    who.customer ? filingsOf(db, customerId) : Promise.resolve([]),
    who.customer ? visitsOf(db, customerId) : Promise.resolve([]),
    getPerson(db, personIdFor(chainId, who.phone)),
  ]);
  if (!store) throw refuse('STORE_NOT_FOUND');
  const nowIso = now.toISOString();
  const arrival: Visit = {
    id: visitIdFor(customerId, localDate(now)),
    chainId,
    storeId: staff.storeId,
    customerId,
    at: nowIso,
    ...(who.booking ? { bookingId: who.booking.id } : {}),
    companionCustomerIds: input.companionCustomerId ? [input.companionCustomerId] : [],
    ...(input.claimedReferrerCustomerId ? { claimedReferrerCustomerId: input.claimedReferrerCustomerId } : {}),
    ...(input.namedConsultantStaffId ? { namedConsultantStaffId: input.namedConsultantStaffId } : {}),
    receivedByStaffId: received.id,
    receivedByDepartment: received.department,
    checkedInByStaffId: staff.id,
    productIds: who.booking ? [who.booking.productId] : [],
  };

  const outcome = await transact(db, async (tx) => {
    const people = peopleInTx(tx);
    const visitRepo = visitsInTx(tx);
    const earlier = await visitRepo.get(arrival.id);
    const stored = await people.getAttribution(customerId);
    if (earlier && stored) return { kind: 'same_visit' as const, attribution: stored, filedNow: false };

    if (!who.customer && !(await people.getPerson(personIdFor(chainId, who.phone)))) {
      // An unfiled walk-in is filed at the desk now; the arrival decides its rule (R2–R5).
      const cls = classifyFiling({ source: 'desk' }, settings);
      if (!cls.ok) throw new AppError(cls.code, cls.message);
      const first = fileOrTouch(null, {
        filing: {
          id: filingIdFor(chainId, who.phone),
          chainId,
          storeId: staff.storeId,
          customerId,
          phone: who.phone,
          at: nowIso,
          channel: cls.channel,
          level: cls.level,
          source: 'desk',
          filedByStaffId: staff.id,
          ownerStaffId: received.id,
          ownerDepartment: received.department,
          grade: 'F1',
          productIds: [],
          isTouch: false,
        },
        claimant: 'staff',
        actorId: staff.id,
        auditId: `a${customerId}`,
        via: '到院签到',
      });
      const customer: Customer = {
        id: customerId,
        chainId,
        storeId: staff.storeId,
        name: who.name,
        phone: who.phone,
        openids: [],
        kind: 'new',
        segment: 'general',
        hasReferred: false,
        ownerStaffId: received.id,
        ownerDepartment: received.department,
        source: 'desk',
        createdAt: nowIso,
      };
      const decidedAt = await fileFirstTime(tx, {
        filing: first.filing,
        customer,
        store,
        settings,
        arrival,
        alsoRollUp: (a) => arrivalEvents(a, arrival, true, customer),
      });
      await visitRepo.put(arrival);
      await people.putPerson(personIdFor(chainId, who.phone), {
        chainId,
        customerId,
        filingId: first.filing.id,
        referrerCustomerId: null,
        upcomingBookingId: null,
        bookings: 0,
        touches: 0,
        createdAt: nowIso,
        updatedAt: nowIso,
      });
      await recordBenefit(tx, decidedAt.benefitReferrerCustomerId, who, customerId, chainId, now);
      return {
        kind: 'first_visit' as const,
        attribution: decidedAt,
        filedNow: true,
        friendVisitedFor: decidedAt.benefitReferrerCustomerId,
      };
    }

    const referrals = referralsInTx(tx);
    const relationship = await referrals.get(customerId);
    const decision = decideArrival(
      {
        customerId,
        filings,
        visits,
        // Re-read here: a concurrent first visit may have made it final meanwhile.
        attribution: stored,
        hasReferralRelationship: relationship !== null,
        arrival,
      },
      settings,
    );
    await visitRepo.put(arrival);
    if (decision.kind === 'first_visit') await people.putAttribution(decision.attribution);
    const segment = { segment: who.customer?.segment ?? 'general' };
    await rollUp(
      tx,
      arrival,
      [
        ...arrivalEvents(decision.attribution, arrival, decision.kind === 'first_visit', segment),
        ...(decision.kind === 'first_visit'
          ? refiledEvents(
              stored,
              decision.attribution,
              filings.find((f) => !f.isTouch),
              segment,
            )
          : []),
      ],
      nowIso,
    );
    // The referrer hears of the friend's first arrival: the relationship moving to visited (from
    // filed, booked or cancelled — a friend who cancelled and walks in has arrived all the same).
    let friendVisitedFor: string | undefined;
    const moved = await progressReferral(tx, relationship, { kind: 'visited' }, nowIso);
    if (relationship && moved && moved.to !== moved.from) friendVisitedFor = relationship.referrerCustomerId;
    if (decision.kind !== 'same_visit' && decision.newReferrerCustomerId) {
      await recordBenefit(tx, decision.newReferrerCustomerId, who, customerId, chainId, now);
      friendVisitedFor = decision.newReferrerCustomerId;
    }
    if (who.booking && who.booking.status === 'booked') {
      await bookingsInTx(tx).update(who.booking.id, { status: 'visited', updatedAt: nowIso });
      if (person?.upcomingBookingId === who.booking.id) {
        await people.updatePerson(personIdFor(chainId, who.phone), { upcomingBookingId: null, updatedAt: nowIso });
      }
    }
    return { kind: decision.kind, attribution: decision.attribution, filedNow: false, friendVisitedFor };
  });
  if (outcome.kind !== 'same_visit' && outcome.friendVisitedFor) {
    await notifyReferrer(
      db,
      {
        progress: 'visited',
        eventId: customerId,
        chainId,
        referrerCustomerId: outcome.friendVisitedFor,
        friendMaskedName: maskName(who.name),
        date: localDate(now),
      },
      now,
      { settings },
    );
  }

  const relationshipReferrer = outcome.attribution.benefitReferrerCustomerId ?? person?.referrerCustomerId ?? undefined;
  return {
    visitId: arrival.id,
    customerId,
    displayName: maskName(who.name),
    maskedPhone: maskPhone(who.phone),
    firstVisit: outcome.kind === 'first_visit',
    alreadyCheckedIn: outcome.kind === 'same_visit',
    filedNow: outcome.filedNow,
    ...(who.booking ? { bookingId: who.booking.id } : {}),
    attribution: await attributionView(db, outcome.attribution, settings, relationshipReferrer),
  };
}

/** The §9 events of an arrival: the visit (first or return) and the people it served. */
function arrivalEvents(
  attribution: AttributionRecord,
  arrival: Visit,
  first: boolean,
  customer: Pick<Customer, 'segment'>,
): RolledEvent[] {
  return [visitEventOf(attribution, arrival, first, customer), ...servedEventsOf(arrival)].map((event) => ({ event }));
}

/**
 * A filing is counted under its provisional attribution; when the first visit decides another
 * channel, level or credited staff member (R2), it moves: retracted on its filing day and counted
 * again under the final attribution. Referrer figures (star, lag) do not depend on it and stay.
 */
function refiledEvents(
  before: AttributionRecord | null,
  after: AttributionRecord,
  firstFiling: Filing | undefined,
  customer: Pick<Customer, 'segment'>,
): RolledEvent[] {
  if (!before || !firstFiling) return [];
  const same =
    before.channel === after.channel &&
    before.level === after.level &&
    before.creditedStaffId === after.creditedStaffId;
  if (same) return [];
  const counted = (a: AttributionRecord) => {
    const {
      referrerId: _r,
      referrerStar: _s,
      referrerLastTreatmentDay: _l,
      ...event
    } = filingEventOf({ ...a, filedAt: before.filedAt ?? firstFiling.at }, firstFiling, customer);
    return event;
  };
  return [
    { event: counted(before), weight: -1 },
    { event: counted(after), weight: 1 },
  ];
}

/**
 * R9: a recommendation made at the desk (a claim, a companion) gives a person without a referral
 * relationship their referrer's benefits. Callers only pass a referrer when there is none yet.
 */
async function recordBenefit(
  tx: Transaction,
  referrerCustomerId: string | undefined,
  who: { name: string; phone: string },
  customerId: string,
  chainId: string,
  now: Date,
) {
  if (!referrerCustomerId) return;
  const referrals = referralsInTx(tx);
  const doc = referralRelationship({ customerId, chainId, name: who.name, phone: who.phone }, referrerCustomerId, now);
  await referrals.put({ ...doc, status: 'visited' });
}
