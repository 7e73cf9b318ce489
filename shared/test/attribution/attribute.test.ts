import fc from 'fast-check';
import {
  attribute,
  DEFAULT_SETTINGS,
  parseSettings,
  referralBenefit,
  type FilingFact,
  type PersonHistory,
  type VisitFact,
} from '../../src';

const S = DEFAULT_SETTINGS;
const referralFiling = (at: string, extra: Partial<FilingFact> = {}): FilingFact => ({
  id: 'f1',
  at,
  channel: 'referral',
  level: 1,
  source: 'card',
  referrerCustomerId: 'old1',
  filedByStaffId: 'cs1',
  ownerStaffId: 'owner1',
  ownerDepartment: 'cs2',
  ...extra,
});
const visit = (at: string, extra: Partial<VisitFact> = {}): VisitFact => ({
  id: 'v1',
  at,
  receivedByStaffId: 'desk1',
  ...extra,
});
const h = (filings: FilingFact[], visits: VisitFact[] = []): PersonHistory => ({ customerId: 'new1', filings, visits });

describe('attribution', () => {
  test('R1: first filing wins; later filings are touches and change nothing', () => {
    const first: FilingFact = {
      id: 'f1',
      at: '2025-03-01T10:00:00+08:00',
      channel: 'search',
      level: 1,
      source: 'staff',
      ownerStaffId: 'ec1',
    };
    const later = referralFiling('2025-03-05T10:00:00+08:00', { id: 'f2' });
    const a = attribute(h([later, first]), S);
    expect(a).toMatchObject({
      channel: 'search',
      level: 1,
      filingId: 'f1',
      creditedStaffId: 'ec1',
      rule: 'R7',
      provisional: true,
    });
    const alone = attribute(h([first]), S);
    expect(alone).toMatchObject({ channel: 'search', rule: 'R1', provisional: true });
    expect(alone?.explanation).toContain('首次建档渠道为搜索');
  });

  test('R1: an unvisited referral filing is provisionally 老带新, owned by the old customer’s staff', () => {
    const a = attribute(h([referralFiling('2025-03-01T10:00:00+08:00')]), S);
    expect(a).toMatchObject({
      channel: 'referral',
      level: 1,
      rule: 'R1',
      provisional: true,
      referrerCustomerId: 'old1',
      creditedStaffId: 'owner1',
      creditedDepartment: 'cs2',
      filedByStaffId: 'cs1',
      filedAt: '2025-03-01T10:00:00+08:00',
    });
    expect(a?.explanation).toContain('尚未到院');
  });

  test('R2: filed at least one calendar day before the first visit counts for 老带新', () => {
    // 23:59 on the 1st and 08:00 on the 2nd are one calendar day apart in Shanghai.
    const a = attribute(h([referralFiling('2025-03-01T23:59:00+08:00')], [visit('2025-03-02T08:00:00+08:00')]), S);
    expect(a).toMatchObject({
      channel: 'referral',
      rule: 'R2',
      leadDays: 1,
      provisional: false,
      creditedStaffId: 'owner1',
    });
    expect(a?.explanation).toContain('1 天');
  });

  test('R2: calendar days are Shanghai dates, not 24-hour periods or UTC dates', () => {
    // 2025-03-01T16:30Z is 00:30 on the 2nd in Shanghai: same Shanghai day as the visit.
    const a = attribute(h([referralFiling('2025-03-01T16:30:00Z')], [visit('2025-03-02T15:00:00+08:00')]), S);
    expect(a).toMatchObject({ channel: 'walk_in', rule: 'R2', leadDays: 0 });
  });

  test('R2: filed the same day as the first visit is 直接来院, referrer kept for benefits (R9)', () => {
    const a = attribute(h([referralFiling('2025-03-02T09:00:00+08:00')], [visit('2025-03-02T15:00:00+08:00')]), S);
    expect(a).toMatchObject({
      channel: 'walk_in',
      level: 1,
      rule: 'R2',
      benefitReferrerCustomerId: 'old1',
      creditedStaffId: 'desk1',
    });
    expect(a?.referrerCustomerId).toBeUndefined();
    expect(a?.explanation).toContain('R9');
  });

  test('R2: minLeadDays is a setting', () => {
    const s = parseSettings({ minLeadDays: 3 });
    const hist = h([referralFiling('2025-03-01T09:00:00+08:00')], [visit('2025-03-03T15:00:00+08:00')]);
    expect(attribute(hist, s)?.channel).toBe('walk_in');
    expect(attribute(hist, parseSettings({ minLeadDays: 2 }))?.channel).toBe('referral');
    expect(
      attribute(
        h([referralFiling('2025-03-03T09:00:00+08:00')], [visit('2025-03-03T15:00:00+08:00')]),
        parseSettings({ minLeadDays: 0 }),
      )?.channel,
    ).toBe('referral');
  });

  test('R2: unfiled walk-in with no claim is 直接来院 (filed on the day)', () => {
    const a = attribute(h([], [visit('2025-03-02T15:00:00+08:00')]), S);
    expect(a).toMatchObject({ channel: 'walk_in', rule: 'R2', creditedStaffId: 'desk1', provisional: false });
    expect(a?.benefitReferrerCustomerId).toBeUndefined();
    expect(a?.explanation).not.toContain('R9');
  });

  test('R3: unfiled walk-in who says an old customer recommended them is 直接来院 with benefits', () => {
    const a = attribute(h([], [visit('2025-03-02T15:00:00+08:00', { claimedReferrerCustomerId: 'old9' })]), S);
    expect(a).toMatchObject({ channel: 'walk_in', rule: 'R3', benefitReferrerCustomerId: 'old9' });
    expect(a?.explanation).toContain('自述受老客推荐');
  });

  test('R3: a desk filing made at or after arrival does not make the person filed before it', () => {
    const desk: FilingFact = {
      id: 'f1',
      at: '2025-03-02T15:05:00+08:00',
      channel: 'walk_in',
      level: 1,
      source: 'desk',
      filedByStaffId: 'desk2',
    };
    const a = attribute(
      h([desk], [{ id: 'v1', at: '2025-03-02T15:00:00+08:00', claimedReferrerCustomerId: 'old9' }]),
      S,
    );
    expect(a).toMatchObject({
      channel: 'walk_in',
      rule: 'R3',
      filingId: 'f1',
      creditedStaffId: 'desk2',
      filedByStaffId: 'desk2',
    });
  });

  test('R4: unfiled walk-in asking for a consultant by name is 直接来院', () => {
    const a = attribute(h([], [{ id: 'v1', at: '2025-03-02T15:00:00+08:00', namedConsultantStaffId: 'con7' }]), S);
    expect(a).toMatchObject({ channel: 'walk_in', rule: 'R4', creditedStaffId: 'con7' });
  });

  test('R5: arriving together with an old customer, unfiled, is 直接来院 (companion gives benefits)', () => {
    const a = attribute(
      h([], [visit('2025-03-02T15:00:00+08:00', { companionCustomerIds: ['old3'], namedConsultantStaffId: 'con7' })]),
      S,
    );
    expect(a).toMatchObject({ channel: 'walk_in', rule: 'R5', benefitReferrerCustomerId: 'old3' });
  });

  test('R6: old customer brings someone already filed by e-commerce → e-commerce', () => {
    const ec: FilingFact = {
      id: 'f1',
      at: '2025-02-01T10:00:00+08:00',
      channel: 'ecommerce',
      level: 1,
      source: 'staff',
      ownerStaffId: 'ec1',
      ownerDepartment: 'consulting',
    };
    const a = attribute(h([ec], [visit('2025-03-02T15:00:00+08:00', { companionCustomerIds: ['old3'] })]), S);
    expect(a).toMatchObject({
      channel: 'ecommerce',
      rule: 'R6',
      creditedStaffId: 'ec1',
      creditedDepartment: 'consulting',
      benefitReferrerCustomerId: 'old3',
    });
    expect(a?.explanation).toContain('电商');
    const claim = attribute(h([ec], [visit('2025-03-02T15:00:00+08:00', { claimedReferrerCustomerId: 'old4' })]), S);
    expect(claim?.rule).toBe('R6');
  });

  test('R6: same-day filing by another channel keeps that channel (R2 guards the referral channel only)', () => {
    const ec: FilingFact = {
      id: 'f1',
      at: '2025-03-02T10:00:00+08:00',
      channel: 'ecommerce',
      level: 1,
      source: 'staff',
    };
    expect(attribute(h([ec], [visit('2025-03-02T15:00:00+08:00')]), S)).toMatchObject({
      channel: 'ecommerce',
      rule: 'R1',
      leadDays: 0,
    });
  });

  test('R7: filed by a channel, not visited, later recommended via customer service → original channel', () => {
    const search: FilingFact = {
      id: 'f1',
      at: '2025-01-01T10:00:00+08:00',
      channel: 'search',
      level: 1,
      source: 'staff',
      ownerStaffId: 's1',
    };
    const cs = referralFiling('2025-02-01T10:00:00+08:00', { id: 'f2', source: 'staff', ownerStaffId: 'cs9' });
    const a = attribute(h([search, cs], [visit('2025-03-01T10:00:00+08:00')]), S);
    expect(a).toMatchObject({
      channel: 'search',
      rule: 'R7',
      creditedStaffId: 's1',
      benefitReferrerCustomerId: 'old1',
    });
    // A recommendation after the first visit is not R7: the channel was already settled by R1.
    const after = attribute(
      h([search, { ...cs, at: '2025-03-05T10:00:00+08:00' }], [visit('2025-03-01T10:00:00+08:00')]),
      S,
    );
    expect(after?.rule).toBe('R1');
  });

  test('R1: a level-2 referral inside another channel keeps that channel and the tag', () => {
    const mp: FilingFact = {
      id: 'f1',
      at: '2025-03-01T10:00:00+08:00',
      channel: 'mini_program',
      level: 2,
      source: 'card',
      referrerCustomerId: 'old1',
      ownerStaffId: 'mp1',
    };
    const a = attribute(h([mp], [visit('2025-03-05T10:00:00+08:00')]), S);
    expect(a).toMatchObject({
      channel: 'mini_program',
      level: 2,
      referrerCustomerId: 'old1',
      rule: 'R1',
      creditedStaffId: 'mp1',
    });
    expect(a?.explanation).toContain('二级老带新');
    // Same-day level-2 referral stays with its channel.
    expect(attribute(h([mp], [visit('2025-03-01T15:00:00+08:00')]), S)?.channel).toBe('mini_program');
  });

  test('R1: owner falls back to the filer when no owner is recorded; custom channel labels are used', () => {
    const f: FilingFact = {
      id: 'f1',
      at: '2025-03-01T10:00:00+08:00',
      channel: 'douyin',
      level: 1,
      source: 'staff',
      filedByStaffId: 'x1',
    };
    const s = parseSettings({ channels: { douyin: '抖音', referral: '老带新', walk_in: '直接来院' } });
    const a = attribute(h([f]), s);
    expect(a).toMatchObject({ creditedStaffId: 'x1' });
    expect(a?.creditedDepartment).toBeUndefined();
    expect(a?.explanation).toContain('抖音');
    const unknown = attribute(h([{ ...f, channel: 'tv' }]), s);
    expect(unknown?.explanation).toContain('tv');
  });

  test('R1: no filing and no visit gives no attribution', () => {
    expect(attribute(h([]), S)).toBeNull();
  });

  test('R9: benefits follow the earliest referral relationship, never oneself', () => {
    expect(referralBenefit(h([]))).toEqual({ eligible: false });
    const self = referralFiling('2025-03-01T10:00:00+08:00', { referrerCustomerId: 'new1' });
    expect(referralBenefit(h([self])).eligible).toBe(false);
    const b = referralBenefit(
      h(
        [referralFiling('2025-03-03T10:00:00+08:00', { id: 'f2', referrerCustomerId: 'oldB' })],
        [visit('2025-03-02T10:00:00+08:00', { claimedReferrerCustomerId: 'oldA', companionCustomerIds: ['oldC'] })],
      ),
    );
    expect(b).toEqual({ eligible: true, referrerCustomerId: 'oldA', source: 'claim', at: '2025-03-02T10:00:00+08:00' });
    expect(
      referralBenefit(h([], [visit('2025-03-02T10:00:00+08:00', { companionCustomerIds: ['oldC'] })])).source,
    ).toBe('companion');
    expect(referralBenefit(h([], [visit('2025-03-02T10:00:00+08:00', { companionCustomerIds: [] })])).eligible).toBe(
      false,
    );
  });

  test('R1: records arriving at the same instant are ordered by id', () => {
    const a: FilingFact = { id: 'a', at: '2025-03-01T10:00:00+08:00', channel: 'search', level: 1, source: 'staff' };
    const b: FilingFact = { id: 'b', at: '2025-03-01T10:00:00+08:00', channel: 'social', level: 1, source: 'staff' };
    expect(attribute(h([b, a]), S)?.channel).toBe('search');
    expect(attribute(h([a, b]), S)?.channel).toBe('search');
  });
});

