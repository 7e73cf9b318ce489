import * as z from 'zod';

/**
 * The function contract every cloud function follows:
 * event `{ action, data? }` → `{ ok: true, data }` or `{ ok: false, code, message }`.
 * `code` is for programs, `message` is Simplified Chinese for people.
 */
export type Ok<T> = { ok: true; data: T };
export type Fail = { ok: false; code: ErrorCode; message: string };
export type Result<T> = Ok<T> | Fail;

/** Machine-readable error codes shared by every function. Domain-specific codes are added here too. */
export const ERROR_MESSAGES = {
  INVALID_EVENT: '请求格式不正确',
  UNKNOWN_ACTION: '不支持的操作',
  INVALID_INPUT: '输入内容有误',
  PAYLOAD_TOO_LARGE: '请求内容过大',
  UNAUTHENTICATED: '无法识别您的微信身份，请重新进入小程序',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_FOUND: '要找的内容不存在',
  CONFLICT: '操作冲突，请稍后重试',
  INTERNAL: '系统繁忙，请稍后再试',
  // Domain codes (referral and booking slice).
  INVALID_PHONE: '手机号码格式不正确',
  INVALID_REFERRAL_CODE: '推荐码有误，请核对后重新输入',
  REFERRAL_CODE_REVOKED: '该推荐码已失效，请向推荐人重新索取',
  SELF_REFERRAL: '不能使用自己的推荐码',
  NOT_EXISTING_CUSTOMER: '完成首次治疗后即可获得专属推荐卡',
  REATTRIBUTION_FORBIDDEN: '不允许补单和改单：建档后渠道与归属不可变更',
  DATE_IN_PAST: '不能选择已经过去的日期或时间',
  STORE_CLOSED: '门店当天不营业，请选择其他日期',
  SLOT_FULL: '该时段已约满，请选择其他时段',
  INSUFFICIENT_BALANCE: '可用余额不足',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES | (string & {});

export function ok<T>(data: T): Ok<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message?: string): Fail {
  const known = (ERROR_MESSAGES as Record<string, string>)[code];
  return { ok: false, code, message: message ?? known ?? ERROR_MESSAGES.INTERNAL };
}

/** Upper bound on a serialized event; anything bigger is rejected before parsing. */
export const MAX_EVENT_BYTES = 16 * 1024;

export const functionEventSchema = z.strictObject({
  action: z.string().min(1).max(64),
  data: z.record(z.string(), z.unknown()).optional(),
});
export type FunctionEvent = z.infer<typeof functionEventSchema>;

/** One action of a function: what it accepts and what it answers. */
export interface ActionContract<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
}

export type FunctionContract = Record<string, ActionContract<z.ZodType, z.ZodType>>;

export function defineContract<C extends FunctionContract>(contract: C): C {
  return contract;
}

export type ActionInput<C extends FunctionContract, A extends keyof C> = z.input<C[A]['input']>;
export type ActionOutput<C extends FunctionContract, A extends keyof C> = z.output<C[A]['output']>;

/**
 * True when any key anywhere in the value starts with `$` (a MongoDB operator such as `{"$ne": null}`).
 * Checked on every event before parsing, as defence in depth beside the strict schemas.
 */
export function containsOperatorKey(value: unknown, depth = 0): boolean {
  if (depth > 32) return true;
  if (Array.isArray(value)) return value.some((v) => containsOperatorKey(v, depth + 1));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).some(
      ([k, v]) => k.startsWith('$') || containsOperatorKey(v, depth + 1),
    );
  }
  return false;
}

/** Turns a zod error into one readable Chinese line (the first issue, with its field path). */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return ERROR_MESSAGES.INVALID_INPUT;
  const path = issue.path.length ? `（字段 ${issue.path.join('.')}）` : '';
  return `${issue.message}${path}`;
}
