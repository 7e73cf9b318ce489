import {
  classifyFiling,
  DEFAULT_SETTINGS,
  filingSchema,
  parseSettings,
  rejectReattribution,
  REATTRIBUTION_MESSAGE,
  type Filing,
} from '../../src';

const filing: Filing = filingSchema.parse({
  id: 'f1',
  chainId: 'c1',
  storeId: 's1',
  customerId: 'p1',
  phone: '13800138000',
  at: '2025-03-01T10:00:00+08:00',
  channel: 'referral',
  level: 1,
  source: 'card',
  referrerCustomerId: 'old1',
  ownerStaffId: 'st1',
  ownerDepartment: 'cs2',
});
const ctx = { actorId: 'mgr1', at: '2025-03-05T10:00:00+08:00', auditId: 'a1' };

describe('filing (§2 card bookings, R1 at write time, R8)', () => {
  test('R1: card booking is level-1 老带新 by default, level-2 小程序 when configured', () => {
    expect(classifyFiling({ source: 'card', referrerCustomerId: 'o' }, DEFAULT_SETTINGS)).toEqual({
      ok: true,
      channel: 'referral',
      level: 1,
    });
    expect(
      classifyFiling(
        { source: 'card', referrerCustomerId: 'o' },
        parseSettings({ cardReferralChannel: 'mini_program' }),
      ),
    ).toEqual({
      ok: true,
      channel: 'mini_program',
      level: 2,
    });
    expect(classifyFiling({ source: 'card' }, DEFAULT_SETTINGS)).toMatchObject({
      ok: false,
      message: '推荐卡建档必须有推荐人',
    });
  });

  test('R1: mini-program booking without a code is 小程序; desk filing is 直接来院', () => {
    expect(classifyFiling({ source: 'mini_program' }, DEFAULT_SETTINGS)).toEqual({
      ok: true,
      channel: 'mini_program',
      level: 1,
    });
    expect(classifyFiling({ source: 'mini_program', referrerCustomerId: 'o' }, DEFAULT_SETTINGS)).toEqual({
      ok: true,
      channel: 'mini_program',
      level: 2,
    });
    expect(classifyFiling({ source: 'desk', referrerCustomerId: 'o' }, DEFAULT_SETTINGS)).toEqual({
      ok: true,
      channel: 'walk_in',
      level: 1,
    });
  });

  test('R6: a referral filed by another channel’s team is that channel’s level-2 referral', () => {
    expect(
      classifyFiling({ source: 'staff', channel: 'ecommerce', referrerCustomerId: 'o' }, DEFAULT_SETTINGS),
    ).toEqual({ ok: true, channel: 'ecommerce', level: 2 });
    expect(classifyFiling({ source: 'crm_import', channel: 'search' }, DEFAULT_SETTINGS)).toEqual({
      ok: true,
      channel: 'search',
      level: 1,
    });
    expect(classifyFiling({ source: 'staff', channel: 'referral', referrerCustomerId: 'o' }, DEFAULT_SETTINGS)).toEqual(
      { ok: true, channel: 'referral', level: 1 },
    );
    expect(classifyFiling({ source: 'staff', channel: 'referral' }, DEFAULT_SETTINGS)).toMatchObject({
      ok: false,
      message: '老带新建档必须填写推荐老客',
    });
    expect(classifyFiling({ source: 'staff', channel: 'tv' }, DEFAULT_SETTINGS)).toMatchObject({
      ok: false,
      message: '请选择有效的建档渠道',
    });
    expect(classifyFiling({ source: 'staff' }, DEFAULT_SETTINGS)).toMatchObject({ ok: false });
    expect(classifyFiling({ source: 'staff', channel: 'toString' }, DEFAULT_SETTINGS)).toMatchObject({ ok: false });
  });

  test('R8: back-filing and re-assignment requests are always refused and audited', () => {
    for (const action of ['backfill', 'reassign_channel', 'reassign_owner'] as const) {
      const r = rejectReattribution(filing, ctx, action);
      expect(r).toMatchObject({ ok: false, code: 'REATTRIBUTION_FORBIDDEN', message: REATTRIBUTION_MESSAGE });
      expect(r.audit).toMatchObject({ action: `filing.${action}`, outcome: 'rejected', rule: 'R8', targetId: 'f1' });
      // The store of the person's filing: its store manager reads the attempt in the audit log.
      expect(r.audit.storeId).toBe('s1');
    }
  });
});