// ---------------------------------------------------------------- property tests
const CHANNELS = ['referral', 'search', 'ecommerce', 'social', 'phone', 'mini_program', 'walk_in'] as const;
const BASE = Date.parse('2025-01-01T00:00:00+08:00');
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const oldIds = fc.constantFrom('old1', 'old2', 'old3');

const filingArb = (minMs: number, maxMs: number, id: string) =>
  fc
    .record({
      t: fc.integer({ min: minMs, max: maxMs }),
      channel: fc.constantFrom(...CHANNELS),
      level: fc.constantFrom(1 as const, 2 as const),
      referrer: fc.option(oldIds, { nil: undefined }),
      owner: fc.constantFrom('s1', 's2', 's3'),
    })
    .map((r): FilingFact => ({
      id,
      at: iso(r.t),
      channel: r.channel,
      level: r.level,
      source: 'staff',
      ownerStaffId: r.owner,
      ...(r.referrer ? { referrerCustomerId: r.referrer } : {}),
    }));
const visitArb = (minMs: number, maxMs: number, id: string) =>
  fc
    .record({
      t: fc.integer({ min: minMs, max: maxMs }),
      companions: fc.array(oldIds, { maxLength: 2 }),
      claim: fc.option(oldIds, { nil: undefined }),
      named: fc.option(fc.constant('con1'), { nil: undefined }),
    })
    .map((r): VisitFact => ({
      id,
      at: iso(r.t),
      companionCustomerIds: r.companions,
      receivedByStaffId: 'desk',
      ...(r.claim ? { claimedReferrerCustomerId: r.claim } : {}),
      ...(r.named ? { namedConsultantStaffId: r.named } : {}),
    }));

