import fc from 'fast-check';
import {
  REFERRAL_STATUSES,
  otherUpcomingBooking,
  referralStatusAfter,
  type ReferralEvent,
  type ReferralStatus,
} from '../../src';

const BOOKED: ReferralEvent = { kind: 'booked' };
const CANCELLED: ReferralEvent = { kind: 'cancelled', otherUpcomingBooking: false };
const CANCELLED_WITH_ANOTHER: ReferralEvent = { kind: 'cancelled', otherUpcomingBooking: true };
const VISITED: ReferralEvent = { kind: 'visited' };
const DEALT: ReferralEvent = { kind: 'dealt' };

const event = fc.oneof(
  fc.constant(BOOKED),
  fc.constant(CANCELLED),
  fc.constant(CANCELLED_WITH_ANOTHER),
  fc.constant(VISITED),
  fc.constant(DEALT),
);
const afterAll = (start: ReferralStatus, events: readonly ReferralEvent[]) =>
  events.reduce((status, e) => referralStatusAfter(status, e), start);

describe('referral progress', () => {
  test('a booking moves a filed referral to booked', () => {
    expect(referralStatusAfter('filed', BOOKED)).toBe('booked');
    expect(referralStatusAfter('booked', BOOKED)).toBe('booked');
  });

  test('a cancel with no other upcoming booking shows the referral as cancelled', () => {
    expect(referralStatusAfter('booked', CANCELLED)).toBe('cancelled');
    // A friend filed at the desk who booked before this rule existed still reads as cancelled.
    expect(referralStatusAfter('filed', CANCELLED)).toBe('cancelled');
    expect(referralStatusAfter('cancelled', CANCELLED)).toBe('cancelled');
  });

  test('a cancel only counts when the friend has no other upcoming booking', () => {
    expect(referralStatusAfter('booked', CANCELLED_WITH_ANOTHER)).toBe('booked');
    expect(referralStatusAfter('filed', CANCELLED_WITH_ANOTHER)).toBe('booked');
  });

  test('a cancelled referral returns to booked when the friend books again', () => {
    expect(referralStatusAfter('cancelled', BOOKED)).toBe('booked');
    expect(afterAll('booked', [CANCELLED, BOOKED, CANCELLED, BOOKED])).toBe('booked');
  });

  test('an arrival moves a filed, booked or cancelled referral to visited', () => {
    expect(referralStatusAfter('filed', VISITED)).toBe('visited');
    expect(referralStatusAfter('booked', VISITED)).toBe('visited');
    expect(referralStatusAfter('cancelled', VISITED)).toBe('visited');
    expect(referralStatusAfter('visited', VISITED)).toBe('visited');
  });

  test('a visited referral never goes back to booked or cancelled', () => {
    expect(referralStatusAfter('visited', BOOKED)).toBe('visited');
    expect(referralStatusAfter('visited', CANCELLED)).toBe('visited');
    expect(referralStatusAfter('visited', CANCELLED_WITH_ANOTHER)).toBe('visited');
  });

  test('a deal moves every referral to dealt, and a dealt referral stays dealt', () => {
    for (const status of REFERRAL_STATUSES) expect(referralStatusAfter(status, DEALT)).toBe('dealt');
    for (const e of [BOOKED, CANCELLED, CANCELLED_WITH_ANOTHER, VISITED]) {
      expect(referralStatusAfter('dealt', e)).toBe('dealt');
    }
  });

  test('property: whatever happens after an arrival, the referral stays visited or dealt', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 12 }), (events) => {
        expect(['visited', 'dealt']).toContain(afterAll('booked', [VISITED, ...events]));
      }),
    );
  });

  test('property: the status is the last booking or cancel, until the friend arrives', () => {
    const beforeVisit = fc.array(fc.oneof(fc.constant(BOOKED), fc.constant(CANCELLED)), { minLength: 1 });
    fc.assert(
      fc.property(beforeVisit, (events) => {
        expect(afterAll('filed', events)).toBe((events[events.length - 1] as ReferralEvent).kind);
      }),
    );
  });
});

describe('referral progress: another upcoming booking', () => {
  // Monday 2027-03-01 10:05 in Shanghai.
  const now = new Date('2027-03-01T02:05:00.000Z');
  const upcoming = { id: 'B2', status: 'booked' as const, date: '2027-03-05', slot: '10:00' };

  test('the phone’s upcoming booking counts when it is another booking, still booked and to come', () => {
    expect(otherUpcomingBooking('B1', upcoming, now)).toBe(true);
  });

  test('the booking being cancelled, none, a cancelled or visited one, or one whose slot began do not count', () => {
    expect(otherUpcomingBooking('B2', upcoming, now)).toBe(false);
    expect(otherUpcomingBooking('B1', null, now)).toBe(false);
    expect(otherUpcomingBooking('B1', { ...upcoming, status: 'cancelled' }, now)).toBe(false);
    expect(otherUpcomingBooking('B1', { ...upcoming, status: 'visited' }, now)).toBe(false);
    expect(otherUpcomingBooking('B1', { ...upcoming, date: '2027-03-01', slot: '10:00' }, now)).toBe(false);
    expect(otherUpcomingBooking('B1', { ...upcoming, date: '2027-03-01', slot: '10:30' }, now)).toBe(true);
  });
});
