import {
  DEFAULT_SETTINGS,
  attribute,
  decideArrival,
  filingFact,
  filingSchema,
  visitFact,
  visitSchema,
  type AttributionRecord,
  type Filing,
  type Visit,
} from '../../src';

const filing: Filing = filingSchema.parse({
  id: 'f1',
  chainId: 'c1',
  storeId: 's1',
  customerId: 'p1',
  phone: '13800138000',
  at: '2027-03-01T10:00:00+08:00',
  channel: 'referral',
  level: 1,
  source: 'card',
  referrerCustomerId: 'old1',
  ownerStaffId: 'st1',
  ownerDepartment: 'cs2',
});
const visit = (id: string, at: string, over: Partial<Visit> = {}): Visit =>
  visitSchema.parse({ id, chainId: 'c1', storeId: 's1', customerId: 'p1', at, ...over });
const provisional = attribute(
  { customerId: 'p1', filings: [filingFact(filing)], visits: [] },
  DEFAULT_SETTINGS,
) as AttributionRecord;

describe('arrival (the first visit decides, once)', () => {
  test('R2: the first visit a day after a referral filing makes 老带新 final', () => {
    const arrival = visit('v1', '2027-03-02T10:00:00+08:00', { receivedByStaffId: 'st9' });
    const d = decideArrival(
      {
        customerId: 'p1',
        filings: [filing],
        visits: [],
        attribution: provisional,
        hasReferralRelationship: true,
        arrival,
      },
      DEFAULT_SETTINGS,
    );
    expect(d).toMatchObject({ kind: 'first_visit', visit: arrival });
    expect(d.attribution).toMatchObject({
      channel: 'referral',
      rule: 'R2',
      provisional: false,
      leadDays: 1,
      creditedStaffId: 'st1',
    });
    expect(d.kind === 'first_visit' && d.newReferrerCustomerId).toBeUndefined();
  });

  test('R1: a later visit or a second check-in the same day never changes the attribution', () => {
    const first = visit('v1', '2027-03-02T10:00:00+08:00');
    const final = { ...provisional, provisional: false, rule: 'R2' as const };
    const same = decideArrival(
      {
        customerId: 'p1',
        filings: [filing],
        visits: [first],
        attribution: final,
        hasReferralRelationship: true,
        arrival: first,
      },
      DEFAULT_SETTINGS,
    );
    expect(same).toEqual({ kind: 'same_visit', visit: first, attribution: final });
    const later = decideArrival(
      {
        customerId: 'p1',
        filings: [filing],
        visits: [first],
        attribution: final,
        hasReferralRelationship: true,
        arrival: visit('v2', '2027-04-02T10:00:00+08:00', { claimedReferrerCustomerId: 'old2' }),
      },
      DEFAULT_SETTINGS,
    );
    expect(later).toMatchObject({ kind: 'later_visit', attribution: final });
  });

  test('R9: a claim at the desk gives a person without a referral relationship the benefits', () => {
    const { referrerCustomerId: _none, ...plain } = filing;
    const searchFiling = { ...plain, channel: 'search', source: 'staff' as const };
    const attribution = attribute(
      { customerId: 'p1', filings: [filingFact(searchFiling)], visits: [] },
      DEFAULT_SETTINGS,
    ) as AttributionRecord;
    const arrival = visit('v1', '2027-03-05T10:00:00+08:00', { claimedReferrerCustomerId: 'old2' });
    const d = decideArrival(
      { customerId: 'p1', filings: [searchFiling], visits: [], attribution, hasReferralRelationship: false, arrival },
      DEFAULT_SETTINGS,
    );
    expect(d).toMatchObject({
      kind: 'first_visit',
      newReferrerCustomerId: 'old2',
      attribution: { channel: 'search', rule: 'R6' },
    });
    // With a relationship on record, nothing new.
    const kept = decideArrival(
      { customerId: 'p1', filings: [searchFiling], visits: [], attribution, hasReferralRelationship: true, arrival },
      DEFAULT_SETTINGS,
    );
    expect(kept.kind === 'first_visit' && kept.newReferrerCustomerId).toBeUndefined();
  });

  test('R3: an unfiled person’s arrival is attributed from the arrival alone', () => {
    const arrival = visit('v1', '2027-03-05T10:00:00+08:00', {
      claimedReferrerCustomerId: 'old2',
      receivedByStaffId: 'st3',
    });
    const d = decideArrival(
      { customerId: 'p1', filings: [], visits: [], attribution: null, hasReferralRelationship: false, arrival },
      DEFAULT_SETTINGS,
    );
    expect(d).toMatchObject({
      kind: 'first_visit',
      attribution: { channel: 'walk_in', rule: 'R3', creditedStaffId: 'st3' },
    });
    // A record without a stored attribution but with earlier visits (imported history) counts as a later visit.
    const imported = decideArrival(
      {
        customerId: 'p1',
        filings: [],
        visits: [visit('v0', '2026-03-05T10:00:00+08:00')],
        attribution: null,
        hasReferralRelationship: true,
        arrival,
      },
      DEFAULT_SETTINGS,
    );
    expect(imported.kind).toBe('later_visit');
  });

  test('facts keep only what attribution reads', () => {
    expect(visitFact(visit('v1', '2027-03-05T10:00:00+08:00'))).toEqual({ id: 'v1', at: '2027-03-05T10:00:00+08:00' });
    expect(
      visitFact(
        visit('v1', '2027-03-05T10:00:00+08:00', {
          companionCustomerIds: ['o1'],
          namedConsultantStaffId: 'c1',
          receivedByDepartment: 'cs2',
        }),
      ),
    ).toEqual({
      id: 'v1',
      at: '2027-03-05T10:00:00+08:00',
      companionCustomerIds: ['o1'],
      namedConsultantStaffId: 'c1',
      receivedByDepartment: 'cs2',
    });
    expect(filingFact({ ...filing, filedByStaffId: 'st2' })).toMatchObject({
      filedByStaffId: 'st2',
      ownerDepartment: 'cs2',
    });
  });
});
