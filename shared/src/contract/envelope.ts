import * as z from 'zod/mini';
import { ERROR_CATALOGUE, type ErrorCode } from './errors';

export { ERROR_CATALOGUE, CLIENT_ERROR_CODES, isErrorCode, type ErrorCode } from './errors';

/**
 * The function contract every cloud function follows:
 * event `{ action, data? }` → `{ ok: true, data }` or `{ ok: false, code, message }`.
 * `code` is for programs, `message` is Simplified Chinese for people.
 */
export type Ok<T> = { ok: true; data: T };
export type Fail = { ok: false; code: ErrorCode; message: string };
export type Result<T> = Ok<T> | Fail;

export function ok<T>(data: T): Ok<T> {
  return { ok: true, data };
}

/** A failure with the catalogue's message for the code, or a more specific one. */
export function fail(code: ErrorCode, message?: string): Fail {
  return { ok: false, code, message: message ?? ERROR_CATALOGUE[code] };
}

/** Upper bound on a serialized event; anything bigger is rejected before parsing. */
export const MAX_EVENT_BYTES = 16 * 1024;

export const functionEventSchema = z.strictObject({
  action: z.string().check(z.minLength(1), z.maxLength(64)),
  data: z.optional(z.record(z.string(), z.unknown())),
});
export type FunctionEvent = z.infer<typeof functionEventSchema>;

/** One action of a function: what it accepts and what it answers. */
export interface ActionContract<I extends z.ZodMiniType, O extends z.ZodMiniType> {
  input: I;
  output: O;
}

export type FunctionContract = Record<string, ActionContract<z.ZodMiniType, z.ZodMiniType>>;

export function defineContract<C extends FunctionContract>(contract: C): C {
  return contract;
}

export type ActionInput<C extends FunctionContract, A extends keyof C> = z.input<C[A]['input']>;
export type ActionOutput<C extends FunctionContract, A extends keyof C> = z.output<C[A]['output']>;

/** Keys that reach an object's prototype; strict schemas would drop them silently instead of refusing. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * True when any key anywhere in the value starts with `$` (a MongoDB operator such as `{"$ne": null}`)
 * or is prototype-shaped (`__proto__`, `constructor`, `prototype`), or the value nests deeper than
 * any contract. Checked on every event before parsing, as defence in depth beside the strict schemas.
 */
export function containsOperatorKey(value: unknown, depth = 0): boolean {
  if (depth > 32) return true;
  if (Array.isArray(value)) return value.some((v) => containsOperatorKey(v, depth + 1));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).some(
      ([k, v]) => k.startsWith('$') || PROTOTYPE_KEYS.has(k) || containsOperatorKey(v, depth + 1),
    );
  }
  return false;
}

/** Turns a zod error into one readable Chinese line (the first issue, with its field path). */
export function describeZodError(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (!issue) return ERROR_CATALOGUE.INVALID_INPUT;
  const path = issue.path.length ? `（字段 ${issue.path.join('.')}）` : '';
  return `${issue.message}${path}`;
}
