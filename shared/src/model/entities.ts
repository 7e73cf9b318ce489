import * as z from 'zod';
import '../locale';
import { canonicalPhoneSchema } from '../identity/phone';
import { channelIdSchema } from './channels';
import { departmentSchema, managerKindSchema, staffPostSchema, starLevelSchema } from './people';
import {
  fenSchema,
  idSchema,
  instantSchema,
  localDateSchema,
  personNameSchema,
  shortTextSchema,
  timeOfDaySchema,
} from './primitives';

/**
 * The stored shapes of the referral channel (docs/business-rules.md §§1–8). Seed data and cloud functions are
 * written against these; keep them stable (add optional fields, never rename).
 * Every record belongs to one store of a chain (§1). Times are instants with offsets; dates are
 * Shanghai calendar dates; money is integer fen.
 */

const scoped = {
  chainId: idSchema,
  storeId: idSchema,
};

/** 老客 / 新客. A person is identified by their canonical mobile number (§2). */
export const customerSchema = z.strictObject({
  id: idSchema,
  ...scoped,
  name: personNameSchema,
  phone: canonicalPhoneSchema,
  /** WeChat OPENIDs seen for this person (self-referral checks, §R9). */
  openids: z.array(z.string().min(1).max(64)).max(10).default([]),
  /** existing = has had at least one paid treatment. */
  kind: z.enum(['existing', 'new']),
  starLevel: starLevelSchema.optional(),
  /** Satisfaction 1–5 from the satisfaction survey (§5). */
  satisfaction: z.number().int().min(1).max(5).optional(),
  segment: z.enum(['vip', 'important', 'high_satisfaction', 'bargain', 'general']).default('general'),
  /** Staff member and department that own this (old) customer. */
  ownerStaffId: idSchema.optional(),
  ownerDepartment: departmentSchema.optional(),
  lastTreatmentDate: localDateSchema.optional(),
  nextTreatmentDate: localDateSchema.optional(),
  /** True once the customer has referred someone who was filed. */
  hasReferred: z.boolean().default(false),
  /** The last day a staff member asked this customer for a referral (§5 golden time, cooldown). */
  lastAskedOn: localDateSchema.optional(),
  source: z.enum(['crm_import', 'deal', 'booking', 'desk']).default('booking'),
  createdAt: instantSchema,
  /**
   * Moves on with every deal and reward-ledger entry recorded for this customer (absent = 0). A
   * deal's transaction checks it against the value it read before loading the customer's deals and
   * ledger, so that decisions made on those (first paid deal, caps, balance) are never stale.
   */
  accountVersion: z.number().int().min(0).optional(),
});
export type Customer = z.output<typeof customerSchema>;

export const staffSchema = z.strictObject({
  id: idSchema,
  ...scoped,
  name: personNameSchema,
  post: staffPostSchema,
  department: departmentSchema,
  phone: canonicalPhoneSchema.optional(),
  openid: z.string().min(1).max(64).optional(),
  /** The colleague's 企业微信 member id (成员 UserID), when the clinic reaches staff through WeCom. */
  wecomUserId: z
    .string()
    .regex(/^[A-Za-z0-9_.@-]{1,64}$/, { error: '企业微信成员 ID 只能包含字母、数字和 _ . @ -' })
    .optional(),
  /** Present for managers: store manager, channel lead, general manager. */
  managerKind: managerKindSchema.optional(),
  /** Sets the clinic up (staff invites, settings); granted in the database only. */
  admin: z.boolean().optional(),
  active: z.boolean().default(true),
  /** Set when the colleague left (staff.deactivate): when, by whom, and who took over their work. */
  deactivatedAt: instantSchema.optional(),
  deactivatedByStaffId: idSchema.optional(),
  handoverToStaffId: idSchema.optional(),
});
export type Staff = z.output<typeof staffSchema>;

export const openingHoursSchema = z.strictObject({
  /** 0 = Sunday … 6 = Saturday. */
  weekday: z.number().int().min(0).max(6),
  open: timeOfDaySchema,
  close: timeOfDaySchema,
});

