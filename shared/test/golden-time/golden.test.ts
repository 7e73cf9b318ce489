import {
  DEFAULT_SETTINGS,
  goldenWindowOf,
  monthNumberSince,
  parseSettings,
  rankWhomToAsk,
  windowForMonth,
} from '../../src';

const S = DEFAULT_SETTINGS;

describe('golden time (§5)', () => {
  test('month 1 starts on the treatment date; months 1–3, 4–11, 12+', () => {
    expect(monthNumberSince('2025-01-31', '2025-01-31')).toBe(1);
    // Month 2 starts where addMonths puts one month later: Jan 31 + 1 month = Feb 28.
    expect(monthNumberSince('2025-01-31', '2025-02-27')).toBe(1);
    expect(monthNumberSince('2025-01-31', '2025-02-28')).toBe(2);
    expect(monthNumberSince('2025-01-31', '2025-03-30')).toBe(2);
    expect(monthNumberSince('2025-01-31', '2025-03-31')).toBe(3);
    expect(monthNumberSince('2025-02-01', '2025-01-31')).toBeNull();
    expect(goldenWindowOf('2025-01-15', '2025-04-14', S)?.id).toBe('peak');
    expect(goldenWindowOf('2025-01-15', '2025-04-15', S)?.id).toBe('golden');
    expect(goldenWindowOf('2025-01-15', '2025-12-14', S)?.id).toBe('golden');
    expect(goldenWindowOf('2025-01-15', '2025-12-15', S)?.id).toBe('late');
    expect(goldenWindowOf('2025-01-15', '2030-01-01', S)?.id).toBe('late');
    expect(goldenWindowOf(undefined, '2025-01-01', S)).toBeNull();
    expect(goldenWindowOf('2025-02-01', '2025-01-01', S)).toBeNull();
  });
  test('windows are settings; a gap gives no window', () => {
    const s = parseSettings({
      goldenTime: { windows: [{ id: 'a', label: 'A', fromMonth: 2, toMonth: 2, weight: 1 }] },
    });
    expect(goldenWindowOf('2025-01-01', '2025-01-10', s)).toBeNull();
    expect(goldenWindowOf('2025-01-01', '2025-02-10', s)?.id).toBe('a');
    expect(windowForMonth(3, s.goldenTime.windows)).toBeNull();
  });
  test('ranking: window, star level, satisfaction, referred before; cooldown; stable ties', () => {
    const today = '2025-06-01';
    const ranked = rankWhomToAsk(
      [
        { customerId: 'late5', lastTreatmentDate: '2023-01-01', starLevel: 5, satisfaction: 5, hasReferred: true }, // 20+40+32+15 = 107
        { customerId: 'peak3', lastTreatmentDate: '2025-05-01', starLevel: 3, satisfaction: 3, hasReferred: false }, // 50+20+16 = 86
        { customerId: 'peak5', lastTreatmentDate: '2025-05-01', starLevel: 5, satisfaction: 5, hasReferred: false }, // 50+40+32 = 122
        {
          customerId: 'asked',
          lastTreatmentDate: '2025-05-01',
          starLevel: 5,
          hasReferred: true,
          lastAskedDate: '2025-05-28',
        },
        { customerId: 'b-none', hasReferred: false },
        { customerId: 'a-none', hasReferred: false },
        { customerId: 'asked7', hasReferred: false, lastAskedDate: '2025-05-25' },
      ],
      today,
      S,
    );
    expect(ranked.map((r) => [r.customerId, r.score])).toEqual([
      ['peak5', 122],
      ['late5', 107],
      ['peak3', 86],
      ['a-none', 0],
      ['asked7', 0],
      ['b-none', 0],
    ]);
    expect(ranked[0]).toEqual({
      customerId: 'peak5',
      score: 122,
      windowId: 'peak',
      reasons: ['关键黄金期', '5星客户', '满意度高'],
    });
    expect(ranked[1]?.reasons).toEqual(['一年以上', '5星客户', '满意度高', '曾成功带新']);
    expect(ranked[2]?.reasons).toEqual(['关键黄金期']);
    expect(ranked[3]).toEqual({ customerId: 'a-none', score: 0, windowId: null, reasons: [] });
    expect(
      rankWhomToAsk([{ customerId: 'x', hasReferred: false, starLevel: 4, satisfaction: 4 }], today, S)[0]?.reasons,
    ).toEqual(['4星客户', '满意度高']);
  });
});
