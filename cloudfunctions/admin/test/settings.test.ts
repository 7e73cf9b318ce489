import { WANGLI, bookingInput, startClinic, type Clinic } from '../../test/support/clinic';
import { GM, SM1, admin, auditEntries, editable, namesField, settingsDoc } from './admin-support';

jest.setTimeout(240_000);

/**
 * Chain settings, a section at a time: optimistic concurrency on the settings version, the shared
 * schema field by field, one transaction with the audit entry, and the next call of any other
 * function sees the change (every function reads the settings document on each call).
 */
let clinic: Clinic;
beforeAll(async () => {
  clinic = await startClinic();
});
afterAll(async () => {
  await clinic.cloud.stop();
});

const attribution = (over: Record<string, unknown> = {}) => ({
  channels: settingsDoc(clinic).channels,
  cardReferralChannel: 'referral',
  minLeadDays: 1,
  ...over,
});

test('a section saved from the current version: written with its audit entry (who, when, section, before, after)', async () => {
  // Another function reads the current lead time first (and caches whatever it caches).
  expect((await clinic.call('referral', 'getMyCard', {}, WANGLI.openid)).body.data.referralTerms).toEqual({
    minLeadDays: 1,
  });

  const res = await admin(
    clinic,
    'updateSettings',
    { section: 'attribution', expectedVersion: 0, value: attribution({ minLeadDays: 3 }) },
    GM,
  );
  expect(res.body).toMatchObject({ ok: true, data: { version: 1, changed: ['minLeadDays'] } });
  expect(res.body.data.settings.minLeadDays).toBe(3);
  expect(res.body.data.lastChange).toEqual({
    staffId: 'staff-general-manager',
    name: '宋志远',
    at: expect.stringMatching(/^2027-03-01T/),
    section: 'attribution',
  });

  const doc = settingsDoc(clinic);
  expect(doc).toMatchObject({
    minLeadDays: 3,
    settingsVersion: 1,
    settingsChange: { staffId: 'staff-general-manager' },
  });
  const [entry] = auditEntries(clinic, { action: 'settings.update' });
  expect(entry).toMatchObject({
    _id: 'settings_chain-yuemei_v1',
    chainId: 'chain-yuemei',
    actorId: 'staff-general-manager',
    targetId: 'chain-yuemei',
    outcome: 'allowed',
    section: 'attribution',
    version: 1,
    message: '修改渠道与归属：老带新提前建档天数',
    before: { minLeadDays: 1, cardReferralChannel: 'referral' },
    after: { minLeadDays: 3, cardReferralChannel: 'referral' },
  });
  expect(entry.storeId).toBeUndefined();
  expect(Date.parse(entry.at)).toBe(Date.parse(doc.settingsChange.at));

  // Seen by the next call of another function.
  expect((await clinic.call('referral', 'getMyCard', {}, WANGLI.openid)).body.data.referralTerms).toEqual({
    minLeadDays: 3,
  });
  const read = (await admin(clinic, 'getSettings', {}, SM1)).body.data;
  expect(read).toMatchObject({ version: 1, lastChange: { name: '宋志远', section: 'attribution' } });
  expect(read.settings.minLeadDays).toBe(3);
});

test('stale version: a save made from an older version is refused with who saved in between, and changes nothing', async () => {
  const before = editable(clinic);
  const res = await admin(
    clinic,
    'updateSettings',
    { section: 'attribution', expectedVersion: 0, value: attribution({ minLeadDays: 5 }) },
    GM,
  );
  expect(res.body).toEqual({
    ok: false,
    code: 'STALE_VERSION',
    message: '宋志远 刚刚保存了新的内容（第 1 版），您的修改未保存。请刷新后在最新内容上重新修改',
  });
  expect(editable(clinic)).toEqual(before);
});

