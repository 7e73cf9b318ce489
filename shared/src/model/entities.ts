import * as z from 'zod/mini';
import '../locale';
import { canonicalPhoneSchema } from '../identity/phone';
import { shownProfileSchema } from '../identity/shown-referrer';
import { channelIdSchema } from './channels';
import { departmentSchema, managerKindSchema, staffPostSchema, starLevelSchema } from './people';
import {
  fenSchema,
  idSchema,
  labelCodes,
  instantSchema,
  localDateSchema,
  personNameSchema,
  shortTextSchema,
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
  openids: z._default(z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(z.maxLength(10)), []),
  /** existing = has had at least one paid treatment. */
  kind: z.enum(['existing', 'new']),
  starLevel: z.optional(starLevelSchema),
  /** Satisfaction 1–5 from the satisfaction survey (§5). */
  satisfaction: z.optional(z.int().check(z.gte(1), z.lte(5))),
  segment: z._default(z.enum(['vip', 'important', 'high_satisfaction', 'bargain', 'general']), 'general'),
  /** Staff member and department that own this (old) customer. */
  ownerStaffId: z.optional(idSchema),
  ownerDepartment: z.optional(departmentSchema),
  lastTreatmentDate: z.optional(localDateSchema),
  nextTreatmentDate: z.optional(localDateSchema),
  /** True once the customer has referred someone who was filed. */
  hasReferred: z._default(z.boolean(), false),
  /** The last day a staff member asked this customer for a referral (§5 golden time, cooldown). */
  lastAskedOn: z.optional(localDateSchema),
  source: z._default(z.enum(['crm_import', 'deal', 'booking', 'desk']), 'booking'),
  /** 备注 from the clinic's CRM (customer import). */
  note: z.optional(shortTextSchema),
  createdAt: instantSchema,
  /**
   * Moves on with every deal and reward-ledger entry recorded for this customer (absent = 0). A
   * deal's transaction checks it against the value it read before loading the customer's deals and
   * ledger, so that decisions made on those (first paid deal, caps, balance) are never stale.
   */
  accountVersion: z.optional(z.int().check(z.gte(0))),
  /** How the holder of a referral card lets friends see them (referral.setShownProfile); absent = masked. */
  shownProfile: z.optional(shownProfileSchema),
});
export type Customer = z.output<typeof customerSchema>;

export const staffSchema = z.strictObject({
  id: idSchema,
  ...scoped,
  name: personNameSchema,
  post: staffPostSchema,
  department: departmentSchema,
  phone: z.optional(canonicalPhoneSchema),
  openid: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  /** The colleague's 企业微信 member id (成员 UserID), when the clinic reaches staff through WeCom. */
  wecomUserId: z.optional(
    z.string().check(z.regex(/^[A-Za-z0-9_.@-]{1,64}$/, { error: '企业微信成员 ID 只能包含字母、数字和 _ . @ -' })),
  ),
  /** Present for managers: store manager, channel lead, general manager. */
  managerKind: z.optional(managerKindSchema),
  /** Sets the clinic up (staff invites, settings); granted in the database only. */
  admin: z.optional(z.boolean()),
  active: z._default(z.boolean(), true),
  /** Set when the colleague left (staff.deactivate): when, by whom, and who took over their work. */
  deactivatedAt: z.optional(instantSchema),
  deactivatedByStaffId: z.optional(idSchema),
  handoverToStaffId: z.optional(idSchema),
});
export type Staff = z.output<typeof staffSchema>;

export const FILING_SOURCES = {
  card: '老客推荐卡/二维码',
  mini_program: '小程序自助预约',
  staff: '员工建档',
  desk: '前台到院建档',
  crm_import: 'CRM 导入',
} as const;
export type FilingSource = keyof typeof FILING_SOURCES;
export const filingSourceSchema = z.enum(labelCodes(FILING_SOURCES));

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
  referrerCustomerId: z.optional(idSchema),
  filedByStaffId: z.optional(idSchema),
  ownerStaffId: z.optional(idSchema),
  ownerDepartment: z.optional(departmentSchema),
  grade: z.optional(followUpGradeSchema),
  productIds: z._default(z.array(idSchema).check(z.maxLength(20)), []),
  /** What the person wants and when they expect to come (a referral collected by staff, §5). */
  need: z.optional(shortTextSchema),
  expectedVisitDate: z.optional(localDateSchema),
  isTouch: z._default(z.boolean(), false),
});
export type Filing = z.output<typeof filingSchema>;

