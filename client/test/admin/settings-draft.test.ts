import { DEFAULT_SETTINGS, SETTINGS_SECTION_IDS, parseSettings, sectionValue } from '@clinic/shared';
import { fromDraft, toDraft } from '../../src/packages/admin/utils/settings-draft';
import { capKind } from '../../src/packages/admin/utils/settings-layout';

const settings = parseSettings({
  commissionBpByChannel: { referral: 300 },
  rewards: {
    policies: [
      { id: 'rebate', kind: 'rebate', rateBp: 500, capPerCustomer: 100_000 },
      { id: 'gift', kind: 'physical_gift', giftName: '面膜', giftValueFen: 19_900, capPerCustomer: 2 },
    ],
  },
  clinicProfile: { doctors: [{ name: '李医生', title: '主任医师', photoFileId: 'cloud://e.b/doctors/li.png' }] },
});

describe('settings form ↔ section value', () => {
  test.each(SETTINGS_SECTION_IDS)(
    'section %s: the form of the settings saves back exactly the same value',
    (section) => {
      for (const s of [DEFAULT_SETTINGS, settings]) {
        const result = fromDraft(section, toDraft(section, s), s);
        expect(result).toEqual({ ok: true, value: sectionValue(s, section) });
      }
    },
  );

  test('typed units become stored units: % → basis points, 元 → fen, empty → 不限; hidden fields are kept', () => {
    const draft = toDraft('rewards', settings);
    const [rebate, gift] = draft.lists['rewards.policies']!;
    expect(rebate!.values.rateBp).toBe('5');
    expect(rebate!.values.capPerCustomer).toBe('1000'); // yuan for money
    expect(gift!.values.capPerCustomer).toBe('2'); // pieces for a gift
    rebate!.values.rateBp = '7.5';
    rebate!.values.capPerCustomer = '';
    gift!.values.giftValueFen = '259';
    const result = fromDraft('rewards', draft, settings);
    expect(result.ok && (result.value.rewards as any).policies).toEqual([
      expect.objectContaining({ id: 'rebate', rateBp: 750, capPerCustomer: null }),
      expect.objectContaining({ id: 'gift', giftValueFen: 25_900, capPerCustomer: 2, giftName: '面膜' }),
    ]);
    // A doctor's photo is not on the form and stays.
    const doctors = fromDraft('clinicProfile', toDraft('clinicProfile', settings), settings);
    expect(doctors.ok && (doctors.value.clinicProfile as any).doctors[0].photoFileId).toBe(
      'cloud://e.b/doctors/li.png',
    );
    expect(capKind({ kind: 'points' })).toMatchObject({ unit: '积分' });
  });

  test('errors are keyed by the setting’s path: what cannot be read, then the shared rules', () => {
    const draft = toDraft('followUp', settings);
    draft.fields['followUp.fallbackDays'] = '十';
    expect(fromDraft('followUp', draft, settings)).toEqual({
      ok: false,
      errors: { 'followUp.fallbackDays': '请输入整数' },
    });
    draft.fields['followUp.fallbackDays'] = '10';
    draft.fields['followUp.escalateAfterDays'] = '6';
    draft.fields['followUp.reassignAfterDays'] = '3';
    draft.fields['followUp.planAhead'] = '99';
    const result = fromDraft('followUp', draft, settings);
    expect(result.ok ? {} : result.errors).toEqual({
      'followUp.planAhead': expect.stringMatching(/^提前排期条数：/),
      'followUp.reassignAfterDays': expect.stringContaining('“提请改派”的逾期天数不能少于“提醒店长”的天数'),
    });
  });

  test('channels: renamed and added channels are saved; a rule channel removed or an id twice is refused', () => {
    const draft = toDraft('attribution', settings);
    expect(draft.channels.find((c) => c.id === 'referral')).toMatchObject({ fixed: true, isNew: false });
    expect(draft.channels.find((c) => c.id === 'search')).toMatchObject({ fixed: false });
    draft.channels = draft.channels.map((c) => (c.id === 'referral' ? { ...c, label: '老客推荐' } : c));
    draft.channels.push({ id: 'douyin', label: '抖音', fixed: false, isNew: true });
    const saved = fromDraft('attribution', draft, settings);
    expect(saved.ok && saved.value.channels).toMatchObject({ referral: '老客推荐', douyin: '抖音' });

    const removed = toDraft('attribution', settings);
    removed.channels = removed.channels.filter((c) => c.id !== 'walk_in');
    const r = fromDraft('attribution', removed, settings);
    expect(r.ok ? {} : r.errors).toEqual({ 'channels.walk_in': expect.stringContaining('不能删除') });

    const twice = toDraft('attribution', settings);
    twice.channels.push({ id: 'search', label: '搜索2', fixed: false, isNew: true });
    const t = fromDraft('attribution', twice, settings);
    expect(t.ok ? {} : t.errors).toEqual({ channels: '渠道编号 search 重复' });
  });

  test('commission per channel: empty is the default rate, a typed % is that channel’s', () => {
    const draft = toDraft('targets', settings);
    expect(draft.commission).toEqual({ referral: '3' });
    draft.commission = { referral: '', search: '1.5' };
    const result = fromDraft('targets', draft, settings);
    expect(result.ok && result.value.commissionBpByChannel).toEqual({ search: 150 });
    draft.commission = { search: 'x' };
    const bad = fromDraft('targets', draft, settings);
    expect(bad.ok ? {} : bad.errors).toEqual({ 'commissionBpByChannel.search': expect.stringContaining('百分比') });
  });
});
