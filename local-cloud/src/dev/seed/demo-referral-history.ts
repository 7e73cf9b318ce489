/**
 * The last ten weeks of the demo clinic's new customers, so the referral reports have something to
 * show: friends of old customers filed through a card booking (老带新, R1, credited to the
 * referrer's owner) or collected by their owner's ask (visits.fileAtDesk), and people of the other
 * channels (小程序 bookings without a code, 搜索 and 社交 leads filed by staff, 直接来院 walk-ins),
 * with their bookings (some cancelled, some not kept), first and return visits, first deals and
 * second purchases (some paid partly with the rebate earned), the referral relationships and the
 * reward ledger of `settleDeal`.
 *
 * A plan of journeys (who comes how, when, and what happens) is drawn first; its steps are then
 * replayed in time order through `ClinicHistory`, which writes what the functions write. Every
 * date is before today (no booking is still to come), and the referrers are old customers who have
 * referred before — never the demo identities, nor customers of the demo consultant 陈静, whose
 * figures the function tests pin.
 */
import {
  type ClinicSettings,
  type Customer,
  type Deal,
  type FollowUpGrade,
  type LocalDate,
  type Product,
  type Staff,
  type Store,
} from '@clinic/shared';
import { personIdFor } from '../../../../cloudfunctions/data/keys';
import { DEMO_CUSTOMERS } from './demo-identities';
import { ClinicHistory, type Newcomer } from './history-writes';
import type { Registry } from './people-registry';
import type { Rng } from './rng';
import { hoursOn, plusDays, shanghaiDate } from './store-calendar';

/** The referral history reaches back this many days before today. */
export const REFERRAL_HISTORY_DAYS = 70;

export type JourneyKind = 'card' | 'ask' | 'mini_program' | 'search' | 'social' | 'walk_in';

/** New people per store over the ten weeks, by how they came (一店 is the bigger store). */
export const JOURNEY_VOLUMES: Record<string, Record<JourneyKind, number>> = {
  'store-1': { card: 16, ask: 7, mini_program: 7, search: 6, social: 5, walk_in: 7 },
  'store-2': { card: 10, ask: 4, mini_program: 5, search: 4, social: 3, walk_in: 5 },
};

/** The consultant whose figures the function tests pin (all her referral credits are theirs). */
const UNCREDITED_OWNERS = new Set(['staff-s1-consultant-1']);
const DEMO_CUSTOMER_IDS = new Set(DEMO_CUSTOMERS.map((c) => c.id));

/**
 * What newcomers start with: mostly injections and skin care, some eyes. The bigger surgery comes
 * later in a customer's life (the imported history has it), and would make ten weeks of referral
 * revenue swing with a single deal.
 */
const FIRST_PRODUCT_WEIGHTS: Record<string, number> = {
  'product-botulinum': 30,
  'product-hyaluronic-acid': 22,
  'product-rejuvenation': 16,
  'product-spot-removal': 14,
  'product-eyes': 7,
  'product-tightening': 5,
  'product-scar': 3,
};

export interface HistoryInput {
  now: Date;
  chainId: string;
  settings: ClinicSettings;
  stores: readonly Store[];
  products: readonly Product[];
  staff: readonly Staff[];
  /** The imported old customers and their deals (referrers come from them). */
  customers: readonly Customer[];
  deals: readonly Deal[];
  registry: Registry;
  rng: Rng;
}

type Doc = Record<string, unknown>;

const MINUTE = 60_000;
const at = (date: LocalDate, time: string) => Date.parse(`${date}T${time}:00+08:00`);
const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

type Step =
  | { kind: 'book'; at: number; storeId: string; productId: string; date: LocalDate; slot: string; referrerId?: string }
  | {
      kind: 'file';
      at: number;
      staffId: string;
      channel: string;
      grade: FollowUpGrade;
      productIds: string[];
      referrerId?: string;
    }
  | { kind: 'cancel'; at: number }
  | { kind: 'checkIn'; at: number; receivedBy: string; checkedInBy: string; withBooking: boolean }
  | {
      kind: 'deal';
      at: number;
      productId: string;
      amountFen: number;
      paidFen: number;
      staffId: string;
      useRebate: boolean;
    };

