import { groupSlots, slotOptions } from '../../src/utils/slots';
import { splitAppointments } from '../../src/utils/appointments';
import { describeHours } from '../../src/utils/hours';
import { BOOKING, NOW } from '../fixtures';

describe('slotOptions', () => {
  const now = new Date(NOW); // 2026-11-23 10:00 Shanghai

  it('disables full slots and slots that have started', () => {
    const options = slotOptions(
      '2026-11-23',
      [
        { slot: '09:30', available: 2 },
        { slot: '10:00', available: 1 },
        { slot: '10:30', available: 0 },
        { slot: '14:00', available: 3 },
      ],
      now,
    );
    expect(options).toEqual([
      { slot: '09:30', available: 0, disabled: true, note: '已过', reason: 'past' },
      { slot: '10:00', available: 0, disabled: true, note: '已过', reason: 'past' },
      { slot: '10:30', available: 0, disabled: true, note: '已约满', reason: 'full' },
      { slot: '14:00', available: 3, disabled: false, note: '余 3' },
    ]);
  });

  it('groups by part of the day', () => {
    const groups = groupSlots(
      slotOptions(
        '2026-11-24',
        [
          { slot: '09:30', available: 1 },
          { slot: '14:00', available: 1 },
          { slot: '19:00', available: 1 },
        ],
        now,
      ),
    );
    expect(groups.map((g) => g.label)).toEqual(['上午', '下午', '晚上']);
  });
});

describe('splitAppointments', () => {
  it('puts booked future visits first (soonest first) and the rest in history', () => {
    const list = [
      { ...BOOKING, id: 'A', date: '2026-11-30', slot: '10:00' },
      { ...BOOKING, id: 'B', date: '2026-11-25', slot: '14:00' },
      { ...BOOKING, id: 'C', date: '2026-11-25', slot: '15:00', status: 'cancelled' as const },
      { ...BOOKING, id: 'D', date: '2026-11-23', slot: '09:30' },
    ].map((b) => ({ ...b, status: b.status as 'booked' | 'cancelled' }));
    const { upcoming, past } = splitAppointments(list, new Date(NOW));
    expect(upcoming.map((b) => b.id)).toEqual(['B', 'A']);
    expect(past.map((b) => b.id)).toEqual(['C', 'D']);
  });
});

describe('describeHours', () => {
  it('summarises weekly hours, Monday first', () => {
    const every = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '09:30', close: '20:00' }));
    expect(describeHours(every)).toBe('每天 09:30–20:00');
    const noTuesday = [1, 3, 4, 5].map((weekday) => ({ weekday, open: '09:30', close: '20:00' }));
    const weekend = [6, 0].map((weekday) => ({ weekday, open: '10:00', close: '18:00' }));
    expect(describeHours([...noTuesday, ...weekend])).toBe('周一、周三至周五 09:30–20:00；周六、周日 10:00–18:00');
    expect(describeHours([])).toBe('暂停营业');
  });
});
