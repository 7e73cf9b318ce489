/**
 * The demo clinic's recent history written the way the cloud functions write it: an in-memory
 * stand-in for the database on which booking.create, visits.fileAtDesk, booking.cancel,
 * visits.checkIn and deals.record are replayed with the same shared rules (`classifyFiling`,
 * `referrerOwner`/`defaultOwner`, `attribute`, `decideArrival`, `referralStatusAfter`,
 * `settleDeal`) and the same document shapes and ids (cloudfunctions/data/keys). Follow-up tasks,
 * audit entries, deal-request documents and notifications are not replayed (see demo-referral-history).
 */
import {
  attribute,
  availableBalance,
  classifyFiling,
  creditFactsNeeded,
  decideArrival,
  defaultOwner,
  fileOrTouch,
  filingFact,
  generateBookingCode,
  generateReferralCode,
  gradeForBooking,
  referralStatusAfter,
  referrerOwner,
  settleDeal,
  slotKey,
  visitFact,
  type AttributionRecord,
  type Booking,
  type CardHolder,
  type ClinicSettings,
  type Customer,
  type Deal,
  type Filing,
  type FollowUpGrade,
  type ReferralCard,
  type ReferralFacts,
  type ReferralEvent,
  type RewardLedgerEntry,
  type Staff,
  type Visit,
} from '@clinic/shared';
import {
  customerIdFor,
  filingIdFor,
  personIdFor,
  rewardUseKeyFor,
  userIdFor,
  visitIdFor,
} from '../../../../cloudfunctions/data/keys';
import type { PersonDoc } from '../../../../cloudfunctions/data/people';
import type { ReferralDoc } from '../../../../cloudfunctions/data/referrals';
import type { SlotCounterDoc } from '../../../../cloudfunctions/data/bookings';
import { referralRelationship } from '../../../../cloudfunctions/services/referral-relationship';
import type { Rng } from './rng';
import { shanghaiDate } from './store-calendar';

export type Person = Omit<PersonDoc, '_id'>;
export type Referral = Omit<ReferralDoc, '_id'>;
export type SlotCounter = Omit<SlotCounterDoc, '_id'>;

/** Someone new to the clinic: who books, is filed or walks in. */
export interface Newcomer {
  name: string;
  phone: string;
  /** Their WeChat openid (booking in the mini-program); none for people filed or met at the desk. */
  openid?: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Fails the seed loudly: a plan the functions would refuse must never be seeded. */
function must(condition: unknown, what: string): asserts condition {
  if (!condition) throw new Error(`demo history: ${what}`);
}

export class ClinicHistory {
  readonly customers = new Map<string, Customer>();
  readonly persons = new Map<string, Person>();
  readonly filings: Filing[] = [];
  readonly attributions = new Map<string, AttributionRecord>();
  readonly bookings = new Map<string, Booking>();
  readonly counters = new Map<string, SlotCounter>();
  readonly visits = new Map<string, Visit[]>();
  readonly referrals = new Map<string, Referral>();
  readonly ledger: RewardLedgerEntry[] = [];
  readonly deals: Deal[] = [];
  readonly cards = new Map<string, ReferralCard>();
  readonly holders = new Map<string, CardHolder>();
  private readonly byPhone = new Map<string, string>();
  private readonly codes = new Set<string>();
  private requests = 0;

  constructor(
    private readonly chainId: string,
    private readonly settings: ClinicSettings,
    private readonly staff: readonly Staff[],
    existing: readonly Customer[],
    private readonly rng: Rng,
  ) {
    for (const c of existing) {
      this.customers.set(c.id, c);
      this.byPhone.set(c.phone, c.id);
    }
  }

  private readonly randomInt = (n: number) => this.rng.int(0, n - 1);

  private staffMember(id: string): Staff {
    const s = this.staff.find((m) => m.id === id);
    must(s, `no staff member ${id}`);
    return s;
  }

  private customer(id: string): Customer {
    const c = this.customers.get(id);
    must(c, `no customer ${id}`);
    return c;
  }

