import { formatDateTime } from '../../src/utils/format';

describe('formatDateTime (Asia/Shanghai, UTC+8)', () => {
  it('formats an ISO instant as YYYY-MM-DD HH:mm in China time', () => {
    expect(formatDateTime('2026-11-23T07:05:00.000Z')).toBe('2026-11-23 15:05');
  });
  it('rolls over to the next day after 16:00 UTC', () => {
    expect(formatDateTime('2026-12-31T17:30:59Z')).toBe('2027-01-01 01:30');
  });
  it('respects an explicit offset', () => {
    expect(formatDateTime('2026-11-23T09:00:00+09:00')).toBe('2026-11-23 08:00');
  });
  it('shows an unparseable value as is', () => {
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});
