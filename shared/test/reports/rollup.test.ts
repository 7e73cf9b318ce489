import {
  DEFAULT_SETTINGS,
  addEvent,
  buildReports,
  emptyRollup,
  foldEvents,
  mergeRollup,
  reportTables,
  sumRollups,
  type ReportEvent,
} from '../../src';

const at = (iso: string) => Date.parse(iso);
/** Day number of a local date, computed independently of src/time. */
const day = (d: string) => {
  const [y, m, dd] = d.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, dd) / 86_400_000;
};
const AS_OF = '2027-04-30';
const options = { settings: DEFAULT_SETTINGS, asOf: AS_OF };

/** A deterministic pseudo-random chain month: two stores, every event type, repeats and refunds of nothing. */
function chainEvents(seed: number, n: number): ReportEvent[] {
  let x = seed;
  const rnd = (k: number) => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x % k;
  };
  const channels = ['referral', 'search', 'walk_in'];
  const out: ReportEvent[] = [];
  for (let i = 0; i < n; i++) {
    const storeId = `store-${rnd(2) + 1}`;
    const t = at(`2027-0${3 + rnd(2)}-${String(1 + rnd(28)).padStart(2, '0')}T0${rnd(10)}:00:00+08:00`);
    const personId = `p${rnd(40)}`;
    const staffId = `s${rnd(5)}`;
    const channel = channels[rnd(3)] as string;
    switch (rnd(6)) {
      case 0:
        out.push({
          type: 'filing',
          at: t,
          storeId,
          personId,
          channel,
          level: 1,
          staffId,
          referrerId: `o${rnd(6)}`,
          referrerStar: 1 + rnd(5),
          referrerLastTreatmentDay: day('2026-11-20'),
          productId: `prod-${rnd(3)}`,
          group: 'general',
        });
        break;
      case 1:
        out.push({ type: 'booking', at: t, storeId, personId, productId: `prod-${rnd(3)}`, channel });
        break;
      case 2:
        out.push({ type: 'visit', at: t, storeId, personId, channel, level: 1, first: rnd(2) === 0, staffId });
        break;
      case 3:
        out.push({
          type: 'deal',
          at: t,
          storeId,
          personId,
          productId: `prod-${rnd(3)}`,
          amountFen: rnd(3) * 50_000,
          channel,
          level: 1,
          first: rnd(2) === 0,
          staffId,
          referrerId: `o${rnd(6)}`,
          referrerStar: 1 + rnd(5),
          group: rnd(2) ? 'vip' : 'general',
        });
        break;
      case 4:
        out.push({ type: 'served', at: t, storeId, staffId, personId });
        break;
      default:
        out.push({ type: 'reward', at: t, storeId, entryType: rnd(2) ? 'credit' : 'use', unit: 'fen', amount: 100 });
    }
  }
  return out;
}

