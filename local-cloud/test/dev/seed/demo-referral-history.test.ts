import {
  dashboardFigures,
  dashboardDays,
  dateToDayNumber,
  dealEventOf,
  emptyRollup,
  filingEventOf,
  foldEvents,
  localDate,
  mergeRollup,
  monthOf,
  parseSettings,
  rewardEventOf,
  servedEventsOf,
  shanghaiDayNumber,
  shareOfFen,
  STAFF_POSTS,
  sumRollups,
  visitEventOf,
  type AttributionRecord,
  type Customer,
  type Deal,
  type Filing,
  type ReportEvent,
  type RewardLedgerEntry,
  type Rollup,
  type Staff,
  type Visit,
} from '@clinic/shared';
import {
  customerIdFor,
  filingIdFor,
  personIdFor,
  rollupMarkIdFor,
  visitIdFor,
} from '../../../../cloudfunctions/data/keys';
import { dayRollupIdFor } from '../../../../cloudfunctions/data/rollups';
import { COLLECTIONS, buildDemoClinic } from '../../../src/dev/seed/demo-clinic';
import { DEMO_CHAIN_ID, DEMO_CUSTOMERS } from '../../../src/dev/seed/demo-identities';
import { REFERRAL_HISTORY_DAYS } from '../../../src/dev/seed/demo-referral-history';
import { ROLLUP_MONTHS, rollupWindowStart } from '../../../src/dev/seed/demo-rollups';

/**
 * The demo clinic's last ten weeks: referral friends and other newcomers, their bookings, visits,
 * deals and rewards, the day roll-ups the reports read, and this month's targets.
 */
const NOW = new Date('2025-06-18T02:30:00Z'); // a Wednesday, 10:30 in Shanghai
const TODAY = localDate(NOW);

type Doc = Record<string, any>;
const clinic = buildDemoClinic(NOW);
const coll = (name: string, c = clinic): Doc[] => c.collections[name] ?? [];

const customers = coll(COLLECTIONS.customers);
const customerById = new Map(customers.map((c) => [c._id, c as Doc & Customer]));
const newcomers = customers.filter((c) => c.source !== 'crm_import');
const filings = coll(COLLECTIONS.filings) as (Doc & Filing)[];
const attributions = new Map(coll(COLLECTIONS.attributions).map((a) => [a._id, a as Doc & AttributionRecord]));
const bookings = coll(COLLECTIONS.bookings);
const visits = coll(COLLECTIONS.visits) as (Doc & Visit)[];
const deals = coll(COLLECTIONS.deals) as (Doc & Deal)[];
const referrals = new Map(coll(COLLECTIONS.referrals).map((r) => [r._id, r]));
const ledger = coll(COLLECTIONS.rewardLedger) as (Doc & RewardLedgerEntry)[];
const { _id: _chain, ...settingsDoc } = coll(COLLECTIONS.settings)[0] as Doc;
const settings = parseSettings(settingsDoc);

const byTime = <T extends Doc>(docs: T[], field = 'at') =>
  [...docs].sort((a, b) => Date.parse(a[field]) - Date.parse(b[field]));
const ofCustomer = <T extends Doc>(docs: T[], id: string) => byTime(docs.filter((d) => d.customerId === id));

