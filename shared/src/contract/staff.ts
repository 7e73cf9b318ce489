import * as z from 'zod/mini';
import '../locale';
import { followUpResultInputSchema } from '../followup/results';
import type { TaskBucket } from '../followup/workbench';
import {
  ATTRIBUTION_RULES,
  FOLLOW_UP_TASK_KINDS,
  declineReasonSchema,
  followUpGradeSchema,
  followUpResultCodeSchema,
} from '../model/entities';
import { departmentSchema, managerKindSchema, staffPostSchema } from '../model/people';
import { phoneInputSchema } from '../identity/phone';
import {
  idSchema,
  labelCodes,
  localDateSchema,
  monthSchema,
  personNameSchema,
  shortTextSchema,
} from '../model/primitives';
import { KPI_METRICS, type KpiMetric } from '../reports/reducers';
import { defineContract } from './envelope';
import { subscriptionResultsSchema } from './subscription';

const cursor = z.optional(z.string().check(z.maxLength(64, { error: '分页标记过长' })));
const limit = z._default(z.int().check(z.gte(1), z.lte(50)), 20);

/** A one-time staff invite code: 8 characters of the referral-code alphabet. */
export const inviteCodeSchema = z
  .string({ error: '请输入邀请码' })
  .check(z.trim(), z.toUpperCase(), z.regex(/^[2-9A-HJKMNP-Z]{8}$/, { error: '邀请码为 8 位字母或数字，请核对' }));

export const TASK_BUCKETS: Record<TaskBucket, string> = {
  today: '今日',
  overdue: '逾期',
  tomorrow: '明日',
  upcoming: '之后',
};
export const taskBucketSchema = z.enum(['today', 'overdue', 'tomorrow', 'upcoming']);

/** What the workbench list shows of a task: enough to decide whom to call first. */
const taskCardSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(labelCodes(FOLLOW_UP_TASK_KINDS)),
  kindLabel: z.string().check(z.maxLength(16)),
  dueDate: localDateSchema,
  /** "Remind me later": the due date stays, the task comes back at this time today. */
  remindAt: z.optional(z.string().check(z.maxLength(40))),
  grade: z.optional(followUpGradeSchema),
  customerId: idSchema,
  displayName: z.string().check(z.maxLength(20)),
  maskedPhone: z.string().check(z.maxLength(16)),
  overdueDays: z.int().check(z.gte(0)),
});
export type TaskCard = z.infer<typeof taskCardSchema>;

const nextStepSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('task'),
    taskKind: z.enum(labelCodes(FOLLOW_UP_TASK_KINDS)),
    dueDate: localDateSchema,
    why: z.string().check(z.maxLength(200)),
  }),
  z.strictObject({ kind: z.literal('await_event'), why: z.string().check(z.maxLength(200)) }),
  z.strictObject({
    kind: z.literal('verification_queue'),
    leavesActivePool: z.boolean(),
    why: z.string().check(z.maxLength(200)),
  }),
]);
export type NextStepView = z.infer<typeof nextStepSchema>;

const verificationItemView = z.strictObject({
  id: idSchema,
  customerId: idSchema,
  displayName: z.string().check(z.maxLength(20)),
  maskedPhone: z.string().check(z.maxLength(16)),
  result: z.enum(['V4', 'N2']),
  reason: z.optional(declineReasonSchema),
  note: z.optional(z.string().check(z.maxLength(200))),
  submittedByName: z.optional(z.string().check(z.maxLength(20))),
  submittedAt: z.string().check(z.maxLength(40)),
});

/** §4 KPIs with their Chinese names, in display order. */
export const KPI_LABELS: Record<KpiMetric, string> = {
  oldCustomers: '老客总量',
  satisfiedCustomers: '满意客户量',
  servedCustomers: '当月服务客户量',
  referralFilings: '带新建档量',
  referralVisits: '带新到院量',
  deals: '成交量',
  dealAmountFen: '成交额',
};
const kpiCount = z
  .number({ error: '目标必须是数字' })
  .check(z.int({ error: '目标必须是整数' }), z.gte(0, { error: '目标不能为负数' }), z.lte(1e12, { error: '目标过大' }));
