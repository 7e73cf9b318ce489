import { REWARD_KINDS, type SettingsSectionId } from '@clinic/shared';
import type { Kind, Option } from './field-kinds';

/**
 * What each settings section's form shows, in order: plain fields (by their path in the
 * settings), lists of records (reward policies, golden-time windows, doctors), and the two
 * channel tables. The field names come from shared's labels, so a server refusal names the field
 * exactly as the form does.
 */
export interface FieldSpec {
  /** Path relative to the block (a list item's key, or a path under `base`). */
  key: string;
  kind: Kind;
  /** In a list item: the kind follows another field of the item (a cap is yuan, points or pieces). */
  kindByItem?: (item: Readonly<Record<string, unknown>>) => Kind;
  hint?: string;
}

/** A reward cap is counted in the policy's unit: yuan for money, points, or pieces of a gift. */
export function capKind(item: Readonly<Record<string, unknown>>): Kind {
  if (item.kind === 'points') return { type: 'int', unit: '积分', nullable: '不限' };
  if (item.kind === 'physical_gift') return { type: 'int', unit: '件', nullable: '不限' };
  return { type: 'yuan', nullable: '不限' };
}

export type Block =
  | { type: 'fields'; base: string; fields: FieldSpec[] }
  | {
      type: 'list';
      path: string;
      title: string;
      itemTitle: string;
      fields: FieldSpec[];
      max: number;
      min: number;
      newItem: (index: number) => Record<string, unknown>;
    }
  | { type: 'channels' }
  | { type: 'commission' };

const days = (): Kind => ({ type: 'int', unit: '天' });
const int = (unit?: string, nullable?: string): Kind => ({
  type: 'int',
  ...(unit ? { unit } : {}),
  ...(nullable ? { nullable } : {}),
});
const text = (maxLength: number, optional = false): Kind => ({
  type: 'text',
  maxLength,
  ...(optional ? { optional } : {}),
});
const options = (labels: Record<string, string>): Option[] =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

export const NOTIFY_CHANNEL_OPTIONS: Option[] = [
  { value: 'subscribe', label: '订阅消息' },
  { value: 'wecom', label: '企业微信' },
  { value: 'in_app', label: '小程序内' },
];
const CUSTOMER_CHANNEL_OPTIONS = NOTIFY_CHANNEL_OPTIONS.filter((o) => o.value !== 'wecom');

export const REWARD_RECIPIENT_OPTIONS: Option[] = [
  { value: 'both', label: '推荐人和新客' },
  { value: 'referrer', label: '推荐人' },
  { value: 'referee', label: '新客' },
];