interface Journey {
  who: Newcomer;
  steps: Step[];
  bookingId?: string;
}

/** Draws the journeys of one store; times are Shanghai instants (ms), all before today. */
class Planner {
  readonly journeys: Journey[] = [];
  private readonly today: LocalDate;
  private readonly places = new Map<string, number>();
  private openids = 0;

  constructor(
    private readonly input: HistoryInput,
    private readonly store: Store,
    private readonly dealsByCustomer: Map<string, Deal[]>,
    /** How many journeys of each kind the store has: the strata of their outcomes. */
    private readonly volumes: Record<JourneyKind, number>,
  ) {
    this.today = shanghaiDate(input.now.getTime());
  }

  private get rng() {
    return this.input.rng;
  }

  private readonly strata = new Map<string, number[]>();

  /**
   * A uniform draw in [0, 1) stratified over `n` journeys of a kind (one draw per stratum, in
   * random order): ten weeks hold a few dozen journeys, and independent draws would leave the
   * shares of cancelled or unkept bookings to chance.
   */
  private stratified(kind: string, n: number): number {
    let left = this.strata.get(kind);
    if (!left || left.length === 0) {
      left = Array.from({ length: n }, (_, i) => (i + this.rng.float()) / n);
      for (let i = left.length - 1; i > 0; i--) {
        const j = this.rng.int(0, i);
        [left[i], left[j]] = [left[j] as number, left[i] as number];
      }
      this.strata.set(kind, left);
    }
    return left.pop() as number;
  }

  private staffOf(pred: (s: Staff) => boolean): Staff[] {
    return this.input.staff.filter(
      (s) => s.storeId === this.store.id && s.active !== false && !s.managerKind && pred(s),
    );
  }

  /** Consultants receive newcomers and record their deals; the front desk checks them in. */
  private consultant = () => this.rng.pick(this.staffOf((s) => s.post === 'consultant'));
  private desk = () => this.rng.pick(this.staffOf((s) => s.post === 'onsite_service'));

  /** The first open day on or after `from` and before today. */
  private nextOpenDay(from: LocalDate): LocalDate | undefined {
    for (let d = from; d < this.today; d = plusDays(d, 1)) if (hoursOn(this.store, d)) return d;
    return undefined;
  }

  /**
   * The day a booking made on `bookedOn` is for: `lead` days on (the next open day), or — no booking
   * of the seed being still to come — the last open day before today, at least a day on (R2).
   */
  private visitDay(bookedOn: LocalDate, lead: number): LocalDate | undefined {
    const planned = this.nextOpenDay(plusDays(bookedOn, lead));
    if (planned) return planned;
    for (let d = plusDays(this.today, -1); d > bookedOn; d = plusDays(d, -1)) if (hoursOn(this.store, d)) return d;
    return undefined;
  }

  /** A time on an open day, between opening + `after` minutes and closing − `before` minutes. */
  private timeOn(date: LocalDate, after = 15, before = 90): number {
    const h = hoursOn(this.store, date) as { open: string; close: string };
    const from = minutesOf(h.open) + after;
    const to = minutesOf(h.close) - before;
    return at(date, hhmm(this.rng.int(from, Math.max(from, to))));
  }

  /** A bookable slot with a free place (booking.create's capacity check), daytime preferred. */
  private slotOn(date: LocalDate): string | undefined {
    const h = hoursOn(this.store, date) as { open: string; close: string };
    const slots: string[] = [];
    // Slots that leave time for a consultation and a deal before closing.
    for (let m = minutesOf(h.open); m + 120 <= minutesOf(h.close); m += this.store.slotMinutes) {
      const slot = hhmm(m);
      if ((this.places.get(`${date}_${slot}`) ?? 0) < this.store.capacityPerSlot) slots.push(slot);
    }
    if (slots.length === 0) return undefined;
    const slot = this.rng.pick(slots);
    this.places.set(`${date}_${slot}`, (this.places.get(`${date}_${slot}`) ?? 0) + 1);
    return slot;
  }

