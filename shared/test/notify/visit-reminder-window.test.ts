import { visitReminderCanBeSent } from '../../src/notify/visit-reminder-window';

// Clinic time is UTC+8: 2026-12-02T15:00Z is 23:00 in Shanghai.
const at = (iso: string) => new Date(iso);

describe('visit reminder offered only when it can still be sent before the visit', () => {
  it('a visit two days ahead with a one-day reminder: sendable (tomorrow’s runs remind it)', () => {
    expect(visitReminderCanBeSent('2026-12-04', at('2026-12-02T02:00:00Z'), 1)).toBe(true);
  });

  it('a visit tomorrow booked at 22:59: the 23:00 run still reminds it', () => {
    expect(visitReminderCanBeSent('2026-12-03', at('2026-12-02T14:59:00Z'), 1)).toBe(true);
  });

  it('a visit tomorrow booked at 23:00 or later: the last run of the reminder day has started, not sendable', () => {
    expect(visitReminderCanBeSent('2026-12-03', at('2026-12-02T15:00:00Z'), 1)).toBe(false);
    expect(visitReminderCanBeSent('2026-12-03', at('2026-12-02T15:59:00Z'), 1)).toBe(false);
  });

  it('a same-day visit with a one-day reminder: its reminder day has passed, not sendable', () => {
    expect(visitReminderCanBeSent('2026-12-02', at('2026-12-02T01:00:00Z'), 1)).toBe(false);
  });

  it('the clinic day, not the UTC day, decides: 00:30 in Shanghai is still the previous UTC day', () => {
    // 2026-12-02T16:30Z is 2026-12-03 00:30 in Shanghai: a visit on 12-04 is reminded today, sendable.
    expect(visitReminderCanBeSent('2026-12-04', at('2026-12-02T16:30:00Z'), 1)).toBe(true);
    // …and a visit on 12-03 (today in Shanghai) has no reminder left.
    expect(visitReminderCanBeSent('2026-12-03', at('2026-12-02T16:30:00Z'), 1)).toBe(false);
  });

  it('honours the clinic’s days-before setting', () => {
    expect(visitReminderCanBeSent('2026-12-05', at('2026-12-02T02:00:00Z'), 3)).toBe(true);
    expect(visitReminderCanBeSent('2026-12-04', at('2026-12-02T02:00:00Z'), 3)).toBe(false);
  });
});