export const visitSchema = z.strictObject({
  id: idSchema,
  ...scoped,
  customerId: idSchema,
  at: instantSchema,
  bookingId: z.optional(idSchema),
  /** Existing customers who arrived together with this person (R5). */
  companionCustomerIds: z._default(z.array(idSchema).check(z.maxLength(10)), []),
  /** The person says this existing customer recommended them (R3). */
  claimedReferrerCustomerId: z.optional(idSchema),
  /** The person asked for this consultant by name (R4). */
  namedConsultantStaffId: z.optional(idSchema),
  receivedByStaffId: z.optional(idSchema),
  receivedByDepartment: z.optional(departmentSchema),
  /** The staff member who checked the person in. */
  checkedInByStaffId: z.optional(idSchema),
  productIds: z._default(z.array(idSchema).check(z.maxLength(20)), []),
});
export type Visit = z.output<typeof visitSchema>;

export const ATTRIBUTION_RULES = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7'] as const;
export type AttributionRule = (typeof ATTRIBUTION_RULES)[number];

/** The result of attribution (docs/business-rules.md §3), stored once and shown to staff and in the audit log. */
export const attributionRecordSchema = z.strictObject({
  customerId: idSchema,
  filingId: z.optional(idSchema),
  channel: channelIdSchema,
  level: z.union([z.literal(1), z.literal(2)]),
  /** Referrer of the performance record (level-1 referral, or the level-2 tag). */
  referrerCustomerId: z.optional(idSchema),
  /** R9: who receives referral benefits, independent of the channel. */
  benefitReferrerCustomerId: z.optional(idSchema),
  creditedStaffId: z.optional(idSchema),
  creditedDepartment: z.optional(departmentSchema),
  filedAt: z.optional(instantSchema),
  filedByStaffId: z.optional(idSchema),
  firstVisitAt: z.optional(instantSchema),
  leadDays: z.optional(z.int()),
  rule: z.enum(ATTRIBUTION_RULES),
  explanation: z.string().check(z.maxLength(200)),
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
  staffId: z.optional(idSchema),
  department: z.optional(departmentSchema),
  /** The `deals.record` request (its idempotency key) that recorded this deal; absent for imported deals. */
  requestId: z.optional(idSchema),
});
export type Deal = z.output<typeof dealSchema>;

/** 会销: events that V2/V3/N1 follow-ups key off (§7). */
export const eventSchema = z.strictObject({
  id: idSchema,
  chainId: idSchema,
  /** Empty = every store. */
  storeIds: z._default(z.array(idSchema).check(z.maxLength(200)), []),
  title: z.string().check(z.minLength(1), z.maxLength(40)),
  date: localDateSchema,
  kind: z.enum(['regular', 'product', 'referral_special']),
  productIds: z._default(z.array(idSchema).check(z.maxLength(50)), []),
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
export const declineReasonSchema = z.enum(labelCodes(DECLINE_REASONS));

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
  kind: z.enum(labelCodes(FOLLOW_UP_TASK_KINDS)),
  grade: z.optional(followUpGradeSchema),
  dueDate: localDateSchema,
  status: z.enum(['open', 'done', 'cancelled']),
  eventId: z.optional(idSchema),
  result: z.optional(followUpResultCodeSchema),
  reason: z.optional(declineReasonSchema),
  note: z.optional(shortTextSchema),
  createdAt: instantSchema,
  doneAt: z.optional(instantSchema),
  /** "Remind me later": the task comes back at this time; the due date stays (null once moved). */
  remindAt: z.optional(z.nullable(instantSchema)),
});
export type FollowUpTask = z.output<typeof followUpTaskSchema>;