describe('the people of the last ten weeks', () => {
  it('are new customers of both stores, filed in the last ten weeks, each once, under the functions’ ids', () => {
    const from = localDate(new Date(NOW.getTime() - (REFERRAL_HISTORY_DAYS + 1) * 86_400_000));
    for (const store of ['store-1', 'store-2'])
      expect(newcomers.filter((c) => c.storeId === store).length).toBeGreaterThan(20);
    for (const c of newcomers) {
      expect(c._id).toBe(customerIdFor(DEMO_CHAIN_ID, c.phone));
      const first = filings.filter((f) => f.customerId === c._id && !f.isTouch);
      expect(first).toHaveLength(1);
      expect(first[0]?._id).toBe(filingIdFor(DEMO_CHAIN_ID, c.phone));
      expect(localDate(first[0]?.at as string) >= from && localDate(first[0]?.at as string) < TODAY).toBe(true);
      const person = coll(COLLECTIONS.persons).find((p) => p._id === personIdFor(DEMO_CHAIN_ID, c.phone));
      expect(person).toMatchObject({ chainId: DEMO_CHAIN_ID, customerId: c._id, filingId: first[0]?._id });
      expect(person?.bookings).toBe(bookings.filter((b) => b.customerId === c._id).length);
      expect(person?.touches).toBe(filings.filter((f) => f.customerId === c._id && f.isTouch).length);
      // An old customer (老客) is one who paid; a new one has not yet.
      const paid = deals.some((d) => d.customerId === c._id && d.paidFen > 0);
      expect(c.kind).toBe(paid ? 'existing' : 'new');
      expect(c.accountVersion ?? 0).toBe(
        new Set(deals.filter((d) => d.customerId === c._id).map((d) => d.requestId)).size,
      );
      expect(attributions.has(c._id)).toBe(true);
    }
    expect(coll(COLLECTIONS.persons)).toHaveLength(newcomers.length);
    expect(attributions.size).toBe(newcomers.length);
  });

  it('came by 老带新 (card bookings and asks) and by the other channels of the settings', () => {
    const channels = new Set([...attributions.values()].map((a) => a.channel));
    expect([...channels].sort()).toEqual(['mini_program', 'referral', 'search', 'social', 'walk_in']);
    for (const channel of channels) expect(Object.keys(settings.channels)).toContain(channel);
    const referral = [...attributions.values()].filter((a) => a.channel === 'referral');
    expect(referral.length / attributions.size).toBeGreaterThan(0.35);
    for (const a of referral) {
      expect(a).toMatchObject({ level: 1 });
      const referrer = customerById.get(a.referrerCustomerId as string) as Customer;
      // R1: credited to the referrer's owner.
      expect(a.creditedStaffId).toBe(referrer.ownerStaffId);
      expect(referrals.get(a.customerId)?.referrerCustomerId).toBe(referrer.id);
    }
    const sources = new Set(filings.filter((f) => f.channel === 'referral' && !f.isTouch).map((f) => f.source));
    expect([...sources].sort()).toEqual(['card', 'staff']);
  });

  it('were referred by old customers who have referred before — never a demo identity, nor one of 陈静’s', () => {
    const demo = new Set(DEMO_CUSTOMERS.map((c) => c.id));
    const referrers = new Set([...referrals.values()].map((r) => r.referrerCustomerId));
    expect(referrers.size).toBeGreaterThan(10);
    for (const id of referrers) {
      const c = customerById.get(id) as Customer;
      expect(c).toMatchObject({ kind: 'existing', source: 'crm_import', hasReferred: true });
      expect(demo.has(id)).toBe(false);
      expect(c.ownerStaffId).not.toBe('staff-s1-consultant-1');
    }
    expect(
      [...attributions.values()].some((a) => a.creditedStaffId === 'staff-s1-consultant-1' && a.channel === 'referral'),
    ).toBe(false);
    for (const name of [COLLECTIONS.referralCardHolders, COLLECTIONS.referralCards]) {
      for (const d of coll(name)) expect(demo.has(d.customerId)).toBe(false);
    }
    // Every card booking carries the referrer's active card.
    const cards = new Map(coll(COLLECTIONS.referralCards).map((c) => [c._id, c]));
    for (const b of bookings.filter((x) => x.referralCode)) {
      expect(cards.get(b.referralCode)).toMatchObject({ customerId: b.referrerCustomerId, status: 'active' });
      expect(Date.parse(cards.get(b.referralCode)?.issuedAt) < Date.parse(b.createdAt)).toBe(true);
    }
  });

  it('keep no booking still to come, and no slot over its capacity', () => {
    const stores = new Map(coll(COLLECTIONS.stores).map((s) => [s._id, s]));
    for (const b of bookings) expect(b.date < TODAY).toBe(true);
    for (const counter of coll(COLLECTIONS.slotCounters)) {
      const live = bookings.filter(
        (b) =>
          b.storeId === counter.storeId &&
          b.date === counter.date &&
          b.slot === counter.slot &&
          b.status !== 'cancelled',
      );
      expect(counter.booked).toBe(live.length);
      expect(counter.booked).toBeLessThanOrEqual(stores.get(counter.storeId)?.capacityPerSlot);
    }
  });

  it('moved through filed → booked → visited → dealt as their bookings, visits and deals say', () => {
    const statuses = new Set<string>();
    for (const [id, r] of referrals) {
      const own = bookings.filter((b) => b.customerId === id);
      const visited = visits.some((v) => v.customerId === id);
      const paid = deals.some((d) => d.customerId === id && d.paidFen > 0);
      const expected = paid
        ? 'dealt'
        : visited
          ? 'visited'
          : own.length === 0
            ? 'filed'
            : own.every((b) => b.status === 'cancelled')
              ? 'cancelled'
              : 'booked';
      expect(r.status).toBe(expected);
      expect(r.rewardCredited).toBe(ledger.some((e) => e.type === 'credit' && e.refereeCustomerId === id));
      statuses.add(r.status);
    }
    expect([...statuses].sort()).toEqual(['booked', 'cancelled', 'dealt', 'filed', 'visited']);
    for (const v of visits) {
      expect(v._id).toBe(visitIdFor(v.customerId, localDate(v.at)));
      const b = v.bookingId ? bookings.find((x) => x._id === v.bookingId) : undefined;
      if (v.bookingId) expect(b?.status).toBe('visited');
    }
    // A referral's first visit comes at least a day after its filing (R2 keeps it a referral).
    for (const a of attributions.values()) {
      if (a.channel === 'referral' && a.firstVisitAt) expect(a).toMatchObject({ rule: 'R2', provisional: false });
      if (a.channel === 'referral' && a.firstVisitAt) expect(a.leadDays).toBeGreaterThanOrEqual(settings.minLeadDays);
    }
  });

  it('made first deals and second purchases; a deal always follows a check-in', () => {
    const newcomerDeals = deals.filter((d) => customerById.get(d.customerId)?.source !== 'crm_import');
    const second = newcomerDeals.filter((d) => ofCustomer(newcomerDeals, d.customerId)[0] !== d);
    expect(newcomerDeals.length).toBeGreaterThan(20);
    expect(second.length).toBeGreaterThan(0);
    for (const d of newcomerDeals) {
      expect(d.requestId).toBeDefined();
      expect(visits.some((v) => v.customerId === d.customerId && Date.parse(v.at) <= Date.parse(d.at))).toBe(true);
      expect(localDate(d.at) < TODAY).toBe(true);
    }
  });

  it('earned the rewards of the seeded policy on first paid deals only: 5 % both sides, one lipstick per referrer', () => {
    const credits = ledger.filter((e) => e.type === 'credit');
    expect(credits.length).toBeGreaterThan(0);
    for (const e of credits) {
      const deal = deals.find((d) => d._id === e.dealId) as Deal;
      const firstPaid = ofCustomer(deals, e.refereeCustomerId).find((d) => d.paidFen > 0);
      expect(deal).toBe(firstPaid);
      expect(referrals.get(e.refereeCustomerId)?.referrerCustomerId).toBe(e.referrerCustomerId);
      expect(e.customerId).toBe(e.role === 'referrer' ? e.referrerCustomerId : e.refereeCustomerId);
      if (e.policyId === 'rebate') expect(e.amount).toBe(shareOfFen(deal.paidFen, 500));
      if (e.policyId === 'lipstick') expect(e).toMatchObject({ role: 'referrer', amount: 1, giftName: '口红' });
    }
    const lipsticks = credits.filter((e) => e.policyId === 'lipstick').map((e) => e.customerId);
    expect(new Set(lipsticks).size).toBe(lipsticks.length);
    // Some friends spent their rebate on a second purchase, never more than they had.
    const uses = ledger.filter((e) => e.type === 'use');
    expect(uses.length).toBeGreaterThan(0);
    for (const u of uses) {
      const credit = ledger.find((e) => e.id === u.creditId) as RewardLedgerEntry;
      expect(credit.customerId).toBe(u.customerId);
      expect(Date.parse(u.at) > Date.parse(credit.at)).toBe(true);
    }
    const credited = new Map<string, number>();
    for (const e of ledger) {
      if (e.kind !== 'rebate') continue;
      credited.set(e.customerId, (credited.get(e.customerId) ?? 0) + (e.type === 'credit' ? e.amount : -e.amount));
    }
    for (const left of credited.values()) expect(left).toBeGreaterThanOrEqual(0);
  });
});