export const storeSchema = z.strictObject({
  id: idSchema,
  chainId: idSchema,
  name: z.string().min(1).max(40),
  address: z.string().max(120).default(''),
  phone: z.string().max(20).optional(),
  /** Where the store is (GCJ-02, as WeChat's map takes it), for 导航 on the customer's appointments. */
  location: z
    .strictObject({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) })
    .optional(),
  /** What a customer should know before coming (entrance, parking, what to bring), one short line each. */
  visitNotes: z.array(z.string().min(1).max(60)).max(6).default([]),
  /** One row per opening weekday; a weekday without a row is closed. */
  openingHours: z.array(openingHoursSchema).max(14),
  /** Dates the store is closed although the weekday is open (holidays, training days). */
  closedDates: z.array(localDateSchema).max(366).default([]),
  slotMinutes: z.number().int().min(10).max(240).default(30),
  capacityPerSlot: z.number().int().min(1).max(100).default(2),
  active: z.boolean().default(true),
});
export type Store = z.output<typeof storeSchema>;

/** Product categories of the clinic's product tables and themed events (§7, §9). */
export const PRODUCT_CATEGORIES = {
  eyes: '眼部整形',
  nose: '鼻部整形',
  breast: '胸部整形',
  hyaluronic_acid: '玻尿酸',
  botulinum: '肉毒素',
  tightening: '紧肤',
  rejuvenation: '嫩肤保养',
  spot_removal: '美肤祛斑',
  scar: '疤痕修复',
  fat_grafting: '自体脂肪',
  orthodontics: '口腔正畸',
  other: '其他',
} as const;
export type ProductCategory = keyof typeof PRODUCT_CATEGORIES;
export const productCategorySchema = z.enum(Object.keys(PRODUCT_CATEGORIES) as [ProductCategory, ...ProductCategory[]]);

export const productSchema = z.strictObject({
  id: idSchema,
  chainId: idSchema,
  name: z.string().min(1).max(40),
  category: productCategorySchema,
  /** Indicative list price; deals carry the real amount. */
  priceFen: fenSchema.optional(),
  durationMinutes: z.number().int().min(5).max(600).default(60),
  /** Stores that offer it; empty = every store of the chain. */
  storeIds: z.array(idSchema).max(200).default([]),
  active: z.boolean().default(true),
});
export type Product = z.output<typeof productSchema>;

export const BOOKING_STATUSES = ['booked', 'cancelled', 'visited', 'no_show'] as const;
export const bookingSchema = z.strictObject({
  id: idSchema,
  ...scoped,
  productId: idSchema,
  customerId: idSchema,
  /** The booker's OPENID (identity comes from the platform, never from the client). */
  openid: z.string().min(1).max(64),
  name: personNameSchema,
  phone: canonicalPhoneSchema,
  date: localDateSchema,
  slot: timeOfDaySchema,
  status: z.enum(BOOKING_STATUSES),
  referralCode: z.string().max(16).optional(),
  referrerCustomerId: idSchema.optional(),
  /** Version of the privacy consent the booker accepted. */
  consentVersion: z.string().min(1).max(16),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  cancelledAt: instantSchema.optional(),
});
export type Booking = z.output<typeof bookingSchema>;

export const FILING_SOURCES = {
  card: '老客推荐卡/二维码',
  mini_program: '小程序自助预约',
  staff: '员工建档',
  desk: '前台到院建档',
  crm_import: 'CRM 导入',
} as const;
export type FilingSource = keyof typeof FILING_SOURCES;
export const filingSourceSchema = z.enum(Object.keys(FILING_SOURCES) as [FilingSource, ...FilingSource[]]);

export const FOLLOW_UP_GRADES = { F1: '一级（强）', F2: '二级（中）', F3: '三级（弱）' } as const;
export type FollowUpGrade = keyof typeof FOLLOW_UP_GRADES;
export const followUpGradeSchema = z.enum(['F1', 'F2', 'F3']);

/**
 * 建档: the first record of a person (R1). Later filings of the same phone are stored with
 * `isTouch: true` and never change attribution.
 */
