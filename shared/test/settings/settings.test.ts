import * as z from 'zod';
import { clinicSettingsSchema, DEFAULT_SETTINGS, parseSettings, customerSchema, rewardPolicySchema } from '../../src';

describe('clinic settings (every number of docs/business-rules.md is a setting with a default)', () => {
  test('defaults match docs/business-rules.md', () => {
    expect(parseSettings()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toMatchObject({
      minLeadDays: 1,
      visitReminderDaysBefore: 1,
      privacyNoticeVersion: '2026-12',
      cardReferralChannel: 'referral',
      referralShareTargetBp: 1000,
      followUp: {
        f1OffsetsDays: [0, 7, 20],
        f2StartMonths: 1,
        f2DaysOfMonth: [10, 20],
        f3StartMonths: 2,
        eventLeadDays: 3,
        fallbackDays: 10,
        friendFirstCheckDays: 1,
        friendCheckIntervalDays: 15,
      },
      referralCode: { bodyLength: 7, scenePrefix: 'r=', keepOnDeviceDays: 30 },
      // Nothing about the clinic is shown until it is filled in.
      clinicProfile: { institutionName: '', licenceNumber: '', doctors: [] },
    });
    // One reminder lead for the customer's message and the owner's V1 task.
    expect(clinicSettingsSchema.safeParse({ followUp: { visitReminderDaysBefore: 1 } }).success).toBe(false);
    expect(clinicSettingsSchema.safeParse({ notifications: { visitReminderDaysBefore: 1 } }).success).toBe(false);
    expect(DEFAULT_SETTINGS.goldenTime.windows.map((w) => [w.fromMonth, w.toMonth])).toEqual([
      [1, 3],
      [4, 11],
      [12, null],
    ]);
    expect(DEFAULT_SETTINGS.rewards.policies).toEqual([
      expect.objectContaining({ kind: 'rebate', rateBp: 500, recipients: 'both' }),
    ]);
    expect(DEFAULT_SETTINGS.channels.referral).toBe('老带新');
  });
  test('partial overrides keep the other defaults; unknown keys and bad values are refused in Chinese', () => {
    expect(parseSettings({ followUp: { fallbackDays: 7 } }).followUp).toMatchObject({
      fallbackDays: 7,
      eventLeadDays: 3,
    });
    expect(clinicSettingsSchema.safeParse({ minLeadDay: 1 }).success).toBe(false);
    expect(clinicSettingsSchema.safeParse({ referralShareTargetBp: 12.5 }).error?.issues[0]?.message).toBe(
      '老带新业绩占比目标必须是整数（基点，1% = 100）',
    );
    expect(clinicSettingsSchema.safeParse({ referralCode: { scenePrefix: 'r=中' } }).error?.issues[0]?.message).toBe(
      '场景值前缀含有不允许的字符',
    );
  });
  test('zod default messages are Chinese (zh-CN locale enabled by the package)', () => {
    const msg = z.string().safeParse(1).error?.issues[0]?.message ?? '';
    expect(msg).toMatch(/[\u4e00-\u9fff]/);
    const c = customerSchema.safeParse({});
    expect(c.error?.issues.every((i) => /[\u4e00-\u9fff]/.test(i.message))).toBe(true);
  });
  test('§8 reward policies: each kind must say how much it gives (field and Chinese message pinned)', () => {
    const issues = (input: unknown) =>
      rewardPolicySchema
        .safeParse(input)
        .error?.issues.map((i) => ({ code: i.code, path: i.path, message: i.message }));
    expect(issues({ id: 'r', kind: 'rebate' })).toEqual([
      { code: 'custom', path: ['rateBp'], message: '返利金或抵扣券必须设置比例' },
    ]);
    expect(issues({ id: 'v', kind: 'gift_voucher', rateBp: 0 })).toEqual([
      { code: 'custom', path: ['rateBp'], message: '返利金或抵扣券必须设置比例' },
    ]);
    expect(issues({ id: 'p', kind: 'points' })).toEqual([
      { code: 'custom', path: ['pointsPerYuan'], message: '积分奖励必须设置每元积分' },
    ]);
    expect(issues({ id: 'g', kind: 'physical_gift' })).toEqual([
      { code: 'custom', path: ['giftName'], message: '实物礼品必须填写礼品名称' },
    ]);
    expect(issues({ id: 'r', kind: 'rebate', rateBp: 500 })).toBeUndefined();
    expect(issues({ id: 'p', kind: 'points', pointsPerYuan: 1 })).toBeUndefined();
    expect(issues({ id: 'g', kind: 'physical_gift', giftName: '加油卡' })).toBeUndefined();
    // Settings refuse a policy that gives nothing, at the policy's path.
    const bad = clinicSettingsSchema.safeParse({ rewards: { policies: [{ id: 'p', kind: 'points' }] } });
    expect(bad.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [['rewards', 'policies', 0, 'pointsPerYuan'], '积分奖励必须设置每元积分'],
    ]);
  });
});