/** A month's targets: any of the §4 KPIs (成交额 in fen). */
export const kpiTargetsSchema = z.strictObject(
  Object.fromEntries(KPI_METRICS.map((m) => [m, z.optional(kpiCount)])) as Record<
    KpiMetric,
    z.ZodMiniOptional<typeof kpiCount>
  >,
);

const customerKindSchema = z.enum(['existing', 'new']);
/** A person found by phone or name, for pickers (masked: the desk confirms with the person). */
const personPickSchema = z.strictObject({
  customerId: idSchema,
  displayName: z.string().check(z.maxLength(20)),
  maskedPhone: z.string().check(z.maxLength(16)),
  kind: customerKindSchema,
});
export type PersonPick = z.infer<typeof personPickSchema>;

const colleagueSchema = z.strictObject({
  staffId: idSchema,
  name: z.string().check(z.maxLength(20)),
  post: staffPostSchema,
  postLabel: z.string().check(z.maxLength(16)),
  departmentLabel: z.string().check(z.maxLength(16)),
  isManager: z.boolean(),
});
export type Colleague = z.infer<typeof colleagueSchema>;

/** A customer as staff see them: contact, level, grade, attribution and referrer. */
const customerViewSchema = z.strictObject({
  displayName: z.string().check(z.maxLength(20)),
  maskedPhone: z.string().check(z.maxLength(16)),
  /** Only for the person who has to call: the customer's owner or an open task's owner. */
  phone: z.optional(z.string().check(z.maxLength(16))),
  kind: customerKindSchema,
  starLevel: z.optional(z.int().check(z.gte(1), z.lte(5))),
  grade: z.optional(followUpGradeSchema),
  channelLabel: z.optional(z.string().check(z.maxLength(16))),
  rule: z.optional(z.enum(ATTRIBUTION_RULES)),
  ruleExplanation: z.optional(z.string().check(z.maxLength(200))),
  referrerDisplayName: z.optional(z.string().check(z.maxLength(20))),
});
const historySchema = z
  .array(
    z.strictObject({
      at: z.string().check(z.maxLength(40)),
      kind: z.enum(['filing', 'touch', 'booking', 'visit', 'follow_up', 'deal']),
      text: z.string().check(z.maxLength(200)),
    }),
  )
  .check(z.maxLength(50));