  private product(): Product {
    const offered = this.input.products.filter(
      (p) => p.active && (p.storeIds.length === 0 || p.storeIds.includes(this.store.id)),
    );
    const weighted = offered.map((p) => [p, FIRST_PRODUCT_WEIGHTS[p.id] ?? 0] as const);
    // Stratified too: the mix of cheap and dear projects holds over a few weeks, not only on average.
    let r = this.stratified('product', 25) * weighted.reduce((s, [, w]) => s + w, 0);
    for (const [p, w] of weighted) {
      r -= w;
      if (r < 0) return p;
    }
    return (weighted.at(-1) as readonly [Product, number])[0];
  }

  /** A deal's amount: within −15 % … +10 % of the list price in tens of yuan, sometimes discounted. */
  private amounts(p: Product): { amountFen: number; paidFen: number } {
    // Every demo product has a list price.
    const amountFen = Math.round(((p.priceFen ?? 0) * (0.85 + this.rng.float() * 0.25)) / 1000) * 1000;
    const discount = this.rng.chance(0.3) ? Math.round((amountFen * this.rng.float() * 0.08) / 100) * 100 : 0;
    return { amountFen, paidFen: amountFen - discount };
  }

  private newcomer(withOpenid: boolean): Newcomer {
    const name = this.input.registry.name();
    const phone = this.input.registry.phone();
    if (!withOpenid) return { name, phone };
    this.openids += 1;
    return { name, phone, openid: `seed-${this.store.id}-friend-${String(this.openids).padStart(3, '0')}` };
  }

  /** Old customers of this store who refer: they have referred before and have a treatment before `on`. */
  private referrer(on: number): Customer | undefined {
    const pool = this.input.customers.filter(
      (c) =>
        c.storeId === this.store.id &&
        c.hasReferred &&
        !DEMO_CUSTOMER_IDS.has(c.id) &&
        c.ownerStaffId !== undefined &&
        !UNCREDITED_OWNERS.has(c.ownerStaffId) &&
        this.input.staff.some((s) => s.id === c.ownerStaffId && s.active !== false) &&
        (this.dealsByCustomer.get(c.id) ?? []).some((d) => Date.parse(d.at) < on),
    );
    if (pool.length === 0) return undefined;
    // Loyal, recently treated customers refer most (§5: the golden time after a treatment).
    return this.rng.weighted(
      pool.map((c) => {
        const last = (this.dealsByCustomer.get(c.id) ?? []).filter((d) => Date.parse(d.at) < on).at(-1) as Deal;
        const days = (on - Date.parse(last.at)) / 86_400_000;
        const recency = days < 90 ? 5 : days < 330 ? 3 : 2;
        return [
          c,
          (c.starLevel ?? 1) * recency * (c.satisfaction !== undefined && c.satisfaction >= 4 ? 2 : 1),
        ] as const;
      }),
    );
  }

  /**
   * The day a journey starts: spread evenly over the weeks (not in chance clusters), up to
   * yesterday — two days back for a booking, whose visit must still come before today.
   */
  private startDay(kind: JourneyKind): LocalDate {
    const latest = kind === 'card' || kind === 'mini_program' ? 2 : 1;
    const u = this.stratified(`${kind} start`, this.volumes[kind]);
    return plusDays(this.today, -(latest + Math.floor(u * (REFERRAL_HISTORY_DAYS - latest + 1))));
  }

  /**
   * After the first visit: maybe a first deal that day, else sometimes one on a return visit; a
   * customer who bought may come back for a second purchase (with the rebate) or a session.
   */
  /** What becomes of a journey once the person has come in, drawn stratified over its kind. */
  private fate(kind: JourneyKind): { deal: number; second: number } {
    return {
      deal: this.stratified(`${kind} deal`, this.volumes[kind]),
      second: this.stratified(`${kind} second`, this.volumes[kind]),
    };
  }