  /** referral.getMyCard for an old customer without a card: a fresh code, no QR image stored yet. */
  issueCard(customerId: string, at: number): string {
    const held = this.holders.get(customerId);
    if (held?.activeCode) return held.activeCode;
    must(this.customer(customerId).kind === 'existing', 'only an old customer has a card');
    let code = generateReferralCode(this.randomInt);
    while (this.codes.has(code)) code = generateReferralCode(this.randomInt);
    this.codes.add(code);
    const issuedAt = iso(at);
    this.cards.set(code, { code, customerId, chainId: this.chainId, status: 'active', issuedAt });
    this.holders.set(customerId, {
      customerId,
      chainId: this.chainId,
      activeCode: code,
      issuedAt,
      qrFileId: null,
      lastRevokedCode: null,
      updatedAt: issuedAt,
    });
    return code;
  }

  /** fileFirstTime: the customer, the filing, its attribution (provisional) and the referral relationship. */
  private fileFirst(filing: Filing, customer: Customer, at: number, referral?: Referral, arrival?: Visit) {
    must(!this.persons.has(personIdFor(this.chainId, filing.phone)), `${filing.phone} is filed already`);
    must(!this.byPhone.has(filing.phone), `${filing.phone} is a customer already`);
    const attribution = attribute(
      { customerId: filing.customerId, filings: [filingFact(filing)], visits: arrival ? [visitFact(arrival)] : [] },
      this.settings,
    ) as AttributionRecord;
    this.customers.set(customer.id, customer);
    this.byPhone.set(customer.phone, customer.id);
    this.filings.push(filing);
    this.attributions.set(customer.id, attribution);
    if (referral) {
      this.referrals.set(referral.refereeCustomerId, referral);
      const referrer = this.customer(referral.referrerCustomerId);
      if (!referrer.hasReferred) this.customers.set(referrer.id, { ...referrer, hasReferred: true });
    }
    const nowIso = iso(at);
    this.persons.set(personIdFor(this.chainId, filing.phone), {
      chainId: this.chainId,
      customerId: customer.id,
      filingId: filing.id,
      referrerCustomerId: referral?.referrerCustomerId ?? null,
      upcomingBookingId: null,
      bookings: 0,
      touches: 0,
      createdAt: nowIso,
      updatedAt: nowIso,
    });
  }

  /** progressReferral: the friend's relationship after an event, never back to an earlier stage. */
  private progress(customerId: string, event: ReferralEvent, at: number) {
    const r = this.referrals.get(customerId);
    if (!r) return;
    const to = referralStatusAfter(r.status, event);
    if (to !== r.status) this.referrals.set(customerId, { ...r, status: to, updatedAt: iso(at) });
  }