/** staff: joining, the workbench's follow-up tasks, and the 四部回访组 verification queue. */
export const staffContract = defineContract({
  /** An admin (or the store's manager, for their store) creates a one-time invite for a new colleague. */
  createInvite: {
    input: z.strictObject({
      name: personNameSchema,
      storeId: idSchema,
      post: staffPostSchema,
      department: departmentSchema,
      managerKind: z.optional(managerKindSchema),
      /** Valid for this many days (default 7). */
      validDays: z._default(z.int().check(z.gte(1), z.lte(30)), 7),
    }),
    output: z.strictObject({ code: z.string().check(z.maxLength(16)), expiresAt: z.string().check(z.maxLength(40)) }),
  },
  /** The new colleague redeems the code once; their WeChat account becomes that staff record. */
  redeemInvite: {
    input: z.strictObject({ code: inviteCodeSchema }),
    output: z.strictObject({
      staffId: idSchema,
      name: z.string().check(z.maxLength(20)),
      post: staffPostSchema,
      postLabel: z.string().check(z.maxLength(16)),
      storeName: z.string().check(z.maxLength(40)),
    }),
  },
  /** Counts per tab and the subscribe-message status of the digest reminder. */
  workbench: {
    input: z.strictObject({}),
    output: z.strictObject({
      staffName: z.string().check(z.maxLength(20)),
      postLabel: z.string().check(z.maxLength(16)),
      storeName: z.string().check(z.maxLength(40)),
      counts: z.strictObject({
        today: z.int().check(z.gte(0)),
        overdue: z.int().check(z.gte(0)),
        tomorrow: z.int().check(z.gte(0)),
        upcoming: z.int().check(z.gte(0)),
      }),
      /** The daily digest's template; the page asks for one more authorization with it. */
      digestTemplateId: z.string().check(z.maxLength(64)),
      /** Whether the daily digest can reach the caller outside the app (else the page shows a banner). */
      reach: z.strictObject({
        /** One-time grants banked for the digest template. */
        digestGrants: z.int().check(z.gte(0)),
        /** The digest template is long-term: no grant needed. */
        longTerm: z.boolean(),
        reachable: z.boolean(),
      }),
      /** Digests delivered in-app since the workbench last showed them. */
      inAppUnread: z.int().check(z.gte(0)),
      storeId: idSchema,
      /** The caller's own staff record (the team page does not offer to deactivate oneself). */
      staffId: idSchema,
      /** An admin invites managers and deactivates managers' accounts; a store manager does not. */
      isAdmin: z.boolean(),
      /** What the page offers (the server checks again on every action). */
      canVerify: z.boolean(),
      canRecordDeals: z.boolean(),
      canManageTeam: z.boolean(),
      /** The escalation ladder: overdue follow-ups of the caller's scope, to chase or reassign. */
      canReassign: z.boolean(),
    }),
  },
  /**
   * What `wx.requestSubscribeMessage` answered (template id → accept / reject / ban / filter): each
   * accepted template of the clinic adds one grant to the caller's bank.
   */
  recordSubscription: {
    input: z.strictObject({ results: subscriptionResultsSchema }),
    output: z.strictObject({ digestGrants: z.int().check(z.gte(0)), reachable: z.boolean() }),
  },
  listTasks: {
    input: z.strictObject({ bucket: taskBucketSchema, cursor, limit }),
    output: z.strictObject({
      items: z.array(taskCardSchema).check(z.maxLength(50)),
      nextCursor: z.optional(z.string().check(z.maxLength(64))),
    }),
  },
  /** A task with its customer's context; the full phone (tap to call) only for the task's owner. */
  getTask: {
    input: z.strictObject({ taskId: idSchema }),
    output: z.strictObject({
      task: z.extend(taskCardSchema, {
        status: z.enum(['open', 'done', 'cancelled']),
        note: z.optional(z.string().check(z.maxLength(200))),
      }),
      customer: customerViewSchema,
      history: historySchema,
    }),
  },
  /** What recording this result would do — shown in the form before saving; writes nothing. */
  previewResult: {
    input: z.strictObject({ taskId: idSchema, result: followUpResultInputSchema }),
    output: z.strictObject({ next: nextStepSchema }),
  },
  /** Closes the task with the result and schedules what §6 says comes next. */
  recordResult: {
    input: z.strictObject({ taskId: idSchema, result: followUpResultInputSchema }),
    output: z.strictObject({
      result: followUpResultCodeSchema,
      next: nextStepSchema,
      nextTaskId: z.optional(idSchema),
      verificationItemId: z.optional(idSchema),
    }),
  },
  /** Moves the due date (the customer asked to be called another day). */
  rescheduleTask: {
    input: z.strictObject({ taskId: idSchema, dueDate: localDateSchema, note: z.optional(shortTextSchema) }),
    output: z.strictObject({ taskId: idSchema, dueDate: localDateSchema }),
  },
  /** "Remind me later": keeps the due date, brings the task back after `minutes`. */
  remindLater: {
    input: z.strictObject({ taskId: idSchema, minutes: z._default(z.int().check(z.gte(10), z.lte(720)), 60) }),
    output: z.strictObject({ taskId: idSchema, remindAt: z.string().check(z.maxLength(40)) }),
  },
  /**
   * §5 golden time: my old customers 1–11 months after their treatment, ranked (window, stars,
   * satisfaction, proven referrers), with how to ask; those asked within the cooldown are left out.
   */
  goldenTime: {
    input: z.strictObject({ cursor, limit }),
    output: z.strictObject({
      items: z
        .array(
          z.strictObject({
            customerId: idSchema,
            displayName: z.string().check(z.maxLength(20)),
            maskedPhone: z.string().check(z.maxLength(16)),
            windowLabel: z.string().check(z.maxLength(16)),
            monthsSinceTreatment: z.int().check(z.gte(1)),
            starLevel: z.optional(z.int().check(z.gte(1), z.lte(5))),
            score: z.int(),
            reasons: z.array(z.string().check(z.maxLength(20))).check(z.maxLength(6)),
            how: z.string().check(z.maxLength(100)),
            talk: z.string().check(z.maxLength(200)),
          }),
        )
        .check(z.maxLength(50)),
      nextCursor: z.optional(z.string().check(z.maxLength(64))),
      /** Days an asked customer stays off the list (the clinic's setting). */
      cooldownDays: z.int().check(z.gte(0)),
    }),
  },
  /** Records an ask; a target friend becomes a 老带新 filing (graded) with this customer as referrer. */
  recordAsk: {
    input: z.strictObject({
      customerId: idSchema,
      friend: z.optional(
        z.strictObject({
          name: personNameSchema,
          phone: phoneInputSchema,
          need: shortTextSchema,
          expectedVisitDate: z.optional(localDateSchema),
          grade: followUpGradeSchema,
        }),
      ),
      note: z.optional(shortTextSchema),
    }),
    output: z.strictObject({
      askedOn: localDateSchema,
      friendFiling: z.optional(
        z.strictObject({
          customerId: idSchema,
          existing: z.boolean(),
          message: z.string().check(z.maxLength(200)),
          channelLabel: z.string().check(z.maxLength(16)),
          rule: z.enum(ATTRIBUTION_RULES),
          /** The rule's Chinese explanation, as stored with the attribution. */
          explanation: z.string().check(z.maxLength(200)),
        }),
      ),
    }),
  },
  /** 四部回访组: the V4/N2 records waiting for verification in the caller's scope. */
  listVerification: {
    input: z.strictObject({ cursor, limit }),
    output: z.strictObject({
      items: z.array(verificationItemView).check(z.maxLength(50)),
      nextCursor: z.optional(z.string().check(z.maxLength(64))),
    }),
  },
  /** Confirm (the person leaves the active pool; nothing is deleted) or send back with a note. */
  verify: {
    input: z.strictObject({
      itemId: idSchema,
      decision: z.enum(['confirm', 'send_back']),
      note: z.optional(shortTextSchema),
    }),
    output: z.strictObject({
      itemId: idSchema,
      status: z.enum(['confirmed_removed', 'restored']),
      /** Send back: the follow-up task the owner gets again. */
      taskId: z.optional(idSchema),
    }),
  },
  /** A customer's card: who they are, their attribution, history and open follow-ups (own store). */
  customerCard: {
    input: z.strictObject({ customerId: idSchema }),
    output: z.strictObject({
      customerId: idSchema,
      customer: customerViewSchema,
      /** The person has been checked in at least once (a deal can be recorded). */
      checkedIn: z.boolean(),
      /** The caller may record a deal for this customer (the deal function checks again). */
      canRecordDeals: z.boolean(),
      openTasks: z.array(taskCardSchema).check(z.maxLength(20)),
      history: historySchema,
    }),
  },
  /** People pickers: a customer of the caller's scope by full mobile number or exact name. */
  findCustomers: {
    input: z.strictObject({
      query: z
        .string({ error: '请输入手机号或姓名' })
        .check(z.trim(), z.minLength(1, { error: '请输入手机号或姓名' }), z.maxLength(20, { error: '搜索内容过长' })),
    }),
    output: z.strictObject({ items: z.array(personPickSchema).check(z.maxLength(10)) }),
  },
  /** The active staff of a store (the caller's own; managers of the chain may name another). */
  listColleagues: {
    input: z.strictObject({ storeId: z.optional(idSchema), post: z.optional(staffPostSchema) }),
    output: z.strictObject({ items: z.array(colleagueSchema).check(z.maxLength(200)) }),
  },
  /**
   * A colleague leaves: their account can no longer act, and their open follow-up tasks and old
   * customers go to the chosen colleague of the same store. Performance already credited stays
   * theirs (no retroactive change). Safe to repeat until it reports everything moved.
   */
  deactivate: {
    input: z.strictObject({ staffId: idSchema, handoverToStaffId: idSchema }),
    output: z.strictObject({
      staffId: idSchema,
      handoverToStaffId: idSchema,
      handoverToName: z.string().check(z.maxLength(20)),
      movedTasks: z.int().check(z.gte(0)),
      movedCustomers: z.int().check(z.gte(0)),
    }),
  },
  /**
   * The escalation ladder, for managers: their store's open tasks overdue at least
   * `followUp.escalateAfterDays`, oldest first; from `reassignAfterDays` they are marked to reassign.
   */
  escalations: {
    input: z.strictObject({ cursor, limit }),
    output: z.strictObject({
      items: z
        .array(
          z.extend(taskCardSchema, {
            level: z.enum(['manager_digest', 'reassign']),
            ownerStaffId: idSchema,
            ownerName: z.string().check(z.maxLength(20)),
            /** The task's store: it can be reassigned only to an active colleague of this store. */
            storeId: idSchema,
          }),
        )
        .check(z.maxLength(50)),
      nextCursor: z.optional(z.string().check(z.maxLength(64))),
    }),
  },
  /** A manager gives an open task to an active colleague of the task's store (audited). */
  reassignTask: {
    input: z.strictObject({ taskId: idSchema, toStaffId: idSchema }),
    output: z.strictObject({ taskId: idSchema, ownerStaffId: idSchema, ownerName: z.string().check(z.maxLength(20)) }),
  },
  /** A manager sets a staff member's targets for a month (§4 assessment). */
  setTargets: {
    input: z.strictObject({ staffId: idSchema, month: monthSchema, targets: kpiTargetsSchema }),
    output: z.strictObject({ staffId: idSchema, month: monthSchema }),
  },
  /** A colleague's targets of a month, as last set (the form starts from them). */
  getTargets: {
    input: z.strictObject({ staffId: idSchema, month: monthSchema }),
    output: z.strictObject({
      staffId: idSchema,
      month: monthSchema,
      targets: kpiTargetsSchema,
      setAt: z.optional(z.string().check(z.maxLength(40))),
    }),
  },
  /** My figures: my §4 KPIs of the month against my targets, and my follow-ups due / on time / overdue. */
  myFigures: {
    input: z.strictObject({ month: z.optional(monthSchema) }),
    output: z.strictObject({
      month: monthSchema,
      kpis: z
        .array(
          z.strictObject({
            metric: z.enum(KPI_METRICS),
            label: z.string().check(z.maxLength(16)),
            actual: z.int().check(z.gte(0)),
            target: z.optional(z.int().check(z.gte(0))),
            attainmentBp: z.optional(z.int().check(z.gte(0))),
          }),
        )
        .check(z.length(KPI_METRICS.length)),
      followUps: z.strictObject({
        due: z.int().check(z.gte(0)),
        onTime: z.int().check(z.gte(0)),
        overdue: z.int().check(z.gte(0)),
      }),
    }),
  },
});
export type StaffContract = typeof staffContract;
