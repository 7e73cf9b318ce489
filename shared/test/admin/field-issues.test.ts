import * as z from 'zod/mini';
import {
  DEFAULT_SETTINGS,
  MAX_FIELD_ISSUES,
  PRODUCT_FIELD_LABELS,
  SETTINGS_FIELD_LABELS,
  STORE_FIELD_LABELS,
  fieldIssuesFromMessage,
  fieldIssuesMessage,
  fieldIssuesOf,
  labelOfPath,
} from '../../src';

describe('field issues: the server names every wrong field in one message, the client reads them back', () => {
  const schema = z.strictObject({ a: z.int(), b: z.object({ c: z.string().check(z.minLength(2)) }) });

  test('field issues: one issue per field, with the field’s Chinese name first', () => {
    const error = schema.safeParse({ a: 1.5, b: { c: 'x' } }).error!;
    const issues = fieldIssuesOf(error, (p) => ({ a: '数量', 'b.c': '名称' })[p]);
    expect(issues.map((i) => i.path)).toEqual(['a', 'b.c']);
    expect(issues[0]!.message).toMatch(/^数量：/);
    // A second issue of the same field is left out; an unnamed field keeps zod's message alone.
    const twice = new z.core.$ZodError([
      { code: 'custom', path: ['a'], message: '一' },
      { code: 'custom', path: ['a'], message: '二' },
      { code: 'custom', path: ['z'], message: '三' },
    ]);
    expect(fieldIssuesOf(twice, () => undefined)).toEqual([
      { path: 'a', message: '一' },
      { path: 'z', message: '三' },
    ]);
  });

  test('field issues: zod’s generic limits are said plainly; a schema’s own message is kept', () => {
    const plain = (schema: z.ZodMiniType, value: unknown) =>
      fieldIssuesOf(schema.safeParse(value).error!, () => undefined)[0]!.message;
    expect(plain(z.int().check(z.lte(30)), 40)).toBe('不能超过 30');
    expect(plain(z.number().check(z.lt(30)), 40)).toBe('须小于 30');
    expect(plain(z.int().check(z.gte(1)), 0)).toBe('不能小于 1');
    expect(plain(z.number().check(z.gt(1)), 0)).toBe('须大于 1');
    expect(plain(z.string().check(z.maxLength(8)), '123456789')).toBe('不能超过 8 个字');
    expect(plain(z.string().check(z.minLength(1)), '')).toBe('不能为空');
    expect(plain(z.string().check(z.minLength(2)), 'a')).toBe('至少 2 个字');
    expect(plain(z.array(z.int()).check(z.maxLength(2)), [1, 2, 3])).toBe('最多 2 项');
    expect(plain(z.array(z.int()).check(z.minLength(1)), [])).toBe('至少填写一项');
    expect(plain(z.array(z.int()).check(z.minLength(2)), [1])).toBe('至少 2 项');
    expect(plain(z.int(), 'x')).toBe('请填写数字');
    expect(plain(z.string(), 1)).toBe('请填写文字');
    expect(plain(z.boolean(), 1)).toBe('请选择是或否');
    expect(plain(z.array(z.int()), 1)).toBe('请填写列表');
    expect(plain(z.object({ a: z.int() }), 1)).toBe('格式不正确');
    expect(plain(z.int().check(z.lte(5, { error: '最多五天' })), 9)).toBe('最多五天');
    expect(plain(z.enum(['a']), 'b')).toMatch(/[\u4e00-\u9fff]/);
  });

  test('field issues: the message round-trips to the same issues (a message without a field too)', () => {
    const issues = [
      { path: 'followUp.planAhead', message: '提前排期条数：数值过大' },
      { path: 'rewards.policies.0.rateBp', message: '返利比例：返利比例不能超过 100%' },
      { path: '', message: '输入内容有误' },
    ];
    const message = fieldIssuesMessage(issues);
    expect(message).toBe(
      '提前排期条数：数值过大（字段 followUp.planAhead）；返利比例：返利比例不能超过 100%（字段 rewards.policies.0.rateBp）；输入内容有误',
    );
    expect(fieldIssuesFromMessage(message)).toEqual(issues);
    expect(fieldIssuesFromMessage('')).toEqual([]);
    const many = Array.from({ length: 20 }, (_, i) => ({ path: `f${i}`, message: `第${i}项` }));
    expect(fieldIssuesFromMessage(fieldIssuesMessage(many))).toHaveLength(MAX_FIELD_ISSUES);
  });
});

describe('field labels', () => {
  test('field labels: array indexes and record keys match *, deeper paths take their parent’s name', () => {
    expect(labelOfPath(SETTINGS_FIELD_LABELS, 'rewards.policies.3.rateBp')).toBe('返利比例');
    expect(labelOfPath(SETTINGS_FIELD_LABELS, 'channels.ecommerce')).toBe('渠道名称');
    expect(labelOfPath(SETTINGS_FIELD_LABELS, 'commissionBpByChannel.referral')).toBe('渠道提成比例');
    expect(labelOfPath(SETTINGS_FIELD_LABELS, 'followUp.f1OffsetsDays.2')).toBe('F1 回访日（建档后第几天）');
    expect(labelOfPath(SETTINGS_FIELD_LABELS, '')).toBeUndefined();
    expect(labelOfPath(SETTINGS_FIELD_LABELS, 'nothing.here')).toBeUndefined();
    expect(labelOfPath(STORE_FIELD_LABELS, 'openingHours.0.close')).toBe('打烊时间');
    expect(labelOfPath(PRODUCT_FIELD_LABELS, 'storeIds.1')).toBe('提供门店');
  });

  test('field labels: every setting a manager can edit has a Chinese name', () => {
    const leaves = (value: unknown, prefix: string): string[] => {
      if (Array.isArray(value)) return value.length ? leaves(value[0], `${prefix}.0`) : [prefix];
      if (typeof value === 'object' && value !== null) {
        return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
      }
      return [prefix];
    };
    const sample = {
      ...DEFAULT_SETTINGS,
      clinicProfile: {
        institutionName: '',
        licenceNumber: '',
        doctors: [{ name: '', title: '', licenceNumber: '', specialties: '', photoFileId: '' }],
      },
      commissionBpByChannel: { referral: 0 },
      rewards: { policies: [{ ...DEFAULT_SETTINGS.rewards.policies[0]!, giftName: '' }] },
    };
    // The pattern of a leaf: indexes and record keys as *; an element of a plain list is its list.
    const pattern = (p: string) => {
      const parts = p.split('.');
      if (/^\d+$/.test(parts[parts.length - 1]!)) parts.pop();
      const records = ['channels', 'commissionBpByChannel'];
      return parts.map((part, i) => (/^\d+$/.test(part) || records.includes(parts[i - 1]!) ? '*' : part)).join('.');
    };
    const missing = leaves(sample, '').filter((p) => SETTINGS_FIELD_LABELS[pattern(p)] === undefined);
    expect(missing).toEqual([]);
  });
});
