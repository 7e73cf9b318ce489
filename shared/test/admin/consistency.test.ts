import { DEFAULT_SETTINGS, RULE_CHANNELS, parseSettings, replaceSection, sectionValue } from '../../src';

describe('settings consistency (what the schema alone cannot say)', () => {
  const current = parseSettings({ commissionBpByChannel: { social: 300 } });

  test('rule channels: 老带新, 小程序 and 直接来院 may be renamed but never removed', () => {
    expect(RULE_CHANNELS).toEqual(['referral', 'mini_program', 'walk_in']);
    const renamed = replaceSection(current, 'attribution', {
      ...sectionValue(current, 'attribution'),
      channels: { ...current.channels, referral: '老客推荐' },
    });
    expect(renamed.ok && renamed.settings.channels.referral).toBe('老客推荐');
    const { walk_in: _w, ...withoutWalkIn } = current.channels;
    const removed = replaceSection(current, 'attribution', { channels: withoutWalkIn });
    expect(removed.ok ? [] : removed.issues).toEqual([
      { path: 'channels.walk_in', message: '渠道“直接来院”是归属规则所用的渠道，可以改名，不能删除' },
    ]);
  });

  test('commission by channel: a channel with a commission rate cannot be removed from the list', () => {
    const { social: _s, ...withoutSocial } = current.channels;
    const r = replaceSection(current, 'attribution', { channels: withoutSocial });
    expect(r.ok ? [] : r.issues).toEqual([
      { path: 'channels', message: '渠道“社交”还设有提成比例，请先在“目标与提成”中删除它的提成比例' },
    ]);
    const t = replaceSection(current, 'targets', { commissionBpByChannel: { nosuch: 100 } });
    expect(t.ok ? [] : t.issues).toEqual([
      { path: 'commissionBpByChannel.nosuch', message: '渠道提成比例：该渠道不在渠道列表中' },
    ]);
    // A channel unknown before as well is reported by its id.
    const odd = parseSettings({
      commissionBpByChannel: { gone: 1 },
      channels: { ...DEFAULT_SETTINGS.channels, gone: '旧' },
    });
    const { gone: _g, ...withoutGone } = odd.channels;
    const r2 = replaceSection({ ...odd, channels: withoutGone }, 'attribution', { channels: withoutGone });
    expect(r2.ok ? '' : r2.issues[0]?.message).toContain('渠道“gone”');
  });

  test('reward policies: each policy id once (ledger ids are made of it)', () => {
    const policy = DEFAULT_SETTINGS.rewards.policies[0]!;
    const r = replaceSection(current, 'rewards', {
      rewards: { policies: [policy, { ...policy }, { ...policy, id: 'b' }] },
    });
    expect(r.ok ? [] : r.issues).toEqual([{ path: 'rewards.policies.1.id', message: '政策编号：与前面的政策重复' }]);
  });

  test('golden windows: ids once each, a window never ends before it starts', () => {
    const w = DEFAULT_SETTINGS.goldenTime.windows;
    const r = replaceSection(current, 'goldenTime', {
      goldenTime: { windows: [w[0], { ...w[1]!, id: 'peak' }, { ...w[2]!, fromMonth: 14, toMonth: 12 }] },
    });
    expect(r.ok ? [] : r.issues).toEqual([
      { path: 'goldenTime.windows.1.id', message: '窗口编号：与前面的窗口重复' },
      { path: 'goldenTime.windows.2.toMonth', message: '结束月：不能早于起始月' },
    ]);
  });
});