  /**
   * booking.create: the first booking of a phone files it — by card (老带新) or in the mini-program —
   * and a later one (a person filed at the desk, booking without a code) is kept as a touch.
   */
  book(
    at: number,
    who: Newcomer,
    place: { storeId: string; productId: string; date: string; slot: string },
    referrerId?: string,
  ): Booking {
    must(who.openid, 'a booking comes from a WeChat user');
    const referrer = referrerId ? this.customer(referrerId) : undefined;
    const code = referrer ? this.holders.get(referrer.id)?.activeCode : undefined;
    must(!referrer || code, 'a card booking needs the referrer’s active card');
    const source = referrer ? 'card' : 'mini_program';
    const cls = classifyFiling({ source, ...(referrer ? { referrerCustomerId: referrer.id } : {}) }, this.settings);
    must(cls.ok, 'booking filing class');
    const nowIso = iso(at);
    const personId = personIdFor(this.chainId, who.phone);
    const person = this.persons.get(personId);
    const onRecord = person
      ? {
          customerId: person.customerId,
          filingId: person.filingId,
          referrerCustomerId: person.referrerCustomerId,
          kind: this.customer(person.customerId).kind,
        }
      : null;
    const customerId = onRecord?.customerId ?? customerIdFor(this.chainId, who.phone);
    const decision = fileOrTouch(onRecord, {
      filing: {
        id: onRecord ? `t${this.hex(12)}` : filingIdFor(this.chainId, who.phone),
        chainId: this.chainId,
        storeId: place.storeId,
        customerId,
        phone: who.phone,
        at: nowIso,
        channel: cls.channel,
        level: cls.level,
        source,
        ...(referrer ? { referrerCustomerId: referrer.id } : {}),
        productIds: [place.productId],
        isTouch: false,
      },
      claimant: 'self',
      actorId: userIdFor(who.openid),
      auditId: `a${this.hex(12)}`,
      via: `预约（推荐码 ${code ?? '无'}）`,
    });
    // Read before this write, as booking.create does: a first filing creates the relationship booked.
    const relationship = onRecord ? this.referrals.get(customerId) : undefined;
    if (decision.kind === 'first') {
      const owner =
        referrerOwner(cls.channel, referrer) ?? defaultOwner(this.staff.filter((s) => s.storeId === place.storeId));
      const filing: Filing = {
        ...decision.filing,
        ...(owner ? { ownerStaffId: owner.staffId } : {}),
        ...(owner?.department ? { ownerDepartment: owner.department } : {}),
        grade: gradeForBooking(shanghaiDate(at), place.date),
      };
      const customer: Customer = {
        id: customerId,
        chainId: this.chainId,
        storeId: place.storeId,
        name: who.name,
        phone: who.phone,
        openids: [who.openid],
        kind: 'new',
        segment: 'general',
        hasReferred: false,
        ...(owner ? { ownerStaffId: owner.staffId } : {}),
        ...(owner?.department ? { ownerDepartment: owner.department } : {}),
        source: 'booking',
        createdAt: nowIso,
      };
      const referee = { customerId, chainId: this.chainId, name: who.name, phone: who.phone };
      this.fileFirst(
        filing,
        customer,
        at,
        referrer ? referralRelationship(referee, referrer.id, new Date(at)) : undefined,
      );
    } else {
      must(!decision.audit && !decision.newReferrerCustomerId, 'the seeded touches claim no referrer');
      this.filings.push(decision.filing);
    }

    let id = generateBookingCode(this.randomInt);
    while (this.bookings.has(id)) id = generateBookingCode(this.randomInt);
    const booking: Booking = {
      id,
      chainId: this.chainId,
      storeId: place.storeId,
      productId: place.productId,
      customerId,
      openid: who.openid,
      name: who.name,
      phone: who.phone,
      date: place.date,
      slot: place.slot,
      status: 'booked',
      ...(code ? { referralCode: code } : {}),
      ...(decision.referrerCustomerId ? { referrerCustomerId: decision.referrerCustomerId } : {}),
      consentVersion: this.settings.privacyNoticeVersion,
      sensitiveConsentAt: nowIso,
      createdAt: nowIso,
      updatedAt: nowIso,
    };
    this.bookings.set(id, booking);
    if (relationship) this.progress(customerId, { kind: 'booked' }, at);
    this.moveCounter(booking, +1, at);
    const before = this.persons.get(personId) as Person;
    this.persons.set(personId, {
      ...before,
      referrerCustomerId: decision.referrerCustomerId ?? null,
      upcomingBookingId: id,
      bookings: before.bookings + 1,
      touches: before.touches + (decision.kind === 'touch' ? 1 : 0),
      updatedAt: nowIso,
    });
    return booking;
  }

  /** Random hex of the functions' `randomBytes(n)`, from the seed's generator. */
  private hex(bytes: number): string {
    let out = '';
    for (let i = 0; i < bytes; i++) out += this.rng.int(0, 255).toString(16).padStart(2, '0');
    return out;
  }

  private moveCounter(b: Pick<Booking, 'storeId' | 'date' | 'slot'>, by: 1 | -1, at: number) {
    const key = slotKey(b.storeId, b.date, b.slot);
    const booked = (this.counters.get(key)?.booked ?? 0) + by;
    this.counters.set(key, { storeId: b.storeId, date: b.date, slot: b.slot, booked, updatedAt: iso(at) });
  }

  /** How many places of a slot are taken (the counter booking.create reads). */
  taken(storeId: string, date: string, slot: string): number {
    return this.counters.get(slotKey(storeId, date, slot))?.booked ?? 0;
  }