  private afterVisit(
    steps: Step[],
    visitAt: number,
    p: Product,
    dealP: number,
    fate: { deal: number; second: number },
  ) {
    const deal = (when: number, product: Product, useRebate: boolean, staffId: string) => {
      const { amountFen, paidFen } = this.amounts(product);
      steps.push({ kind: 'deal', at: when, productId: product.id, amountFen, paidFen, staffId, useRebate });
    };
    const returnVisit = (afterDays: [number, number], from: number): number | undefined => {
      const day = this.nextOpenDay(plusDays(shanghaiDate(from), this.rng.int(...afterDays)));
      if (!day) return undefined;
      const when = this.timeOn(day, 15, 150);
      const consultant = this.consultant();
      steps.push({
        kind: 'checkIn',
        at: when,
        receivedBy: consultant.id,
        checkedInBy: this.desk().id,
        withBooking: false,
      });
      return when;
    };
    const consultant = (steps.find((s) => s.kind === 'checkIn') as Extract<Step, { kind: 'checkIn' }>).receivedBy;
    let dealtAt: number | undefined;
    if (fate.deal < dealP) {
      dealtAt = visitAt + this.rng.int(40, 100) * MINUTE;
      deal(dealtAt, this.rng.chance(0.75) ? p : this.product(), false, consultant);
    } else if (fate.deal < dealP + 0.15) {
      // Thought it over, came back and bought.
      const back = returnVisit([7, 21], visitAt);
      if (back !== undefined) {
        dealtAt = back + this.rng.int(40, 100) * MINUTE;
        deal(dealtAt, p, false, (steps.at(-1) as Extract<Step, { kind: 'checkIn' }>).receivedBy);
      }
    }
    if (dealtAt === undefined) return;
    if (fate.second < 0.45) {
      const back = returnVisit([10, 30], dealtAt);
      if (back !== undefined) {
        const staffId = (steps.at(-1) as Extract<Step, { kind: 'checkIn' }>).receivedBy;
        deal(back + this.rng.int(40, 100) * MINUTE, this.product(), this.rng.chance(0.7), staffId);
      }
    } else if (this.rng.chance(0.3)) {
      returnVisit([10, 30], dealtAt);
    }
  }

  /** A card booking (or one without a code): booked → cancelled, not kept, or visited. */
  booked(referred: boolean, of: number): void {
    const kind = referred ? 'card' : 'mini_program';
    for (let attempt = 0; attempt < 20; attempt++) {
      const filed = this.startDay(kind);
      const referrer = referred ? this.referrer(at(filed, '12:00')) : undefined;
      if (referred && !referrer) continue;
      const bookedAt = at(filed, hhmm(this.rng.int(8 * 60, 22 * 60 + 30)));
      // R2: a day's lead at least, so the filing stays a referral at the visit.
      const date = this.visitDay(
        filed,
        this.rng.weighted([
          [1, 3],
          [2, 3],
          [3, 2],
          [5, 2],
          [8, 1],
          [12, 1],
        ]),
      );
      const slot = date && this.slotOn(date);
      if (!date || !slot) continue;
      const p = this.product();
      const steps: Step[] = [
        {
          kind: 'book',
          at: bookedAt,
          storeId: this.store.id,
          productId: p.id,
          date,
          slot,
          ...(referrer ? { referrerId: referrer.id } : {}),
        },
      ];
      const r = this.stratified(kind, of);
      const fate = this.fate(kind);
      const slotAt = at(date, slot);
      if (r < 0.1) {
        steps.push({ kind: 'cancel', at: bookedAt + Math.floor((slotAt - bookedAt) * this.rng.float() * 0.9) });
      } else if (r >= (referred ? 0.2 : 0.28)) {
        const visitAt = slotAt + this.rng.int(-10, 15) * MINUTE;
        steps.push({
          kind: 'checkIn',
          at: visitAt,
          receivedBy: this.consultant().id,
          checkedInBy: this.desk().id,
          withBooking: true,
        });
        this.afterVisit(steps, visitAt, p, referred ? 0.55 : 0.5, fate);
      } // else: not kept (the booking stays booked, as nothing marks a no-show)
      this.journeys.push({ who: this.newcomer(true), steps });
      return;
    }
  }