/**
 * The report events of the seeded collections, placed as the writers place them, recomputed here
 * from the stored documents (not from the seed's own derivation).
 */
function eventsOfCollections(c = clinic, now = NOW): Map<string, ReportEvent[]> {
  const cs = new Map(coll(COLLECTIONS.customers, c).map((x) => [x._id, x as Doc & Customer]));
  const attr = new Map(coll(COLLECTIONS.attributions, c).map((a) => [a._id, a as Doc & AttributionRecord]));
  const refs = new Map(coll(COLLECTIONS.referrals, c).map((r) => [r._id, r]));
  const allDeals = coll(COLLECTIONS.deals, c) as (Doc & Deal)[];
  const from = Date.parse(`${rollupWindowStart(localDate(now))}T00:00:00+08:00`);
  const byStore = new Map<string, ReportEvent[]>();
  const put = (storeId: string, e: ReportEvent) => {
    if (e.at < from || e.at > now.getTime()) return;
    byStore.set(storeId, [...(byStore.get(storeId) ?? []), { ...e, storeId }]);
  };
  for (const f of coll(COLLECTIONS.filings, c) as (Doc & Filing)[]) {
    if (f.isTouch) continue;
    const referrer = f.referrerCustomerId ? cs.get(f.referrerCustomerId) : undefined;
    // The referrer's record as it read then: their last treatment before the filing.
    const before = referrer
      ? allDeals.filter((d) => d.customerId === referrer._id && Date.parse(d.at) < Date.parse(f.at))
      : [];
    const last = before
      .map((d) => localDate(d.at))
      .sort()
      .at(-1);
    const asThen = referrer && {
      id: referrer._id,
      starLevel: referrer.starLevel,
      ...(last ? { lastTreatmentDate: last } : {}),
    };
    put(
      f.storeId,
      filingEventOf(attr.get(f.customerId) as AttributionRecord, f, cs.get(f.customerId) as Customer, asThen),
    );
  }
  for (const b of coll(COLLECTIONS.bookings, c)) {
    const channel = attr.get(b.customerId)?.channel as string;
    put(b.storeId, {
      type: 'booking',
      at: Date.parse(b.createdAt),
      personId: b.customerId,
      productId: b.productId,
      channel,
    });
  }
  const allVisits = coll(COLLECTIONS.visits, c) as (Doc & Visit)[];
  for (const v of allVisits) {
    const first = ofCustomer(allVisits, v.customerId)[0] === v;
    put(
      v.storeId,
      visitEventOf(attr.get(v.customerId) as AttributionRecord, v, first, cs.get(v.customerId) as Customer),
    );
    for (const s of servedEventsOf(v)) put(v.storeId, s);
  }
  for (const d of allDeals) {
    const customer = cs.get(d.customerId) as Doc & Customer;
    const referral = refs.get(d.customerId);
    const first =
      customer.source !== 'crm_import' && ofCustomer(allDeals, d.customerId).find((x) => x.paidFen > 0) === d;
    const referrer = referral ? cs.get(referral.referrerCustomerId) : undefined;
    put(customer.storeId, dealEventOf(d, attr.get(d.customerId) ?? null, first, customer, referrer));
    if (d.staffId)
      put(customer.storeId, { type: 'served', at: Date.parse(d.at), staffId: d.staffId, personId: d.customerId });
  }
  for (const e of coll(COLLECTIONS.rewardLedger, c) as (Doc & RewardLedgerEntry)[]) {
    const checkout = cs.get(e.type === 'credit' ? e.refereeCustomerId : e.customerId) as Customer;
    put(checkout.storeId, rewardEventOf(e));
  }
  for (const [store, events] of byStore)
    byStore.set(
      store,
      [...events].sort((a, b) => a.at - b.at),
    );
  return byStore;
}