  /** visits.fileAtDesk: a staff member files a lead of a channel (老带新 needs the referring old customer). */
  fileByStaff(
    at: number,
    who: Newcomer,
    by: { staffId: string; channel: string; grade: FollowUpGrade; productIds: string[]; referrerId?: string },
  ): Filing {
    const staff = this.staffMember(by.staffId);
    const referrer = by.referrerId ? this.customer(by.referrerId) : undefined;
    const cls = classifyFiling(
      { source: 'staff', channel: by.channel, ...(referrer ? { referrerCustomerId: referrer.id } : {}) },
      this.settings,
    );
    must(cls.ok, `desk filing of ${by.channel}`);
    const owner = referrerOwner(cls.channel, referrer) ?? { staffId: staff.id, department: staff.department };
    const nowIso = iso(at);
    const customerId = customerIdFor(this.chainId, who.phone);
    const filing: Filing = {
      id: filingIdFor(this.chainId, who.phone),
      chainId: this.chainId,
      storeId: staff.storeId,
      customerId,
      phone: who.phone,
      at: nowIso,
      channel: cls.channel,
      level: cls.level,
      source: 'staff',
      ...(referrer ? { referrerCustomerId: referrer.id } : {}),
      filedByStaffId: staff.id,
      ownerStaffId: owner.staffId,
      ...(owner.department ? { ownerDepartment: owner.department } : {}),
      grade: by.grade,
      productIds: by.productIds,
      isTouch: false,
    };
    const customer: Customer = {
      id: customerId,
      chainId: this.chainId,
      storeId: staff.storeId,
      name: who.name,
      phone: who.phone,
      openids: [],
      kind: 'new',
      segment: 'general',
      hasReferred: false,
      ownerStaffId: owner.staffId,
      ...(owner.department ? { ownerDepartment: owner.department } : {}),
      source: 'desk',
      createdAt: nowIso,
    };
    const referee = { customerId, chainId: this.chainId, name: who.name, phone: who.phone };
    this.fileFirst(
      filing,
      customer,
      at,
      referrer ? { ...referralRelationship(referee, referrer.id, new Date(at)), status: 'filed' } : undefined,
    );
    return filing;
  }

  /** booking.cancel by the booker: the place is freed; to the referrer the friend has cancelled. */
  cancel(at: number, bookingId: string): void {
    const b = this.bookings.get(bookingId);
    must(b && b.status === 'booked', `cancel ${bookingId}`);
    const nowIso = iso(at);
    this.bookings.set(bookingId, { ...b, status: 'cancelled', cancelledAt: nowIso, updatedAt: nowIso });
    this.moveCounter(b, -1, at);
    const personId = personIdFor(this.chainId, b.phone);
    const person = this.persons.get(personId);
    if (person?.upcomingBookingId === bookingId) {
      this.persons.set(personId, { ...person, upcomingBookingId: null, updatedAt: nowIso });
    }
    // The seed books nobody twice: no other booking is still to come.
    this.progress(b.customerId, { kind: 'cancelled', otherUpcomingBooking: false }, at);
  }