  /**
   * A lead filed by staff: a friend collected by the referrer's owner (老带新), or a 搜索 / 社交
   * lead filed by the call centre or the membership centre; some of them come in later.
   */
  filed(channel: 'referral' | 'search' | 'social'): void {
    const kind: JourneyKind = channel === 'referral' ? 'ask' : channel;
    for (let attempt = 0; attempt < 20; attempt++) {
      const day = this.nextOpenDay(this.startDay(kind));
      if (!day) continue;
      const fileAt = this.timeOn(day, 30, 60);
      const referrer = channel === 'referral' ? this.referrer(fileAt) : undefined;
      if (channel === 'referral' && !referrer) continue;
      const filer =
        channel === 'referral'
          ? (referrer?.ownerStaffId as string)
          : this.rng.pick(
              this.staffOf(
                (s) =>
                  s.post === (channel === 'search' ? 'call_centre' : 'membership_centre') &&
                  s.department !== 'cs4_followup',
              ),
            ).id;
      const p = this.product();
      const fate = this.fate(kind);
      const comes = this.stratified(`${kind} comes`, this.volumes[kind]);
      const steps: Step[] = [
        {
          kind: 'file',
          at: fileAt,
          staffId: filer,
          channel,
          grade: this.rng.chance(0.6) ? 'F1' : 'F2',
          productIds: [p.id],
          ...(referrer ? { referrerId: referrer.id } : {}),
        },
      ];
      let booker = false;
      if (channel === 'referral' && comes < 0.6) {
        // The owner sends the friend the booking page: a mini-program booking, kept as a touch.
        const bookDay = plusDays(day, this.rng.int(0, 3));
        const bookedAt = Math.max(fileAt + 30 * MINUTE, at(bookDay, hhmm(this.rng.int(9 * 60, 22 * 60))));
        const date = this.visitDay(shanghaiDate(bookedAt), this.rng.int(1, 7));
        const slot = date && this.slotOn(date);
        if (date && slot) {
          booker = true;
          steps.push({ kind: 'book', at: bookedAt, storeId: this.store.id, productId: p.id, date, slot });
          if (comes < 0.5) {
            const visitAt = at(date, slot) + this.rng.int(-10, 15) * MINUTE;
            steps.push({
              kind: 'checkIn',
              at: visitAt,
              receivedBy: this.consultant().id,
              checkedInBy: this.desk().id,
              withBooking: true,
            });
            this.afterVisit(steps, visitAt, p, 0.55, fate);
          }
        }
      } else if (channel !== 'referral' && comes < 0.6) {
        // The lead comes in on a day agreed by phone.
        const visitDay = this.nextOpenDay(plusDays(day, this.rng.int(2, 14)));
        if (visitDay) {
          const visitAt = this.timeOn(visitDay, 15, 150);
          steps.push({
            kind: 'checkIn',
            at: visitAt,
            receivedBy: this.consultant().id,
            checkedInBy: this.desk().id,
            withBooking: false,
          });
          this.afterVisit(steps, visitAt, p, 0.5, fate);
        }
      }
      this.journeys.push({ who: this.newcomer(booker), steps });
      return;
    }
  }

  /** 直接来院: an unfiled person walks in and is filed at the desk. */
  walkIn(): void {
    const day = this.nextOpenDay(this.startDay('walk_in'));
    if (!day) return;
    const visitAt = this.timeOn(day, 15, 150);
    const steps: Step[] = [
      {
        kind: 'checkIn',
        at: visitAt,
        receivedBy: this.consultant().id,
        checkedInBy: this.desk().id,
        withBooking: false,
      },
    ];
    this.afterVisit(steps, visitAt, this.product(), 0.5, this.fate('walk_in'));
    this.journeys.push({ who: this.newcomer(false), steps });
  }
}

export interface ReferralHistory {
  /** Every customer: the imported ones (referrers' accountVersion moved on) and the newcomers. */
  customers: Customer[];
  /** The newcomers' deals (the imported history is the clinic's own). */
  deals: Deal[];
  collections: Record<string, Doc[]>;
}

