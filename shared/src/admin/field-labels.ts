/**
 * Chinese names of the fields managers edit, by path pattern (`*` = any array index or record key).
 * The server names the field in every refusal with them, and the client's forms use the same names,
 * so what the message says is what the form shows.
 */
export const SETTINGS_FIELD_LABELS: Readonly<Record<string, string>> = {
  minLeadDays: '老带新提前建档天数',
  channels: '一级渠道',
  'channels.*': '渠道名称',
  cardReferralChannel: '推荐卡预约归属',
  referralShareTargetBp: '老带新业绩占比目标',
  defaultCommissionBp: '默认提成比例',
  commissionBpByChannel: '分渠道提成比例',
  'commissionBpByChannel.*': '渠道提成比例',
  rewards: '奖励政策',
  'rewards.policies': '奖励政策',
  'rewards.policies.*.id': '政策编号',
  'rewards.policies.*.kind': '奖励类型',
  'rewards.policies.*.recipients': '奖励对象',
  'rewards.policies.*.rateBp': '返利比例',
  'rewards.policies.*.pointsPerYuan': '每元积分',
  'rewards.policies.*.giftName': '礼品名称',
  'rewards.policies.*.giftValueFen': '礼品价值',
  'rewards.policies.*.capPerCustomer': '每人累计上限',
  'rewards.policies.*.capPerPeriod': '每人每期上限',
  'rewards.policies.*.period': '上限周期',
  'rewards.policies.*.expiryDays': '有效天数',
  'rewards.policies.*.minDealFen': '最低成交金额',
  followUp: '回访节奏',
  'followUp.f1OffsetsDays': 'F1 回访日（建档后第几天）',
  'followUp.f2StartMonths': 'F2 开始（建档后几个月）',
  'followUp.f2DaysOfMonth': 'F2 每月回访日',
  'followUp.f3StartMonths': 'F3 开始（建档后几个月）',
  'followUp.f3IntervalMonths': 'F3 回访间隔（月）',
  'followUp.eventLeadDays': '活动前提前回访天数',
  'followUp.fallbackDays': '无活动时回访间隔',
  'followUp.friendFirstCheckDays': '首次询问好友（天后）',
  'followUp.friendCheckIntervalDays': '好友跟进间隔',
  'followUp.planAhead': '提前排期条数',
  'followUp.escalateAfterDays': '逾期提醒店长天数',
  'followUp.reassignAfterDays': '逾期提请改派天数',
  goldenTime: '黄金时间',
  'goldenTime.windows': '黄金时间窗口',
  'goldenTime.windows.*.id': '窗口编号',
  'goldenTime.windows.*.label': '窗口名称',
  'goldenTime.windows.*.fromMonth': '起始月',
  'goldenTime.windows.*.toMonth': '结束月',
  'goldenTime.windows.*.weight': '权重',
  'goldenTime.starWeight': '每高一星加分',
  'goldenTime.satisfactionWeight': '满意度每高一级加分',
  'goldenTime.referredBeforeBonus': '推荐过的老客加分',
  'goldenTime.askCooldownDays': '再次宣导间隔',
  referralCode: '推荐码与分享',
  'referralCode.bodyLength': '推荐码长度',
  'referralCode.scenePrefix': '小程序码场景值前缀',
  'referralCode.keepOnDeviceDays': '好友设备保留推荐码天数',
  visitReminderDaysBefore: '到院提醒提前天数',
  notifications: '消息与提醒',
  'notifications.visitReminderTemplateId': '到院提醒模板 ID',
  'notifications.referralUpdateTemplateId': '推荐进度模板 ID',
  'notifications.staffDigestTemplateId': '员工回访汇总模板 ID',
  'notifications.digestHour': '回访汇总发送时间',
  'notifications.staffDigestLongTerm': '回访汇总为长期订阅模板',
  'notifications.channelOrder': '发送渠道顺序',
  'notifications.channelOrder.staff_digest': '员工回访汇总的发送渠道',
  'notifications.channelOrder.visit_reminder': '到院提醒的发送渠道',
  'notifications.channelOrder.referral_update': '推荐进度的发送渠道',
  privacyNoticeVersion: '隐私政策版本',
  clinicProfile: '机构资质与医生',
  'clinicProfile.institutionName': '机构名称',
  'clinicProfile.licenceNumber': '执业许可证登记号',
  'clinicProfile.doctors': '医生',
  'clinicProfile.doctors.*.name': '医生姓名',
  'clinicProfile.doctors.*.title': '职称',
  'clinicProfile.doctors.*.licenceNumber': '医师执业证书编码',
  'clinicProfile.doctors.*.specialties': '擅长项目',
  'clinicProfile.doctors.*.photoFileId': '医生照片',
};

export const STORE_FIELD_LABELS: Readonly<Record<string, string>> = {
  openingHours: '营业时间',
  'openingHours.*.weekday': '星期',
  'openingHours.*.open': '开门时间',
  'openingHours.*.close': '打烊时间',
  closedDates: '休息日期',
  slotMinutes: '每个预约时段',
  capacityPerSlot: '每时段可约人数',
  photoFileIds: '门店照片',
};

export const PRODUCT_FIELD_LABELS: Readonly<Record<string, string>> = {
  name: '项目名称',
  category: '项目分类',
  priceFen: '参考价格',
  durationMinutes: '项目时长',
  storeIds: '提供门店',
  active: '上架',
};

/** Keys whose children are a record (any key), not fixed fields. */
const RECORD_FIELDS = new Set(['channels', 'commissionBpByChannel']);

/**
 * The label of a dotted path: array indexes and record keys match `*`; a path deeper than any
 * pattern (one element of a list of days) takes its nearest named parent's label.
 */
export function labelOfPath(labels: Readonly<Record<string, string>>, path: string): string | undefined {
  const parts = path === '' ? [] : path.split('.');
  const pattern = parts.map((p, i) =>
    /^\d+$/.test(p) || (i > 0 && RECORD_FIELDS.has(parts[i - 1] as string)) ? '*' : p,
  );
  for (let n = pattern.length; n > 0; n--) {
    const label = labels[pattern.slice(0, n).join('.')];
    if (label !== undefined) return label;
  }
  return undefined;
}