describe('report roll-ups (§9 without loading events)', () => {
  test('a chain’s tables are the sum of its stores’ day roll-ups: folding per store and adding up changes nothing', () => {
    const events = chainEvents(7, 1500);
    const byStore = ['store-1', 'store-2'].map((s) =>
      foldEvents(
        events.filter((e) => e.storeId === s),
        day(AS_OF),
      ),
    );
    const days = new Map<number, ReturnType<typeof emptyRollup>>();
    for (const store of byStore) {
      for (const [d, r] of store) days.set(d, mergeRollup(days.get(d) ?? emptyRollup(), r));
    }
    const fromRollups = reportTables(sumRollups(days.values()), days, options);
    expect(fromRollups).toEqual(buildReports(events, options));
    // Not vacuous: the figures are there.
    expect(fromRollups.operations.totalRevenueFen).toBeGreaterThan(0);
    expect(fromRollups.staff.length).toBe(5);
  });

  test('a roll-up survives being stored as JSON', () => {
    const days = foldEvents(chainEvents(11, 400), day(AS_OF));
    const total = sumRollups(days.values());
    expect(JSON.parse(JSON.stringify(total))).toEqual(total);
  });

  test('served customers (当月服务客户量) count a person once per staff member, store and month', () => {
    const served = (iso: string, personId: string, storeId = 'store-1'): ReportEvent => ({
      type: 'served',
      at: at(iso),
      storeId,
      staffId: 's1',
      personId,
    });
    const total = sumRollups(
      foldEvents(
        [
          served('2027-03-02T10:00:00+08:00', 'p1'),
          served('2027-03-20T10:00:00+08:00', 'p1'),
          served('2027-03-20T10:00:00+08:00', 'p2'),
          served('2027-04-01T10:00:00+08:00', 'p1'),
          served('2027-04-01T10:00:00+08:00', 'p1', 'store-2'),
        ],
        day(AS_OF),
      ).values(),
    );
    expect(total.staff.s1?.servedCustomers).toBe(4);
  });

  test('paying customers and star referrers are distinct per store and month; a zero deal pays nothing', () => {
    const deal = (iso: string, personId: string, amountFen: number): ReportEvent => ({
      type: 'deal',
      at: at(iso),
      storeId: 'store-1',
      personId,
      productId: 'x',
      amountFen,
      channel: 'referral',
      level: 1,
      first: false,
    });
    const filing = (iso: string, referrerId: string, star: number): ReportEvent => ({
      type: 'filing',
      at: at(iso),
      storeId: 'store-1',
      personId: `n-${iso}`,
      channel: 'referral',
      level: 1,
      referrerId,
      referrerStar: star,
    });
    const total = sumRollups(
      foldEvents(
        [
          deal('2027-03-02T10:00:00+08:00', 'p1', 100),
          deal('2027-03-03T10:00:00+08:00', 'p1', 100),
          deal('2027-03-03T10:00:00+08:00', 'p2', 0),
          deal('2027-04-03T10:00:00+08:00', 'p1', 100),
          filing('2027-03-02T10:00:00+08:00', 'o1', 5),
          filing('2027-03-05T10:00:00+08:00', 'o1', 5),
          filing('2027-04-05T10:00:00+08:00', 'o1', 5),
          filing('2027-03-05T10:00:00+08:00', 'o2', 1),
        ],
        day(AS_OF),
      ).values(),
    );
    expect(total.payingCustomers).toBe(2);
    expect(total.starReferrers).toEqual([1, 0, 0, 0, 2]);
  });

  test('a retracted filing (weight -1) undoes its counts: the first visit moved it to another channel (R2)', () => {
    const filing: ReportEvent = {
      type: 'filing',
      at: at('2027-03-02T10:00:00+08:00'),
      personId: 'n1',
      channel: 'referral',
      level: 1,
      staffId: 's1',
      productId: 'eyes',
      group: 'general',
    };
    const r = emptyRollup();
    addEvent(r, filing, {}, day(AS_OF));
    addEvent(r, filing, {}, day(AS_OF), -1);
    addEvent(r, { ...filing, channel: 'walk_in' }, {}, day(AS_OF));
    expect(r.referralFilings).toBe(0);
    expect(r.channels.referral?.filings).toBe(0);
    expect(r.channels.walk_in?.filings).toBe(1);
    expect(r.staff.s1?.referralFilings).toBe(0);
    expect(r.products.eyes?.referralFilings).toBe(0);
    expect(r.groups.general?.referralFilings).toBe(0);
  });

  test('ids that name an object’s own properties stay plain counters', () => {
    const r = emptyRollup();
    const e: ReportEvent = {
      type: 'deal',
      at: at('2027-03-02T10:00:00+08:00'),
      personId: 'p',
      productId: 'constructor',
      amountFen: 5,
      channel: 'toString',
      level: 1,
      first: true,
      staffId: '__proto__',
      group: 'hasOwnProperty',
    };
    addEvent(r, e, {}, day(AS_OF));
    addEvent(r, e, {}, day(AS_OF));
    const merged = mergeRollup(emptyRollup(), r);
    expect(Object.getOwnPropertyDescriptor(merged.products, 'constructor')?.value.revenueFen).toBe(10);
    expect(Object.getOwnPropertyDescriptor(merged.channels, 'toString')?.value.deals).toBe(2);
    expect(Object.getOwnPropertyDescriptor(merged.staff, '__proto__')?.value.dealAmountFen).toBe(10);
    expect(Object.getOwnPropertyDescriptor(merged.groups, 'hasOwnProperty')?.value.deals).toBe(2);
    expect(({} as Record<string, unknown>).revenueFen).toBeUndefined();
  });
});