  /**
   * visits.checkIn: by booking code or by phone; an unfiled walk-in is filed at the desk now. The
   * first visit makes the attribution final; the seed never lets it move (see `must` below).
   */
  checkIn(at: number, who: Newcomer, by: { checkedInBy: string; receivedBy: string; bookingId?: string }): Visit {
    const staff = this.staffMember(by.checkedInBy);
    const received = this.staffMember(by.receivedBy);
    const booking = by.bookingId ? this.bookings.get(by.bookingId) : undefined;
    must(!by.bookingId || (booking && booking.status !== 'cancelled'), 'check-in of a cancelled booking');
    const known = this.byPhone.get(who.phone);
    const customerId = known ?? customerIdFor(this.chainId, who.phone);
    const nowIso = iso(at);
    const arrival: Visit = {
      id: visitIdFor(customerId, shanghaiDate(at)),
      chainId: this.chainId,
      storeId: staff.storeId,
      customerId,
      at: nowIso,
      ...(booking ? { bookingId: booking.id } : {}),
      companionCustomerIds: [],
      receivedByStaffId: received.id,
      receivedByDepartment: received.department,
      checkedInByStaffId: staff.id,
      productIds: booking ? [booking.productId] : [],
    };
    const earlier = this.visits.get(customerId) ?? [];
    must(!earlier.some((v) => v.id === arrival.id), 'one check-in per person and day');

    if (!known) {
      const cls = classifyFiling({ source: 'desk' }, this.settings);
      must(cls.ok, 'desk filing class');
      const filing: Filing = {
        id: filingIdFor(this.chainId, who.phone),
        chainId: this.chainId,
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
      };
      const customer: Customer = {
        id: customerId,
        chainId: this.chainId,
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
      this.fileFirst(filing, customer, at, undefined, arrival);
      this.visits.set(customerId, [arrival]);
      return arrival;
    }

    const stored = this.attributions.get(customerId) ?? null;
    const decision = decideArrival(
      {
        customerId,
        filings: this.filings.filter((f) => f.customerId === customerId),
        visits: earlier,
        attribution: stored,
        hasReferralRelationship: this.referrals.has(customerId),
        arrival,
      },
      this.settings,
    );
    must(decision.kind !== 'same_visit', 'same visit');
    must(!decision.newReferrerCustomerId, 'no referral claims at the desk in the seeded history');
    if (decision.kind === 'first_visit') {
      // The seed's filings come early enough (R2) that no filing moves at the first visit: the
      // roll-ups then need no retraction, and `foldEvents` over the records gives them exactly.
      const a = decision.attribution;
      must(
        !stored ||
          (stored.channel === a.channel && stored.level === a.level && stored.creditedStaffId === a.creditedStaffId),
        `${customerId}'s filing would move at the first visit`,
      );
      this.attributions.set(customerId, a);
    }
    this.visits.set(customerId, [...earlier, arrival]);
    this.progress(customerId, { kind: 'visited' }, at);
    if (booking && booking.status === 'booked') {
      this.bookings.set(booking.id, { ...booking, status: 'visited', updatedAt: nowIso });
      const personId = personIdFor(this.chainId, who.phone);
      const person = this.persons.get(personId);
      if (person?.upcomingBookingId === booking.id) {
        this.persons.set(personId, { ...person, upcomingBookingId: null, updatedAt: nowIso });
      }
    }
    return arrival;
  }

  /** The rebate a customer could use at `at` (deals.prepare). */
  usableRebate(customerId: string, at: number): number {
    return availableBalance(this.ledger, customerId, 'rebate', iso(at));
  }

  /**
   * deals.record of one item by a staff member: shared `settleDeal` credits the referral rewards of
   * a first paid deal and spends the rebate used; the customer (and a credited referrer) move their
   * accountVersion on; the relationship becomes dealt.
   */
  deal(
    at: number,
    customerId: string,
    item: { productId: string; amountFen: number; paidFen: number },
    staffId: string,
    useRebateFen = 0,
  ): { deals: Deal[]; credits: RewardLedgerEntry[]; uses: RewardLedgerEntry[] } {
    const customer = this.customer(customerId);
    must((this.visits.get(customerId) ?? []).length > 0, 'a deal needs a check-in');
    const staff = this.staffMember(staffId);
    const referral = this.referrals.get(customerId);
    let relationship: ReferralFacts | undefined = referral
      ? {
          referrerCustomerId: referral.referrerCustomerId,
          status: referral.status,
          rewardCredited: referral.rewardCredited,
        }
      : undefined;
    const referrer = relationship ? this.customers.get(relationship.referrerCustomerId) : undefined;
    if (!referrer) relationship = undefined;
    const mine = this.ledger.filter((e) => e.customerId === customerId);
    const needed = creditFactsNeeded(customerId, relationship, [item]);
    const ledger = needed && referrer ? [...mine, ...this.ledger.filter((e) => e.customerId === referrer.id)] : mine;
    const previousDeals = needed
      ? this.deals.filter((d) => d.customerId === customerId).map((d) => ({ id: d.id, paidFen: d.paidFen, at: d.at }))
      : [];
    this.requests += 1;
    const requestId = `seed_${customerId}_${this.requests}`;
    const nowIso = iso(at);
    const settled = settleDeal(
      {
        requestId,
        chainId: customer.chainId,
        storeId: customer.storeId,
        customerId,
        items: [item],
        useRewards: useRebateFen > 0 ? [{ kind: 'rebate', amount: useRebateFen }] : [],
        useKey: rewardUseKeyFor(requestId),
        at: nowIso,
        staffId: staff.id,
        department: staff.department,
      },
      { customerKind: customer.kind, referral: relationship, previousDeals, ledger },
      this.settings,
    );
    must(settled.ok, `deal of ${customerId}: ${settled.ok ? '' : settled.message}`);
    this.deals.push(...settled.deals);
    this.ledger.push(...settled.credits, ...settled.uses);
    this.customers.set(customerId, {
      ...customer,
      ...(settled.becomesExisting ? { kind: 'existing' as const } : {}),
      accountVersion: (customer.accountVersion ?? 0) + 1,
    });
    if (referrer && settled.credits.some((e) => e.customerId === referrer.id)) {
      const current = this.customer(referrer.id);
      this.customers.set(referrer.id, { ...current, accountVersion: (current.accountVersion ?? 0) + 1 });
    }
    if (settled.referralUpdate && referral) {
      this.referrals.set(customerId, { ...referral, ...settled.referralUpdate, updatedAt: nowIso });
    }
    return { deals: settled.deals, credits: settled.credits, uses: settled.uses };
  }
}