/** 四部回访组 verification queue (V4, N2). */
export const verificationItemSchema = z.strictObject({
  id: idSchema,
  ...scoped,
  customerId: idSchema,
  result: z.enum(['V4', 'N2']),
  reason: z.optional(declineReasonSchema),
  note: z.optional(shortTextSchema),
  department: z.literal('cs4_followup'),
  status: z.enum(['pending', 'confirmed_removed', 'restored']),
  /** Who recorded the V4/N2 result, and who verified it and how. */
  submittedByStaffId: z.optional(idSchema),
  verifiedByStaffId: z.optional(idSchema),
  verifiedAt: z.optional(instantSchema),
  verifierNote: z.optional(shortTextSchema),
  createdAt: instantSchema,
});
export type VerificationItem = z.output<typeof verificationItemSchema>;

export const referralCardSchema = z.strictObject({
  code: z.string().check(z.minLength(6), z.maxLength(16)),
  customerId: idSchema,
  chainId: idSchema,
  status: z.enum(['active', 'revoked']),
  issuedAt: instantSchema,
  revokedAt: z.optional(instantSchema),
});
export type ReferralCard = z.output<typeof referralCardSchema>;

/** Reward ledger (§8): append-only; a credit is later used or expires by further entries. */
export const rewardLedgerEntrySchema = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(128)),
  chainId: idSchema,
  /**
   * The store of the deal behind the entry (a credit's deal; a use's checkout; an expiry keeps its
   * credit's), so the audit log reads a store's rewards in the database. Absent on older entries.
   */
  storeId: z.optional(idSchema),
  customerId: idSchema,
  type: z.enum(['credit', 'use', 'expire']),
  policyId: z.string().check(z.minLength(1), z.maxLength(32)),
  kind: z.enum(['rebate', 'gift_voucher', 'physical_gift', 'points']),
  /** fen for rebate/voucher, points for points, item count for physical gifts. */
  unit: z.enum(['fen', 'points', 'item']),
  amount: z.int().check(z.gte(0), z.lte(Number.MAX_SAFE_INTEGER)),
  role: z.enum(['referrer', 'referee']),
  dealId: idSchema,
  refereeCustomerId: idSchema,
  referrerCustomerId: idSchema,
  /** For use/expire: the credit entry they draw on. */
  creditId: z.optional(z.string().check(z.minLength(1), z.maxLength(128))),
  giftName: z.optional(z.string().check(z.maxLength(40))),
  /** Worth in fen, for reports (physical gifts). */
  valueFen: z.optional(fenSchema),
  at: instantSchema,
  expiresOn: z.optional(localDateSchema),
});
export type RewardLedgerEntry = z.output<typeof rewardLedgerEntrySchema>;

export const auditLogEntrySchema = z.strictObject({
  id: idSchema,
  chainId: idSchema,
  at: instantSchema,
  actorId: idSchema,
  action: z.string().check(z.minLength(1), z.maxLength(64)),
  targetId: idSchema,
  outcome: z.enum(['allowed', 'rejected']),
  rule: z.optional(z.string().check(z.maxLength(8))),
  message: z.string().check(z.maxLength(200)),
  /** The store the entry concerns (a store manager reads only theirs); absent for chain-wide changes. */
  storeId: z.optional(idSchema),
  /** A change made by a manager (settings, a store, a product): what it was and what it became. */
  section: z.optional(z.string().check(z.maxLength(32))),
  before: z.optional(z.unknown()),
  after: z.optional(z.unknown()),
  /** The version the change made (the settings', the store's, the product's). */
  version: z.optional(z.int().check(z.gte(0))),
});
export type AuditLogEntry = z.output<typeof auditLogEntrySchema>;

// Split into their own files so that a bundle which needs only these (the customer's main package)
// does not carry every other entity's schema.
export * from './store';
export * from './product';
export * from './booking';