export const filingSchema = z.strictObject({
  id: idSchema,
  ...scoped,
  customerId: idSchema,
  phone: canonicalPhoneSchema,
  at: instantSchema,
  channel: channelIdSchema,
  /** 1 = level-1 channel; 2 = a referral tagged inside another channel (§2). */
  level: z.union([z.literal(1), z.literal(2)]),
  source: filingSourceSchema,
  referrerCustomerId: idSchema.optional(),
  filedByStaffId: idSchema.optional(),
  ownerStaffId: idSchema.optional(),
  ownerDepartment: departmentSchema.optional(),
  grade: followUpGradeSchema.optional(),
  productIds: z.array(idSchema).max(20).default([]),
  /** What the person wants and when they expect to come (a referral collected by staff, §5). */
  need: shortTextSchema.optional(),
  expectedVisitDate: localDateSchema.optional(),
  isTouch: z.boolean().default(false),
});
export type Filing = z.output<typeof filingSchema>;

export const visitSchema = z.strictObject({
  id: idSchema,
  ...scoped,
  customerId: idSchema,
  at: instantSchema,
  bookingId: idSchema.optional(),
  /** Existing customers who arrived together with this person (R5). */
  companionCustomerIds: z.array(idSchema).max(10).default([]),
  /** The person says this existing customer recommended them (R3). */
  claimedReferrerCustomerId: idSchema.optional(),
  /** The person asked for this consultant by name (R4). */
  namedConsultantStaffId: idSchema.optional(),
  receivedByStaffId: idSchema.optional(),
  receivedByDepartment: departmentSchema.optional(),
  /** The staff member who checked the person in. */
  checkedInByStaffId: idSchema.optional(),
  productIds: z.array(idSchema).max(20).default([]),
});
export type Visit = z.output<typeof visitSchema>;

export const ATTRIBUTION_RULES = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7'] as const;
export type AttributionRule = (typeof ATTRIBUTION_RULES)[number];

/** The result of attribution (docs/business-rules.md §3), stored once and shown to staff and in the audit log. */
export const attributionRecordSchema = z.strictObject({
  customerId: idSchema,
  filingId: idSchema.optional(),
  channel: channelIdSchema,
  level: z.union([z.literal(1), z.literal(2)]),
  /** Referrer of the performance record (level-1 referral, or the level-2 tag). */
  referrerCustomerId: idSchema.optional(),
  /** R9: who receives referral benefits, independent of the channel. */
  benefitReferrerCustomerId: idSchema.optional(),
  creditedStaffId: idSchema.optional(),
  creditedDepartment: departmentSchema.optional(),
  filedAt: instantSchema.optional(),
  filedByStaffId: idSchema.optional(),
  firstVisitAt: instantSchema.optional(),
  leadDays: z.number().int().optional(),
  rule: z.enum(ATTRIBUTION_RULES),
  explanation: z.string().max(200),
  /** True while the person has not visited yet: lead time (R2) is not known. */
  provisional: z.boolean(),
});
export type AttributionRecord = z.output<typeof attributionRecordSchema>;

export const dealSchema = z.strictObject({
  id: idSchema,
  ...scoped,
  customerId: idSchema,
  productId: idSchema,
  at: instantSchema,
  /** List amount of the deal and the amount actually paid, in fen. */
  amountFen: fenSchema,
  paidFen: fenSchema,
  staffId: idSchema.optional(),
  department: departmentSchema.optional(),
  /** The `deals.record` request (its idempotency key) that recorded this deal; absent for imported deals. */
  requestId: idSchema.optional(),
});
export type Deal = z.output<typeof dealSchema>;

/** 会销: events that V2/V3/N1 follow-ups key off (§7). */
export const eventSchema = z.strictObject({
  id: idSchema,
  chainId: idSchema,
  /** Empty = every store. */
  storeIds: z.array(idSchema).max(200).default([]),
  title: z.string().min(1).max(40),
  date: localDateSchema,
  kind: z.enum(['regular', 'product', 'referral_special']),
  productIds: z.array(idSchema).max(50).default([]),
});
export type ClinicEvent = z.output<typeof eventSchema>;

export const FOLLOW_UP_RESULTS = {
  V1: '有效一级：确定到院时间',
  V2: '有效二级：有意向，时间未定',
  V3: '有效三级：本次不参加',
  V4: '有效四级：已在竞品消费',
  N1: '无效一级：暂时无法接通',
  N2: '无效二级：号码已失效',
} as const;
export type FollowUpResultCode = keyof typeof FOLLOW_UP_RESULTS;
export const followUpResultCodeSchema = z.enum(['V1', 'V2', 'V3', 'V4', 'N1', 'N2']);