const withId = <T extends { id: string }>(e: T): Doc => ({ _id: e.id, ...e });
const keyed = <T extends object>(entries: Iterable<[string, T]>): Doc[] =>
  [...entries].map(([id, e]) => ({ _id: id, ...e }));

export function buildReferralHistory(input: HistoryInput): ReferralHistory {
  const dealsByCustomer = new Map<string, Deal[]>();
  for (const d of [...input.deals].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))) {
    dealsByCustomer.set(d.customerId, [...(dealsByCustomer.get(d.customerId) ?? []), d]);
  }
  const journeys: Journey[] = [];
  for (const store of input.stores) {
    const volumes = JOURNEY_VOLUMES[store.id];
    if (!volumes) continue;
    const planner = new Planner(input, store, dealsByCustomer, volumes);
    for (let i = 0; i < volumes.card; i++) planner.booked(true, volumes.card);
    for (let i = 0; i < volumes.ask; i++) planner.filed('referral');
    for (let i = 0; i < volumes.mini_program; i++) planner.booked(false, volumes.mini_program);
    for (let i = 0; i < volumes.search; i++) planner.filed('search');
    for (let i = 0; i < volumes.social; i++) planner.filed('social');
    for (let i = 0; i < volumes.walk_in; i++) planner.walkIn();
    journeys.push(...planner.journeys);
  }

  const clinic = new ClinicHistory(input.chainId, input.settings, input.staff, input.customers, input.rng);
  // The referrers' cards were issued before their first friend booked with them.
  const firstCardBooking = new Map<string, number>();
  for (const j of journeys) {
    for (const s of j.steps) {
      if (s.kind === 'book' && s.referrerId && !(s.at >= (firstCardBooking.get(s.referrerId) ?? Infinity))) {
        firstCardBooking.set(s.referrerId, s.at);
      }
    }
  }
  for (const [referrerId, first] of [...firstCardBooking].sort(([a], [b]) => (a < b ? -1 : 1))) {
    clinic.issueCard(referrerId, first - input.rng.int(2 * 24 * 60, 40 * 24 * 60) * MINUTE);
  }

  const steps = journeys
    .flatMap((j) => j.steps.map((s) => ({ j, s })))
    .sort((a, b) => a.s.at - b.s.at || (a.j.who.phone < b.j.who.phone ? -1 : 1));
  for (const { j, s } of steps) {
    switch (s.kind) {
      case 'book':
        j.bookingId = clinic.book(s.at, j.who, s, s.referrerId).id;
        break;
      case 'file':
        clinic.fileByStaff(s.at, j.who, s);
        break;
      case 'cancel':
        clinic.cancel(s.at, j.bookingId as string);
        break;
      case 'checkIn':
        clinic.checkIn(s.at, j.who, {
          checkedInBy: s.checkedInBy,
          receivedBy: s.receivedBy,
          ...(s.withBooking && j.bookingId ? { bookingId: j.bookingId } : {}),
        });
        break;
      case 'deal': {
        const customerId = clinic.persons.get(personIdFor(input.chainId, j.who.phone))?.customerId as string;
        // A second purchase may be paid partly with the rebate the first one earned.
        const usable = s.useRebate ? clinic.usableRebate(customerId, s.at) : 0;
        const use = Math.min(usable, Math.floor(s.paidFen / 2 / 100) * 100);
        clinic.deal(
          s.at,
          customerId,
          { productId: s.productId, amountFen: s.amountFen, paidFen: s.paidFen - use },
          s.staffId,
          use,
        );
        break;
      }
    }
  }

  return {
    customers: [...clinic.customers.values()],
    deals: clinic.deals,
    collections: {
      filings: clinic.filings.map(withId),
      attributions: keyed(clinic.attributions),
      persons: keyed(clinic.persons),
      bookings: [...clinic.bookings.values()].map(withId),
      slotCounters: keyed(clinic.counters),
      visits: [...clinic.visits.values()].flat().map(withId),
      referrals: keyed(clinic.referrals),
      rewardLedger: clinic.ledger.map(withId),
      referralCards: keyed(clinic.cards),
      referralCardHolders: keyed(clinic.holders),
    },
  };
}