const rollupDocs = coll(COLLECTIONS.dayRollups);
const seededDays = (storeId?: string) => {
  const days = new Map<number, Rollup>();
  for (const d of rollupDocs) {
    if (storeId && d.storeId !== storeId) continue;
    const n = dateToDayNumber(d.date);
    days.set(n, mergeRollup(days.get(n) ?? emptyRollup(), d.rollup));
  }
  return days;
};
const between = (days: Map<number, Rollup>, from: string, to: string) =>
  sumRollups([...days].filter(([n]) => n >= dateToDayNumber(from) && n <= dateToDayNumber(to)).map(([, r]) => r));

describe('the seeded day roll-ups', () => {
  it('are foldEvents over the events of the seeded records, per store and Shanghai day', () => {
    const expected: Doc[] = [];
    for (const [storeId, events] of [...eventsOfCollections()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      for (const [day, rollup] of [...foldEvents(events, shanghaiDayNumber(NOW.getTime()))].sort(([a], [b]) => a - b)) {
        const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
        expected.push({ _id: dayRollupIdFor(storeId, date), chainId: DEMO_CHAIN_ID, storeId, date, rollup });
      }
    }
    expect(rollupDocs.map(({ updatedAt: _u, ...doc }) => doc)).toEqual(JSON.parse(JSON.stringify(expected)));
    for (const d of rollupDocs) expect(localDate(d.updatedAt)).toBe(d.date);
  });

  it('count what the records hold: deals, revenue, first visits and 老带新 filings of the window', () => {
    const from = rollupWindowStart(TODAY);
    const inWindow = (at: string) => localDate(at) >= from;
    const total = sumRollups(rollupDocs.map((d) => d.rollup));
    const windowDeals = deals.filter((d) => inWindow(d.at));
    expect(total.deals).toBe(windowDeals.length);
    expect(total.revenueFen).toBe(windowDeals.reduce((s, d) => s + d.paidFen, 0));
    expect(total.firstVisits).toBe(new Set(visits.map((v) => v.customerId)).size);
    expect(total.returnVisits).toBe(visits.length - total.firstVisits);
    expect(total.referralFilings).toBe(
      filings.filter((f) => !f.isTouch && f.channel === 'referral' && f.level === 1).length,
    );
    // The imported history: no attribution, so 未归因, and an old customer's deals are repeat purchases.
    const imported = windowDeals.filter((d) => customerById.get(d.customerId)?.source === 'crm_import');
    expect(total.channels.unattributed).toMatchObject({ deals: imported.length, firstDeals: 0, filings: 0 });
    expect(total.firstDeals).toBe(newcomers.filter((c) => c.kind === 'existing').length);
    // Distinct paying customers, once per store and month.
    const paying = new Set(
      windowDeals.filter((d) => d.paidFen > 0).map((d) => `${d.storeId}|${monthOf(localDate(d.at))}|${d.customerId}`),
    );
    expect(total.payingCustomers).toBe(paying.size);
    expect(total.rewards.fen[0]).toBe(
      ledger.filter((e) => e.type === 'credit' && e.unit === 'fen').reduce((s, e) => s + e.amount, 0),
    );
  });

  it(`cover the last ${ROLLUP_MONTHS} calendar months only`, () => {
    const dates = rollupDocs.map((d) => d.date).sort();
    expect(dates[0] >= rollupWindowStart(TODAY)).toBe(true);
    expect(dates[0] < `${monthOf(rollupWindowStart(TODAY))}-10`).toBe(true);
    expect(dates.at(-1) < TODAY).toBe(true);
    expect(deals.some((d) => localDate(d.at) < rollupWindowStart(TODAY))).toBe(true);
  });

  it('put 老带新 at 6–12 % of the revenue of the last ten weeks, in both stores', () => {
    const from = localDate(new Date(NOW.getTime() - REFERRAL_HISTORY_DAYS * 86_400_000));
    for (const storeId of [undefined, 'store-1', 'store-2']) {
      const r = between(seededDays(storeId), from, TODAY);
      const share = r.referralRevenueFen / r.revenueFen;
      expect(share).toBeGreaterThanOrEqual(0.06);
      expect(share).toBeLessThanOrEqual(0.12);
    }
  });

  it.each(['2025-01-20T03:00:00Z', '2026-01-10T04:00:00Z', '2027-03-01T01:00:00Z', '2028-03-01T00:00:00Z'])(
    'keep the funnel non-increasing and the share plausible at another clock (%s)',
    (iso) => {
      const now = new Date(iso);
      const other = buildDemoClinic(now);
      const today = localDate(now);
      const from = localDate(new Date(now.getTime() - REFERRAL_HISTORY_DAYS * 86_400_000));
      const r = sumRollups(
        coll(COLLECTIONS.dayRollups, other)
          .filter((d) => d.date >= from)
          .map((d) => d.rollup),
      );
      const funnel = [
        r.referralFilings,
        r.channels.referral?.bookings ?? 0,
        r.referralVisits,
        r.channels.referral?.firstDeals ?? 0,
      ];
      expect(funnel[3]).toBeGreaterThan(5);
      for (let i = 1; i < funnel.length; i++) expect(funnel[i]).toBeLessThanOrEqual(funnel[i - 1] as number);
      expect(r.referralRevenueFen / r.revenueFen).toBeGreaterThan(0.04);
      expect(r.referralRevenueFen / r.revenueFen).toBeLessThan(0.16);
      for (const b of coll(COLLECTIONS.bookings, other)) expect(b.date < today).toBe(true);
    },
  );

  it('mark this month’s paying customers, served people and referrers with the writers’ marker ids', () => {
    const month = monthOf(TODAY);
    const marks = new Set(coll(COLLECTIONS.rollupMarks).map((m) => m._id));
    const expected = new Set<string>();
    for (const [storeId, events] of eventsOfCollections()) {
      for (const e of events) {
        if (monthOf(localDate(e.at)) !== month) continue;
        if (e.type === 'served') expected.add(rollupMarkIdFor('served', month, storeId, e.staffId, e.personId));
        if (e.type === 'deal' && e.amountFen > 0) expected.add(rollupMarkIdFor('paying', month, storeId, e.personId));
        if (e.type === 'filing' && e.referrerStar !== undefined)
          expected.add(rollupMarkIdFor('referrer', month, storeId, e.referrerId as string));
      }
    }
    expect(expected.size).toBeGreaterThan(10);
    expect(marks).toEqual(expected);
    for (const m of coll(COLLECTIONS.rollupMarks))
      expect(m).toEqual({ _id: m._id, month, createdAt: expect.any(String) });
  });
});

describe('this month’s targets', () => {
  const staff = coll(COLLECTIONS.staff) as (Doc & Staff)[];
  const targets = coll(COLLECTIONS.staffTargets);
  const month = monthOf(TODAY);

  it('are set by the store manager for this month, as staff.setTargets stores them', () => {
    expect(targets.length).toBeGreaterThan(0);
    for (const t of targets) {
      const member = staff.find((s) => s._id === t.staffId) as Staff;
      expect(t).toEqual({
        _id: `${t.staffId}_${month}`,
        chainId: DEMO_CHAIN_ID,
        storeId: member.storeId,
        staffId: member.id,
        month,
        targets: expect.any(Object),
        setByStaffId: staff.find((s) => s.storeId === member.storeId && s.managerKind === 'store_manager')?._id,
        setAt: expect.any(String),
      });
      for (const v of Object.values(t.targets)) expect(Number.isInteger(v) && (v as number) > 0).toBe(true);
    }
    // 一店's consultants and butlers are among them.
    for (const id of ['staff-s1-consultant-1', 'staff-s1-consultant-2', 'staff-s1-butler-1', 'staff-s1-butler-2'])
      expect(targets.some((t) => t.staffId === id)).toBe(true);
  });

  it.each(['store-1', 'store-2'])(
    'show on %s’s dashboard with its time progress: some on plan, some slipping',
    (storeId) => {
      const { from, to } = dashboardDays(month, TODAY);
      const days = new Map(
        [...seededDays(storeId)].filter(([n]) => n >= dateToDayNumber(from) && n <= dateToDayNumber(to)),
      );
      const people = staff.filter((s) => s.storeId === storeId && s.active !== false);
      const targetOf = new Map(targets.map((t) => [t.staffId, t.targets]));
      const d = dashboardFigures({
        month,
        asOf: TODAY,
        days,
        settings,
        staff: people.map((s) => ({
          id: s.id,
          name: s.name,
          post: s.post,
          postLabel: STAFF_POSTS[s.post],
          ...(targetOf.has(s.id) ? { targets: targetOf.get(s.id) } : {}),
        })),
      });
      expect(d.monthTarget.some((m) => m.target !== undefined && (m.timeProgressTarget as number) > 0)).toBe(true);
      expect(d.slips.length).toBeGreaterThan(0);
      // On plan: a dashboard metric with a target that is not among the slips.
      const slipping = new Set(d.slips.map((s) => `${s.staffId}|${s.metric}`));
      const dashboardMetrics = d.monthTarget.map((m) => m.metric as string);
      const onPlan = targets
        .filter((t) => t.storeId === storeId)
        .flatMap((t) => Object.keys(t.targets).map((metric) => `${t.staffId}|${metric}`))
        .filter((key) => dashboardMetrics.includes(key.split('|')[1] as string) && !slipping.has(key));
      expect(onPlan.length).toBeGreaterThan(0);
      expect(d.referralShare.totalRevenueFen).toBeGreaterThan(0);
      expect(d.funnel[0]?.count).toBeGreaterThan(0);
    },
  );
});
