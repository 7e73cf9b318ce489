import * as z from 'zod/mini';
import '../locale';
import { describeZodError } from '../contract/envelope';
import type { ClinicSettings } from '../settings/clinic-settings';
import { declineReasonSchema, type ClinicEvent, type DeclineReason, type FollowUpTaskKind } from '../model/entities';
import { idSchema, localDateSchema } from '../model/primitives';
import { addDays, compareDates, type LocalDate } from '../time/shanghai';
import { nextOpenDay, previousOpenDay, type StoreCalendar } from './store-calendar';
import { compareText } from '../util/compare';

/**
 * What a staff member records after a follow-up (docs/business-rules.md §6 results). V4 must say why: the
 * record leaves the active pool, so the reason is all that is left of it.
 */
export const followUpResultInputSchema = z.discriminatedUnion(
  'result',
  [
    z.strictObject({
      result: z.literal('V1'),
      plannedVisitDate: localDateSchema,
      note: z.optional(z.string().check(z.maxLength(200))),
    }),
    z.strictObject({
      result: z.literal('V2'),
      productIds: z._default(z.array(idSchema).check(z.maxLength(20)), []),
      note: z.optional(z.string().check(z.maxLength(200))),
    }),
    z.strictObject({
      result: z.literal('V3'),
      reason: declineReasonSchema,
      productIds: z._default(z.array(idSchema).check(z.maxLength(20)), []),
      note: z.optional(z.string().check(z.maxLength(200))),
    }),
    z.strictObject({
      result: z.literal('V4'),
      reason: z.enum(declineReasonSchema.options, { error: '有效四级必须填写原因' }),
      note: z.optional(z.string().check(z.maxLength(200))),
    }),
    z.strictObject({ result: z.literal('N1'), note: z.optional(z.string().check(z.maxLength(200))) }),
    z.strictObject({ result: z.literal('N2'), note: z.optional(z.string().check(z.maxLength(200))) }),
  ],
  { error: '请选择回访结果（V1–V4、N1–N2）' },
);
export type FollowUpResultInput = z.input<typeof followUpResultInputSchema>;

export type NextStep =
  | { kind: 'task'; taskKind: FollowUpTaskKind; dueDate: LocalDate; eventId?: string; why: string }
  | { kind: 'await_event'; productIds: string[]; why: string }
  | {
      kind: 'verification_queue';
      department: 'cs4_followup';
      result: 'V4' | 'N2';
      leavesActivePool: boolean;
      reason?: DeclineReason;
      why: string;
    }
  | { kind: 'error'; code: 'INVALID_INPUT'; message: string };

export interface ResultContext {
  today: LocalDate;
  storeId: string;
  events: readonly ClinicEvent[];
  store?: StoreCalendar;
}

/** The task or queue a recorded result leads to (docs/business-rules.md §6, second table). */
export function nextStepAfterResult(
  input: FollowUpResultInput,
  ctx: ResultContext,
  settings: ClinicSettings,
): NextStep {
  const parsed = followUpResultInputSchema.safeParse(input);
  if (!parsed.success) return { kind: 'error', code: 'INVALID_INPUT', message: describeZodError(parsed.error) };
  const r = parsed.data;
  const cfg = settings.followUp;
  const { today } = ctx;
  switch (r.result) {
    case 'V1': {
      if (compareDates(r.plannedVisitDate, today) < 0) {
        return { kind: 'error', code: 'INVALID_INPUT', message: '计划到院日期不能早于今天' };
      }
      // A reminder must come before the visit: a closed day moves it earlier, never past today.
      const due = maxDate(
        today,
        previousOpenDay(ctx.store, addDays(r.plannedVisitDate, -settings.visitReminderDaysBefore)),
      );
      return {
        kind: 'task',
        taskKind: 'visit_reminder',
        dueDate: due,
        why: `计划 ${r.plannedVisitDate} 到院，提前 ${settings.visitReminderDaysBefore} 天再次确认`,
      };
    }
    case 'V2':
      return eventOrFallback(ctx, settings, r.productIds, 'event_invite', '有意向、时间未定');
    case 'V3': {
      const event = nextEvent(ctx, cfg.eventLeadDays, r.productIds);
      if (event) return inviteFor(event, ctx, cfg.eventLeadDays, 'event_invite', '本次不参加，有对应产品活动时再邀约');
      return { kind: 'await_event', productIds: r.productIds, why: '本次不参加，待有对应产品政策或活动时再邀约' };
    }
    case 'V4':
      // The reason is required by the schema: the record leaves the pool, the reason is what is left.
      return {
        kind: 'verification_queue',
        department: 'cs4_followup',
        result: 'V4',
        leavesActivePool: true,
        reason: r.reason,
        why: '已在竞品消费，移出跟进名单，交四部回访组跟进',
      };
    case 'N1':
      return eventOrFallback(ctx, settings, [], 'retry', '暂时无法接通');
    case 'N2':
      // Deleted from the pool only after the verification group confirms.
      return {
        kind: 'verification_queue',
        department: 'cs4_followup',
        result: 'N2',
        leavesActivePool: false,
        why: '号码已失效，交四部回访组复核后处理',
      };
  }
}

function eventOrFallback(
  ctx: ResultContext,
  settings: ClinicSettings,
  productIds: readonly string[],
  taskKind: FollowUpTaskKind,
  what: string,
): NextStep {
  const { eventLeadDays, fallbackDays } = settings.followUp;
  const event = nextEvent(ctx, eventLeadDays, productIds);
  if (event) return inviteFor(event, ctx, eventLeadDays, taskKind, `${what}，活动前 ${eventLeadDays} 天再次跟进`);
  return {
    kind: 'task',
    taskKind,
    dueDate: nextOpenDay(ctx.store, addDays(ctx.today, fallbackDays)),
    why: `${what}，近期无相关活动，${fallbackDays} 天后再次跟进`,
  };
}

function inviteFor(
  event: ClinicEvent,
  ctx: ResultContext,
  lead: number,
  taskKind: FollowUpTaskKind,
  why: string,
): NextStep {
  const due = maxDate(ctx.today, previousOpenDay(ctx.store, addDays(event.date, -lead)));
  return { kind: 'task', taskKind, dueDate: due, eventId: event.id, why: `${why}（${event.title} ${event.date}）` };
}

/**
 * The next event of this store still far enough away to follow up `lead` days before it, and
 * relevant to the products (an event without products is for everyone; no products = any event).
 */
export function nextEvent(ctx: ResultContext, lead: number, productIds: readonly string[]): ClinicEvent | undefined {
  const earliest = addDays(ctx.today, lead);
  return ctx.events
    .filter(
      (e) =>
        compareDates(e.date, earliest) >= 0 &&
        (e.storeIds.length === 0 || e.storeIds.includes(ctx.storeId)) &&
        (productIds.length === 0 || e.productIds.length === 0 || e.productIds.some((p) => productIds.includes(p))),
    )
    .sort((a, b) => compareDates(a.date, b.date) || compareText(a.id, b.id))[0];
}

function maxDate(a: LocalDate, b: LocalDate): LocalDate {
  return compareDates(a, b) >= 0 ? a : b;
}
