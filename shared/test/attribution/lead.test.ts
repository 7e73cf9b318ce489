import fc from 'fast-check';
import {
  addDays,
  attribute,
  cardBookingTooLate,
  classifyFiling,
  DEFAULT_REFERRAL_TERMS,
  DEFAULT_SETTINGS,
  leadTimeMet,
  parseSettings,
  referralTermsOf,
  type FilingFact,
} from '../../src';

/** The first filing a card booking made on `bookedOn` is, and the first visit on `visitOn`. */
function cardBookingHistory(settings: ReturnType<typeof parseSettings>, bookedOn: string, visitOn: string) {
  const cls = classifyFiling({ source: 'card', referrerCustomerId: 'old1' }, settings);
  if (!cls.ok) throw new Error(cls.message);
  const filing: FilingFact = {
    id: 'f1',
    at: `${bookedOn}T08:00:00+08:00`,
    channel: cls.channel,
    level: cls.level,
    source: 'card',
    referrerCustomerId: 'old1',
    ownerStaffId: 'owner1',
  };
  return { customerId: 'new1', filings: [filing], visits: [{ id: 'v1', at: `${visitOn}T18:00:00+08:00` }] };
}

describe('referral terms shown before booking', () => {
  test('R2: with the default settings a card booking for the visit day itself falls short, one for tomorrow does not', () => {
    const terms = referralTermsOf(DEFAULT_SETTINGS);
    expect(terms).toEqual({ minLeadDays: 1 });
    // The constant the client falls back to is the same as the default settings' terms.
    expect(DEFAULT_REFERRAL_TERMS).toEqual(terms);
    expect(cardBookingTooLate(terms, '2026-11-23', '2026-11-23')).toBe(true);
    expect(cardBookingTooLate(terms, '2026-11-23', '2026-11-24')).toBe(false);
  });

  test('R2: the lead time is the clinic’s minLeadDays, counted in calendar days', () => {
    const terms = referralTermsOf(parseSettings({ minLeadDays: 3 }));
    expect(terms).toEqual({ minLeadDays: 3 });
    expect(cardBookingTooLate(terms, '2026-11-30', '2026-12-02')).toBe(true);
    expect(cardBookingTooLate(terms, '2026-11-30', '2026-12-03')).toBe(false);
    expect(cardBookingTooLate(referralTermsOf(parseSettings({ minLeadDays: 0 })), '2026-11-23', '2026-11-23')).toBe(
      false,
    );
    expect(leadTimeMet(2, 3)).toBe(false);
    expect(leadTimeMet(3, 3)).toBe(true);
  });

  test('R2: a clinic that files card bookings under 小程序 has no lead time to tell (R2 guards 老带新 only)', () => {
    const terms = referralTermsOf(parseSettings({ cardReferralChannel: 'mini_program', minLeadDays: 2 }));
    expect(terms).toEqual({ minLeadDays: null });
    expect(cardBookingTooLate(terms, '2026-11-23', '2026-11-23')).toBe(false);
  });

  test('R2 and R9: what the booking page says is what attribute() decides, and the referrer always stays', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5 }),
        fc.constantFrom('referral' as const, 'mini_program' as const),
        fc.integer({ min: 0, max: 6 }),
        (minLeadDays, cardReferralChannel, lead) => {
          const settings = parseSettings({ minLeadDays, cardReferralChannel });
          const bookedOn = '2026-12-30';
          const visitOn = addDays(bookedOn, lead);
          const a = attribute(cardBookingHistory(settings, bookedOn, visitOn), settings);
          const tooLate = cardBookingTooLate(referralTermsOf(settings), bookedOn, visitOn);
          expect(a?.channel === 'walk_in').toBe(tooLate);
          expect(a?.benefitReferrerCustomerId).toBe('old1');
        },
      ),
    );
  });
});
