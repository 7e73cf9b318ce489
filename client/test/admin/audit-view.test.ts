import {
  EMPTY_FILTER,
  KIND_FILTERS,
  changeLine,
  filterInput,
  formatChangeValue,
} from '../../src/packages/admin/utils/audit-view';

describe('audit viewer', () => {
  test('filters: only what is chosen is sent; dates must be real and in order', () => {
    expect(filterInput(EMPTY_FILTER)).toEqual({ ok: true, input: {} });
    expect(
      filterInput({ kind: 'settings', from: '2027-03-01', to: '2027-03-31', storeId: 'store-1', actorId: 's1' }),
    ).toEqual({
      ok: true,
      input: { kind: 'settings', from: '2027-03-01', to: '2027-03-31', storeId: 'store-1', actorId: 's1' },
    });
    expect(filterInput({ ...EMPTY_FILTER, from: '2027-3-1' })).toEqual({
      ok: false,
      errors: { from: expect.any(String) },
    });
    expect(filterInput({ ...EMPTY_FILTER, to: 'x' })).toEqual({ ok: false, errors: { to: expect.any(String) } });
    expect(filterInput({ ...EMPTY_FILTER, from: '2027-03-05', to: '2027-03-01' })).toEqual({
      ok: false,
      errors: { to: '结束日期不能早于开始日期' },
    });
    expect(KIND_FILTERS[0]).toEqual({ value: '', label: '全部' });
    expect(KIND_FILTERS.map((k) => k.label)).toContain('拒绝改单（R8）');
  });

  test('changed values read with their units: %, 元, 天, 不限, lists, opening rows', () => {
    expect(formatChangeValue('referralShareTargetBp', 1500)).toBe('15%');
    expect(formatChangeValue('commissionBpByChannel.referral', 250)).toBe('2.5%');
    expect(formatChangeValue('rewards.policies.0.minDealFen', 19_900)).toBe('199 元');
    expect(formatChangeValue('minLeadDays', 2)).toBe('2 天');
    expect(formatChangeValue('followUp.f2StartMonths', 1)).toBe('1 个月');
    expect(formatChangeValue('slotMinutes', 30)).toBe('30 分钟');
    expect(formatChangeValue('capacityPerSlot', 4)).toBe('4');
    expect(formatChangeValue('rewards.policies.0.capPerCustomer', null)).toBe('不限');
    expect(formatChangeValue('x', undefined)).toBe('（无）');
    expect(formatChangeValue('notifications.staffDigestLongTerm', true)).toBe('是');
    expect(formatChangeValue('notifications.channelOrder.staff_digest', ['wecom', 'in_app'])).toBe(
      '企业微信、小程序内',
    );
    expect(formatChangeValue('closedDates', [])).toBe('（空）');
    expect(formatChangeValue('openingHours.1', { weekday: 2, open: '09:30', close: '20:00' })).toBe('周二 09:30–20:00');
    expect(formatChangeValue('rewards.policies.1', { id: 'gift', kind: 'physical_gift' })).toBe('gift');
    expect(formatChangeValue('goldenTime.windows', [{ id: 'peak', label: '关键黄金期' }])).toBe('关键黄金期');
    expect(formatChangeValue('x', { a: 1 })).toBe('{"a":1}');
    expect(changeLine({ path: 'minLeadDays', label: '老带新提前建档天数', before: 1, after: 3 })).toBe(
      '老带新提前建档天数：1 天 → 3 天',
    );
  });
});