export const SECTION_LAYOUTS: Record<SettingsSectionId, { intro: string; blocks: Block[] }> = {
  attribution: {
    intro: '一级渠道与归属规则：老带新的提前建档天数决定好友能否计为老带新（R2）',
    blocks: [
      { type: 'channels' },
      {
        type: 'fields',
        base: '',
        fields: [
          {
            key: 'cardReferralChannel',
            kind: {
              type: 'choice',
              options: [
                { value: 'referral', label: '老带新（一级渠道）' },
                { value: 'mini_program', label: '小程序（二级老带新）' },
              ],
            },
            hint: '好友通过老客推荐卡预约时归入哪个渠道',
          },
          { key: 'minLeadDays', kind: days(), hint: '好友须在首次到院前至少提前几天建档，才计为老带新' },
        ],
      },
    ],
  },
  targets: {
    intro: '老带新业绩占比目标与员工提成（比例按百分比填写）',
    blocks: [
      {
        type: 'fields',
        base: '',
        fields: [
          { key: 'referralShareTargetBp', kind: { type: 'percent' }, hint: '老带新业绩占总业绩的目标比例' },
          { key: 'defaultCommissionBp', kind: { type: 'percent' }, hint: '未单独设置的渠道按此比例提成' },
        ],
      },
      { type: 'commission' },
    ],
  },
  rewards: {
    intro: '老带新奖励：好友首次付费成交后按政策发放',
    blocks: [
      {
        type: 'list',
        path: 'rewards.policies',
        title: '奖励政策',
        itemTitle: '政策',
        min: 0,
        max: 10,
        newItem: (i) => ({
          id: `policy${i + 1}`,
          kind: 'rebate',
          recipients: 'both',
          rateBp: 500,
          pointsPerYuan: 0,
          giftValueFen: 0,
          capPerCustomer: null,
          capPerPeriod: null,
          period: 'month',
          expiryDays: 365,
          minDealFen: 0,
        }),
        fields: [
          { key: 'id', kind: text(32), hint: '字母或数字，保存后请勿修改（奖励记录按编号关联）' },
          { key: 'kind', kind: { type: 'choice', options: options(REWARD_KINDS) } },
          { key: 'recipients', kind: { type: 'choice', options: REWARD_RECIPIENT_OPTIONS } },
          { key: 'rateBp', kind: { type: 'percent' }, hint: '返利金、抵扣券：按好友实付金额的比例' },
          { key: 'pointsPerYuan', kind: int('积分/元'), hint: '积分：每实付 1 元得多少积分' },
          { key: 'giftName', kind: text(40, true), hint: '实物礼品：礼品名称' },
          { key: 'giftValueFen', kind: { type: 'yuan' } },
          { key: 'capPerCustomer', kind: capKind({}), kindByItem: capKind, hint: '留空为不限' },
          { key: 'capPerPeriod', kind: capKind({}), kindByItem: capKind, hint: '留空为不限' },
          {
            key: 'period',
            kind: {
              type: 'choice',
              options: [
                { value: 'month', label: '每月' },
                { value: 'year', label: '每年' },
              ],
            },
          },
          { key: 'expiryDays', kind: int('天', '永久有效'), hint: '留空为永久有效' },
          { key: 'minDealFen', kind: { type: 'yuan' }, hint: '实付低于此金额不发放' },
        ],
      },
    ],
  },
  followUp: {
    intro: '新客建档后的回访节奏（F1/F2/F3）与逾期督办',
    blocks: [
      {
        type: 'fields',
        base: 'followUp',
        fields: [
          { key: 'f1OffsetsDays', kind: { type: 'intList', unit: '天' }, hint: '建档当天为 0，用逗号分隔' },
          { key: 'f2StartMonths', kind: int('个月') },
          { key: 'f2DaysOfMonth', kind: { type: 'intList', unit: '日' }, hint: '每月的哪几天，用逗号分隔' },
          { key: 'f3StartMonths', kind: int('个月') },
          { key: 'f3IntervalMonths', kind: int('个月') },
          { key: 'eventLeadDays', kind: days() },
          { key: 'fallbackDays', kind: days() },
          { key: 'friendFirstCheckDays', kind: days() },
          { key: 'friendCheckIntervalDays', kind: days() },
          { key: 'planAhead', kind: int('条') },
          { key: 'escalateAfterDays', kind: days() },
          { key: 'reassignAfterDays', kind: days(), hint: '不能少于“逾期提醒店长天数”' },
        ],
      },
    ],
  },
  goldenTime: {
    intro: '黄金时间：治疗后第几个月最适合邀请老客推荐，以及排序加分',
    blocks: [
      {
        type: 'list',
        path: 'goldenTime.windows',
        title: '黄金时间窗口',
        itemTitle: '窗口',
        min: 1,
        max: 10,
        newItem: (i) => ({ id: `w${i + 1}`, label: '新窗口', fromMonth: 1, toMonth: null, weight: 10 }),
        fields: [
          { key: 'id', kind: text(16) },
          { key: 'label', kind: text(16) },
          { key: 'fromMonth', kind: int('月'), hint: '治疗当月为第 1 个月' },
          { key: 'toMonth', kind: int('月', '不限'), hint: '留空为不限' },
          { key: 'weight', kind: int('分') },
        ],
      },
      {
        type: 'fields',
        base: 'goldenTime',
        fields: [
          { key: 'starWeight', kind: int('分') },
          { key: 'satisfactionWeight', kind: int('分') },
          { key: 'referredBeforeBonus', kind: int('分') },
          { key: 'askCooldownDays', kind: days() },
        ],
      },
    ],
  },
  referralCode: {
    intro: '老客推荐码、小程序码与分享',
    blocks: [
      {
        type: 'fields',
        base: 'referralCode',
        fields: [
          { key: 'bodyLength', kind: int('位'), hint: '新发的推荐码长度（已发出的不变）' },
          { key: 'scenePrefix', kind: text(8), hint: '如 r=，已印制的小程序码仍可识别' },
          { key: 'keepOnDeviceDays', kind: days(), hint: '好友打开邀请后，推荐码在其手机上保留的天数' },
        ],
      },
    ],
  },
  notifications: {
    intro: '订阅消息模板与提醒：模板 ID 须与小程序后台“订阅消息”中的一致',
    blocks: [
      {
        type: 'fields',
        base: '',
        fields: [{ key: 'visitReminderDaysBefore', kind: days(), hint: '顾客到院提醒与回访确认任务提前的天数' }],
      },
      {
        type: 'fields',
        base: 'notifications',
        fields: [
          { key: 'visitReminderTemplateId', kind: text(64) },
          { key: 'referralUpdateTemplateId', kind: text(64) },
          { key: 'staffDigestTemplateId', kind: text(64) },
          { key: 'digestHour', kind: int('点'), hint: '每天几点起发送（0–23）' },
          { key: 'staffDigestLongTerm', kind: { type: 'bool', on: '是', off: '否' } },
          {
            key: 'channelOrder.staff_digest',
            kind: { type: 'order', options: NOTIFY_CHANNEL_OPTIONS },
            hint: '按点选顺序依次尝试',
          },
          { key: 'channelOrder.visit_reminder', kind: { type: 'order', options: CUSTOMER_CHANNEL_OPTIONS } },
          { key: 'channelOrder.referral_update', kind: { type: 'order', options: CUSTOMER_CHANNEL_OPTIONS } },
        ],
      },
    ],
  },
  privacy: {
    intro: '顾客预约时须同意的隐私政策版本',
    blocks: [
      {
        type: 'fields',
        base: '',
        fields: [
          {
            key: 'privacyNoticeVersion',
            kind: text(16),
            hint: '修改后，顾客须同意该版本的隐私保护指引才能预约：请先确认小程序已发布该版本',
          },
        ],
      },
    ],
  },
  clinicProfile: {
    intro: '好友打开邀请时看到的机构资质与医生团队（不填则不展示）',
    blocks: [
      {
        type: 'fields',
        base: 'clinicProfile',
        fields: [
          { key: 'institutionName', kind: text(60) },
          { key: 'licenceNumber', kind: text(40) },
        ],
      },
      {
        type: 'list',
        path: 'clinicProfile.doctors',
        title: '医生团队',
        itemTitle: '医生',
        min: 0,
        max: 8,
        newItem: () => ({ name: '', title: '', licenceNumber: '', specialties: '' }),
        fields: [
          { key: 'name', kind: text(20) },
          { key: 'title', kind: text(20) },
          { key: 'licenceNumber', kind: text(30) },
          { key: 'specialties', kind: text(60) },
        ],
      },
    ],
  },
};