test('bad input never changes data: every wrong field is named in Chinese, nothing is written', async () => {
  const before = editable(clinic);
  const res = await admin(
    clinic,
    'updateSettings',
    {
      section: 'followUp',
      expectedVersion: 1,
      value: { followUp: { f2StartMonths: 99, fallbackDays: 'ten', escalateAfterDays: 9, reassignAfterDays: 3 } },
    },
    GM,
  );
  expect(res.body).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  expect(res.body.message).toEqual(namesField('followUp.f2StartMonths'));
  expect(res.body.message).toEqual(namesField('followUp.fallbackDays'));
  expect(res.body.message).toMatch(/F2 开始（建档后几个月）：/);
  expect(editable(clinic)).toEqual(before);

  // A rule channel cannot go; a section's value must hold only its own keys; operators never reach the database.
  const { referral: _r, ...channels } = settingsDoc(clinic).channels;
  const removed = await admin(
    clinic,
    'updateSettings',
    { section: 'attribution', expectedVersion: 1, value: attribution({ channels, minLeadDays: 3 }) },
    GM,
  );
  expect(removed.body).toEqual({
    ok: false,
    code: 'INVALID_INPUT',
    message: expect.stringContaining('（字段 channels.referral）'),
  });
  const foreign = await admin(
    clinic,
    'updateSettings',
    { section: 'privacy', expectedVersion: 1, value: { minLeadDays: 0 } },
    GM,
  );
  expect(foreign.body).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  const operator = await admin(
    clinic,
    'updateSettings',
    { section: 'privacy', expectedVersion: 1, value: { privacyNoticeVersion: { $ne: null } } },
    GM,
  );
  expect(operator.body).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  const unknownSection = await admin(
    clinic,
    'updateSettings',
    { section: 'everything', expectedVersion: 1, value: {} },
    GM,
  );
  expect(unknownSection.body).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  expect(editable(clinic)).toEqual(before);
});

test('saving a section unchanged writes nothing (no new version, no audit entry)', async () => {
  const before = editable(clinic);
  const res = await admin(
    clinic,
    'updateSettings',
    { section: 'attribution', expectedVersion: 1, value: attribution({ minLeadDays: 3 }) },
    GM,
  );
  expect(res.body).toMatchObject({ ok: true, data: { version: 1, changed: [] } });
  expect(editable(clinic)).toEqual(before);
});

test('only the general manager and admins change chain settings; a store manager is refused and nothing changes', async () => {
  const before = editable(clinic);
  const res = await admin(
    clinic,
    'updateSettings',
    { section: 'attribution', expectedVersion: 1, value: attribution({ minLeadDays: 0 }) },
    SM1,
  );
  expect(res.body).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(editable(clinic)).toEqual(before);
});

test('a new privacy notice version is what booking.create requires from the next booking on', async () => {
  const saved = await admin(
    clinic,
    'updateSettings',
    { section: 'privacy', expectedVersion: 1, value: { privacyNoticeVersion: '2027-03' } },
    GM,
  );
  expect(saved.body).toMatchObject({ ok: true, data: { version: 2, changed: ['privacyNoticeVersion'] } });
  const old = await clinic.call('booking', 'create', bookingInput({ phone: '13911112222' }), 'o-admin-privacy');
  expect(old.body).toMatchObject({ ok: false, code: 'CONSENT_OUTDATED' });
  const current = await clinic.call(
    'booking',
    'create',
    bookingInput({ phone: '13911112222', consentVersion: '2027-03' }),
    'o-admin-privacy',
  );
  expect(current.body).toMatchObject({ ok: true });
  const entries = auditEntries(clinic, { action: 'settings.update' });
  expect(entries.map((e) => [e.version, e.section])).toEqual(
    expect.arrayContaining([
      [1, 'attribution'],
      [2, 'privacy'],
    ]),
  );
  expect(entries.find((e) => e.version === 2)).toMatchObject({
    before: { privacyNoticeVersion: '2026-12' },
    after: { privacyNoticeVersion: '2027-03' },
  });
});

test('concurrent saves from the same version: exactly one wins, the other is told to refresh', async () => {
  const version = settingsDoc(clinic).settingsVersion;
  const [a, b] = await Promise.all([
    admin(
      clinic,
      'updateSettings',
      {
        section: 'targets',
        expectedVersion: version,
        value: { referralShareTargetBp: 1200, defaultCommissionBp: 0, commissionBpByChannel: {} },
      },
      GM,
    ),
    admin(
      clinic,
      'updateSettings',
      { section: 'goldenTime', expectedVersion: version, value: { goldenTime: { askCooldownDays: 14 } } },
      GM,
    ),
  ]);
  const codes = [a.body, b.body].map((r) => (r.ok ? 'ok' : r.code)).sort();
  expect(codes).toEqual(['STALE_VERSION', 'ok']);
  expect(settingsDoc(clinic).settingsVersion).toBe(version + 1);
  expect(auditEntries(clinic, { action: 'settings.update', version: version + 1 })).toHaveLength(1);
});
