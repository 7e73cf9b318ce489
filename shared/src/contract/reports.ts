import * as z from 'zod/mini';
import '../locale';
import { staffPostSchema } from '../model/people';
import { idSchema, localDateSchema, monthSchema } from '../model/primitives';
import { defineContract } from './envelope';

const count = z.int().check(z.gte(0));
const fen = z.int().check(z.gte(0));
const bpValue = z.int().check(z.gte(0));
const label = z.string().check(z.maxLength(20));

/** The funnel of the referral channel in a month: events of the month, not one cohort followed. */
export const FUNNEL_STEPS = {
  filed: '建档',
  booked: '预约',
  visited: '到院',
  dealt: '成交',
} as const;
export type FunnelStep = keyof typeof FUNNEL_STEPS;

/** The month figures a dashboard holds against the summed targets of the people in scope. */
export const DASHBOARD_TARGET_METRICS = {
  dealAmountFen: '成交额',
  referralFilings: '带新建档量',
  referralVisits: '带新到院量',
  deals: '成交量',
} as const;
export type DashboardTargetMetric = keyof typeof DASHBOARD_TARGET_METRICS;
const dashboardTargetMetricSchema = z.enum(
  Object.keys(DASHBOARD_TARGET_METRICS) as [DashboardTargetMetric, ...DashboardTargetMetric[]],
);

/** Which part of the chain a report covers: one store, or the whole chain. */
export const reportScopeSchema = z.strictObject({
  kind: z.enum(['store', 'chain']),
  storeId: z.optional(idSchema),
  /** 一店 / 全部门店. */
  label: z.string().check(z.maxLength(40)),
});

export type ReportScope = z.output<typeof reportScopeSchema>;

export const dashboardSchema = z.strictObject({
  month: monthSchema,
  /** The Shanghai date the figures are read on (the month's last day for a past month). */
  asOf: localDateSchema,
  daysInMonth: z.int().check(z.gte(28), z.lte(31)),
  /** Days of the month up to and including `asOf` (月目标 ÷ 天数 × 已过天数). */
  daysElapsed: z.int().check(z.gte(0), z.lte(31)),
  scope: reportScopeSchema,
  /** The stores the caller may choose between (a store manager: only theirs). */
  stores: z.array(z.strictObject({ id: idSchema, name: z.string().check(z.maxLength(40)) })),
  /** §4: the referral channel's revenue against its share target (10 % by default). */
  referralShare: z.strictObject({
    referralRevenueFen: fen,
    totalRevenueFen: fen,
    shareBp: bpValue,
    targetBp: bpValue,
    meetsTarget: z.boolean(),
  }),
  funnel: z.array(
    z.strictObject({
      step: z.enum(Object.keys(FUNNEL_STEPS) as [FunnelStep, ...FunnelStep[]]),
      label,
      count,
      /** Against the step before (absent for the first step, or when the step before is 0). */
      rateBp: z.optional(bpValue),
    }),
  ),
  monthTarget: z.array(
    z.strictObject({
      metric: dashboardTargetMetricSchema,
      label,
      actual: count,
      /** The month's target (sum of the people's targets in scope); absent when none is set. */
      target: z.optional(count),
      /** 月目标 ÷ 天数 × 已过天数: where the month should be by `asOf`. */
      timeProgressTarget: z.optional(count),
      attainmentBp: z.optional(bpValue),
    }),
  ),
  /** The last 8 weeks (Monday to Sunday), oldest first; the last one holds `asOf`. */
  weeklyTrend: z.array(
    z.strictObject({
      weekStart: localDateSchema,
      filings: count,
      visits: count,
      deals: count,
      revenueFen: fen,
      referralRevenueFen: fen,
    }),
  ),
  /** Today's slips: the people furthest behind their month's plan to date, worst first (at most 20). */
  slips: z.array(
    z.strictObject({
      staffId: idSchema,
      name: z.string().check(z.maxLength(40)),
      post: staffPostSchema,
      postLabel: label,
      metric: dashboardTargetMetricSchema,
      label,
      cumulativeTarget: count,
      cumulativeActual: count,
      /** Actual minus target to date (negative: behind). */
      deviation: z.int(),
    }),
  ),
});
export type Dashboard = z.output<typeof dashboardSchema>;

/** Reports for managers (docs/business-rules.md §4, §9), at the caller's data scope. */
export const reportsContract = defineContract({
  /** 经营看板: one month of the referral channel at a glance. */
  dashboard: {
    input: z.strictObject({
      month: z.optional(monthSchema),
      /** A general manager or admin may narrow to one store; a store manager always sees theirs. */
      storeId: z.optional(idSchema),
    }),
    output: dashboardSchema,
  },
});
export type ReportsContract = typeof reportsContract;