export const DECLINE_REASONS = {
  region: '地域因素',
  time: '时间因素',
  price: '价格因素',
  competitor: '竞品因素',
  other: '其他因素',
} as const;
export type DeclineReason = keyof typeof DECLINE_REASONS;
export const declineReasonSchema = z.enum(Object.keys(DECLINE_REASONS) as [DeclineReason, ...DeclineReason[]]);

export const FOLLOW_UP_TASK_KINDS = {
  cadence: '分级回访',
  visit_reminder: '到院前提醒',
  event_invite: '会销邀约',
  retry: '再次联系',
  friend_check: '老客新客跟进',
} as const;
export type FollowUpTaskKind = keyof typeof FOLLOW_UP_TASK_KINDS;

export const followUpTaskSchema = z.strictObject({
  id: idSchema,
  ...scoped,
  customerId: idSchema,
  ownerStaffId: idSchema,
  kind: z.enum(Object.keys(FOLLOW_UP_TASK_KINDS) as [FollowUpTaskKind, ...FollowUpTaskKind[]]),
  grade: followUpGradeSchema.optional(),
  dueDate: localDateSchema,
  status: z.enum(['open', 'done', 'cancelled']),
  eventId: idSchema.optional(),
  result: followUpResultCodeSchema.optional(),
  reason: declineReasonSchema.optional(),
  note: shortTextSchema.optional(),
  createdAt: instantSchema,
  doneAt: instantSchema.optional(),
  /** "Remind me later": the task comes back at this time; the due date stays (null once moved). */
  remindAt: instantSchema.nullable().optional(),
});
export type FollowUpTask = z.output<typeof followUpTaskSchema>;

/** 四部回访组 verification queue (V4, N2). */
export const verificationItemSchema = z.strictObject({
  id: idSchema,
  ...scoped,
  customerId: idSchema,
  result: z.enum(['V4', 'N2']),
  reason: declineReasonSchema.optional(),
  note: shortTextSchema.optional(),
  department: z.literal('cs4_followup'),
  status: z.enum(['pending', 'confirmed_removed', 'restored']),
  /** Who recorded the V4/N2 result, and who verified it and how. */
  submittedByStaffId: idSchema.optional(),
  verifiedByStaffId: idSchema.optional(),
  verifiedAt: instantSchema.optional(),
  verifierNote: shortTextSchema.optional(),
  createdAt: instantSchema,
});
export type VerificationItem = z.output<typeof verificationItemSchema>;

export const referralCardSchema = z.strictObject({
  code: z.string().min(6).max(16),
  customerId: idSchema,
  chainId: idSchema,
  status: z.enum(['active', 'revoked']),
  issuedAt: instantSchema,
  revokedAt: instantSchema.optional(),
});
export type ReferralCard = z.output<typeof referralCardSchema>;

/** Reward ledger (§8): append-only; a credit is later used or expires by further entries. */
export const rewardLedgerEntrySchema = z.strictObject({
  id: z.string().min(1).max(128),
  chainId: idSchema,
  customerId: idSchema,
  type: z.enum(['credit', 'use', 'expire']),
  policyId: z.string().min(1).max(32),
  kind: z.enum(['rebate', 'gift_voucher', 'physical_gift', 'points']),
  /** fen for rebate/voucher, points for points, item count for physical gifts. */
  unit: z.enum(['fen', 'points', 'item']),
  amount: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  role: z.enum(['referrer', 'referee']),
  dealId: idSchema,
  refereeCustomerId: idSchema,
  referrerCustomerId: idSchema,
  /** For use/expire: the credit entry they draw on. */
  creditId: z.string().min(1).max(128).optional(),
  giftName: z.string().max(40).optional(),
  /** Worth in fen, for reports (physical gifts). */
  valueFen: fenSchema.optional(),
  at: instantSchema,
  expiresOn: localDateSchema.optional(),
});
export type RewardLedgerEntry = z.output<typeof rewardLedgerEntrySchema>;

export const auditLogEntrySchema = z.strictObject({
  id: idSchema,
  chainId: idSchema,
  at: instantSchema,
  actorId: idSchema,
  action: z.string().min(1).max(64),
  targetId: idSchema,
  outcome: z.enum(['allowed', 'rejected']),
  rule: z.string().max(8).optional(),
  message: z.string().max(200),
});
export type AuditLogEntry = z.output<typeof auditLogEntrySchema>;
