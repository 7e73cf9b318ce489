import {
  DEFAULT_SETTINGS,
  SETTINGS_SECTIONS,
  SETTINGS_SECTION_IDS,
  clinicSettingsSchema,
  isSettingsSection,
  parseSettings,
  replaceSection,
  sectionOfKey,
  sectionValue,
  type ClinicSettings,
} from '../../src';

describe('settings sections', () => {
  test('settings sections: every top-level setting belongs to exactly one section', () => {
    const keys = Object.keys(clinicSettingsSchema.shape).sort();
    const listed = SETTINGS_SECTION_IDS.flatMap((id) => [...SETTINGS_SECTIONS[id].keys]).sort();
    expect(listed).toEqual(keys);
    for (const key of keys) expect(SETTINGS_SECTIONS[sectionOfKey(key as keyof ClinicSettings)].keys).toContain(key);
    expect(() => sectionOfKey('nope' as keyof ClinicSettings)).toThrow('belongs to no section');
  });

  test('settings sections: a section is a copy of its keys, editing it never touches the settings', () => {
    const value = sectionValue(DEFAULT_SETTINGS, 'followUp');
    expect(Object.keys(value)).toEqual(['followUp']);
    value.followUp.f1OffsetsDays.push(99);
    expect(DEFAULT_SETTINGS.followUp.f1OffsetsDays).toEqual([0, 7, 20]);
    expect(isSettingsSection('rewards')).toBe(true);
    expect(isSettingsSection('toString')).toBe(false);
  });
});

describe('settings section edit (replace one section, validated by the shared schema)', () => {
  const current = parseSettings({ minLeadDays: 2, followUp: { fallbackDays: 12 } });

  test('settings section edit: replaces its own keys only; missing keys take their defaults', () => {
    const r = replaceSection(current, 'attribution', { minLeadDays: 3, cardReferralChannel: 'mini_program' });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.settings.minLeadDays).toBe(3);
    expect(r.settings.cardReferralChannel).toBe('mini_program');
    // Channels were left out: the default list, not nothing.
    expect(r.settings.channels).toEqual(DEFAULT_SETTINGS.channels);
    // Other sections stay exactly as they were.
    expect(r.settings.followUp).toEqual(current.followUp);
    expect(r.before).toEqual({ channels: current.channels, cardReferralChannel: 'referral', minLeadDays: 2 });
    expect(r.after).toMatchObject({ cardReferralChannel: 'mini_program', minLeadDays: 3 });
    expect(r.changed).toEqual(['cardReferralChannel', 'minLeadDays']);
  });

  test('settings section edit: saving the section as it is changes nothing', () => {
    const r = replaceSection(current, 'followUp', sectionValue(current, 'followUp'));
    expect(r.ok && r.changed).toEqual([]);
  });

  test('settings section edit: a bad value is refused field by field in Chinese, naming each field', () => {
    const r = replaceSection(current, 'followUp', {
      followUp: { f2StartMonths: -1, fallbackDays: 'ten', f1OffsetsDays: [0, 7.5] },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byPath = Object.fromEntries(r.issues.map((i) => [i.path, i.message]));
    expect(Object.keys(byPath).sort()).toEqual([
      'followUp.f1OffsetsDays.1',
      'followUp.f2StartMonths',
      'followUp.fallbackDays',
    ]);
    expect(byPath['followUp.f2StartMonths']).toMatch(/^F2 开始（建档后几个月）：/);
    expect(byPath['followUp.fallbackDays']).toMatch(/^无活动时回访间隔：/);
    expect(byPath['followUp.f1OffsetsDays.1']).toMatch(/^F1 回访日（建档后第几天）：/);
    for (const m of Object.values(byPath)) expect(m).toMatch(/[\u4e00-\u9fff]/);
  });

  test('settings section edit: the schema’s own cross-field rules apply (提请改派 ≥ 提醒店长)', () => {
    const r = replaceSection(current, 'followUp', { followUp: { escalateAfterDays: 5, reassignAfterDays: 3 } });
    expect(r.ok ? [] : r.issues).toEqual([
      {
        path: 'followUp.reassignAfterDays',
        message: expect.stringContaining('“提请改派”的逾期天数不能少于“提醒店长”的天数'),
      },
    ]);
  });

  test('settings section edit: keys of other sections and unknown keys are refused, a non-object too', () => {
    const other = replaceSection(current, 'privacy', { privacyNoticeVersion: '2027-01', minLeadDays: 5 });
    expect(other.ok ? [] : other.issues.map((i) => i.path)).toEqual(['']);
    const notObject = replaceSection(current, 'privacy', 'x');
    expect(notObject.ok).toBe(false);
  });
});
