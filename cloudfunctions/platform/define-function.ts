import {
  MAX_EVENT_BYTES,
  containsOperatorKey,
  describeZodError,
  fail,
  functionEventSchema,
  ok,
  type ActionOutput,
  type FunctionContract,
  type Result,
} from '@clinic/shared';
import type { z } from 'zod';
import { authorise, type Access, type Caller } from './access';
import { AppError } from './errors';
import { database, wxContext, type WxContext } from './sdk';
import type { Database } from './db-types';

export interface HandlerContext {
  /** The caller's OPENID from getWXContext(); empty for timer triggers and system calls. */
  openid: string;
  /** The caller as the access guard established it (records it read, data scope). */
  caller: Caller;
  wx: WxContext;
  db: Database;
  now: Date;
}

/** Each handler receives its action's parsed input (the output side of the input schema). */
type Handlers<C extends FunctionContract> = {
  [A in keyof C]: (input: z.output<C[A]['input']>, ctx: HandlerContext) => Promise<ActionOutput<C, A>>;
};

export interface TimerEvent {
  Type: 'Timer';
  TriggerName: string;
  Time: string;
}

export interface FunctionOptions<C extends FunctionContract> {
  /**
   * Who may run each action — required for every action of the contract, so that no action can
   * be added without deciding its roles. Checked from the database before the handler runs.
   */
  access: { [A in keyof C]: readonly Access[] };
  /** Actions a timer trigger runs (by trigger name). Timer events carry no action field. */
  timers?: Record<string, (ctx: HandlerContext) => Promise<unknown>>;
}

function isTimerEvent(event: unknown): event is TimerEvent {
  return typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer';
}

/**
 * Builds a cloud function's `main` from its contract and handlers. Everything that arrives is
 * checked before any handler runs: size, shape, operator-shaped keys, the action, its input.
 */
export function defineFunction<C extends FunctionContract>(
  contract: C,
  handlers: Handlers<C>,
  options: FunctionOptions<C>,
): (event: unknown) => Promise<Result<unknown>> {
  return async function main(event: unknown): Promise<Result<unknown>> {
    const wx = wxContext();
    const openid = wx.OPENID ?? '';
    const db = database();
    const now = new Date();

    if (isTimerEvent(event)) {
      // Only the platform's timer (SOURCE wx_trigger, no OPENID) runs a trigger.
      const timer = options.timers?.[event.TriggerName];
      if (!timer || wx.SOURCE !== 'wx_trigger' || openid) return fail('UNKNOWN_ACTION');
      return run(async () => timer({ openid, caller: { openid, scope: null }, wx, db, now }));
    }

    // WeChat adds userInfo to client-called events; it is informational only and never trusted.
    const received = stripUserInfo(event);
    let size: number;
    try {
      size = Buffer.byteLength(JSON.stringify(received) ?? '', 'utf8');
    } catch {
      return fail('INVALID_EVENT');
    }
    if (size > MAX_EVENT_BYTES) return fail('PAYLOAD_TOO_LARGE');
    if (containsOperatorKey(received)) return fail('INVALID_INPUT', '输入内容包含不允许的字段');

    const envelope = functionEventSchema.safeParse(received);
    if (!envelope.success) return fail('INVALID_EVENT', describeZodError(envelope.error));
    const { action, data } = envelope.data;
    if (!Object.prototype.hasOwnProperty.call(contract, action)) return fail('UNKNOWN_ACTION');

    const access = options.access[action as keyof C];
    if (!openid && !access.includes('system')) return fail('UNAUTHENTICATED');

    const spec = contract[action]!;
    const input = spec.input.safeParse(data ?? {});
    if (!input.success) return fail('INVALID_INPUT', describeZodError(input.error));

    const handler = handlers[action as keyof C];
    return run(async () => {
      const caller = await authorise(db, openid, access);
      const output = await handler(input.data as z.output<C[keyof C]['input']>, { openid, caller, wx, db, now });
      // The output schema is the contract with the client: never answer outside it.
      const checked = spec.output.safeParse(output);
      if (!checked.success) {
        console.error(`[${action}] output does not match the contract`, checked.error.issues);
        return fail('INTERNAL');
      }
      return checked.data;
    });
  };
}

async function run(fn: () => Promise<unknown>): Promise<Result<unknown>> {
  try {
    const value = await fn();
    if (isResult(value)) return value;
    return ok(value);
  } catch (e) {
    if (e instanceof AppError) return fail(e.code, e.message);
    console.error('unexpected error', e);
    return fail('INTERNAL');
  }
}

function isResult(v: unknown): v is Result<unknown> {
  return typeof v === 'object' && v !== null && (v as { ok?: unknown }).ok === false && 'code' in v;
}

function stripUserInfo(event: unknown): unknown {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return event;
  const rest: Record<string, unknown> = { ...(event as Record<string, unknown>) };
  delete rest.userInfo;
  return rest;
}
