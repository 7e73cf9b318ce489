import { formatDateTime, productMetaLines } from '../../src/utils/format';

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

describe('productMetaLines', () => {
  it('gives the listed price and the duration, or the duration alone when no price is listed', () => {
    expect(productMetaLines({ priceFen: 680000, durationMinutes: 90 })).toEqual(['参考价 ¥6800', '约 90 分钟']);
    expect(productMetaLines({ priceFen: 19950, durationMinutes: 30 })).toEqual(['参考价 ¥199.50', '约 30 分钟']);
    expect(productMetaLines({ durationMinutes: 45 })).toEqual(['约 45 分钟']);
  });
});