const performance = (a: ReturnType<typeof attribute>) =>
  a && {
    channel: a.channel,
    level: a.level,
    creditedStaffId: a.creditedStaffId,
    creditedDepartment: a.creditedDepartment,
    filingId: a.filingId,
    referrerCustomerId: a.referrerCustomerId,
  };

describe('attribution properties', () => {
  test('R1: whatever order later touches and claims arrive in, a filed person’s attribution never changes', () => {
    fc.assert(
      fc.property(
        filingArb(BASE, BASE + 40 * 24 * HOUR, 'f0'),
        fc.integer({ min: 0, max: 60 * 24 }),
        fc.array(fc.integer({ min: 1, max: 400 * 24 }), { maxLength: 5 }),
        fc.array(fc.integer({ min: 1, max: 400 * 24 }), { maxLength: 5 }),
        fc.infiniteStream(fc.nat()),
        (first, visitAfterHours, touchHours, laterVisitHours, seeds) => {
          const firstVisit: VisitFact = { id: 'v0', at: iso(Date.parse(first.at) + visitAfterHours * HOUR) };
          const t0 = Date.parse(firstVisit.at);
          const before = attribute(h([first], [firstVisit]), DEFAULT_SETTINGS);
          const touches: FilingFact[] = touchHours.map((hh, i) => ({
            ...first,
            id: `t${i}`,
            at: iso(t0 + hh * HOUR),
            channel: 'referral',
            level: 1,
            referrerCustomerId: 'old2',
            ownerStaffId: 'thief',
          }));
          const later: VisitFact[] = laterVisitHours.map((hh, i) => ({
            id: `w${i}`,
            at: iso(t0 + hh * HOUR),
            claimedReferrerCustomerId: 'old3',
            companionCustomerIds: ['old1'],
            namedConsultantStaffId: 'con9',
          }));
          const shuffle = <T>(xs: T[]): T[] => {
            const it = seeds[Symbol.iterator]();
            return xs
              .map((x) => ({ x, k: it.next().value as number }))
              .sort((a, b) => a.k - b.k)
              .map((p) => p.x);
          };
          const after = attribute(h(shuffle([first, ...touches]), shuffle([firstVisit, ...later])), DEFAULT_SETTINGS);
          const { benefitReferrerCustomerId: _a, ...rest } = after ?? {};
          const { benefitReferrerCustomerId: _b, ...restBefore } = before ?? {};
          expect(rest).toEqual(restBefore);
          // And the performance part does not even depend on the benefit.
          expect(performance(after)).toEqual(performance(before));
        },
      ),
      { numRuns: 300 },
    );
  });

  test('R1: the full result is independent of the order records are listed in', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.integer({ min: 0, max: 30 * 24 }), { minLength: 1, maxLength: 4 })
          .chain((ts) => fc.tuple(...ts.map((t, i) => filingArb(BASE + t * HOUR, BASE + t * HOUR, `f${i}`)))),
        fc
          .array(fc.integer({ min: 0, max: 30 * 24 }), { maxLength: 3 })
          .chain((ts) => fc.tuple(...ts.map((t, i) => visitArb(BASE + t * HOUR, BASE + t * HOUR, `v${i}`)))),
        (filings, visits) => {
          const a = attribute(h(filings, visits), DEFAULT_SETTINGS);
          const b = attribute(h([...filings].reverse(), [...visits].reverse()), DEFAULT_SETTINGS);
          expect(b).toEqual(a);
        },
      ),
    );
  });

  test('R9: benefits do not depend on attribution', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.integer({ min: 0, max: 30 * 24 }), { maxLength: 4 })
          .chain((ts) => fc.tuple(...ts.map((t, i) => filingArb(BASE + t * HOUR, BASE + t * HOUR, `f${i}`)))),
        fc
          .array(fc.integer({ min: 0, max: 30 * 24 }), { minLength: 1, maxLength: 3 })
          .chain((ts) => fc.tuple(...ts.map((t, i) => visitArb(BASE + t * HOUR, BASE + t * HOUR, `v${i}`)))),
        fc.constantFrom(...CHANNELS),
        fc.integer({ min: 0, max: 30 }),
        (filings, visits, otherChannel, minLeadDays) => {
          const hist = h(filings, visits);
          const benefit = referralBenefit(hist);
          // Change everything that decides performance but not the referral relationship.
          const changed = h(
            filings.map((f) => ({ ...f, channel: otherChannel, ownerStaffId: 'other' })),
            visits.map((v) => ({ ...v, namedConsultantStaffId: 'x', receivedByStaffId: 'y' })),
          );
          const settings = parseSettings({ minLeadDays });
          expect(referralBenefit(changed)).toEqual(benefit);
          const a = attribute(hist, settings);
          const b = attribute(changed, settings);
          expect(a?.benefitReferrerCustomerId).toBe(benefit.referrerCustomerId);
          expect(b?.benefitReferrerCustomerId).toBe(benefit.referrerCustomerId);
        },
      ),
    );
  });
});
