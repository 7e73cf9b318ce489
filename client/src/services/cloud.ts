/**
 * The one place that calls cloud functions.
 *
 * - weapp: `Taro.cloud.callFunction` (WeChat Cloud; identity = the caller's OPENID, added by WeChat).
 * - h5: `POST /api/functions/:name` on the local development gateway, with the chosen demo identity
 *   in the `X-Demo-Openid` header. That branch is removed from the weapp build at compile time
 *   (`process.env.TARO_ENV` becomes a literal and the dead branch is dropped).
 *
 * Every call is checked on both sides of the wire: the input against the action's zod input schema
 * (an invalid input never leaves the device), the answer against the envelope and the action's
 * output schema. Callers always get a `Result`; this function never throws.
 */
import Taro from '@tarojs/taro';
import * as z from 'zod/mini';
import {
  ERROR_CATALOGUE,
  MAX_EVENT_BYTES,
  describeZodError,
  isErrorCode,
  functionEventSchema,
  type ActionInput,
  type ActionOutput,
  type Fail,
  type FunctionContract,
  type FunctionEvent,
  type Result,
} from '@clinic/shared';
import { getDemoOpenid } from './demo-identity';

/** Failures the transport itself produces; like every code, they are the catalogue's (shared). */
type TransportCode = 'NETWORK' | 'BAD_RESPONSE' | 'INTERNAL';

const clientFail = (code: TransportCode, message: string = ERROR_CATALOGUE[code]): Fail => ({
  ok: false,
  code,
  message,
});

/** Thrown by a transport when the call could not produce an answer; carries what the caller sees. */
class TransportError extends Error {
  constructor(readonly fail: Fail) {
    super(fail.message);
    this.name = 'TransportError';
  }
}

const envelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), code: z.string().check(z.minLength(1)), message: z.string() }),
]);

/** UTF-8 byte length without TextEncoder (not available in every mini-program base library). */
function utf8Bytes(text: string): number {
  return encodeURIComponent(text).replace(/%[0-9A-F]{2}/gi, '_').length;
}

/**
 * Calls `action` of cloud function `name`, typed by the function's shared contract.
 *
 * @example const res = await callFunction('user', userContract, 'login', {});
 */
export async function callFunction<C extends FunctionContract, A extends keyof C & string>(
  name: string,
  contract: C,
  action: A,
  data: ActionInput<C, A>,
): Promise<Result<ActionOutput<C, A>>> {
  const spec = contract[action];
  if (!spec) return { ok: false, code: 'UNKNOWN_ACTION', message: `不支持的操作：${action}` };

  const input = spec.input.safeParse(data);
  if (!input.success) {
    return { ok: false, code: 'INVALID_INPUT', message: `输入内容有误：${describeZodError(input.error)}` };
  }
  // Send what the caller gave (validated), not the parsed output: the function parses it again
  // with the same schema, and transforms must not run twice.
  const event = functionEventSchema.safeParse({ action, data });
  if (!event.success) {
    return { ok: false, code: 'INVALID_EVENT', message: `请求格式不正确：${describeZodError(event.error)}` };
  }
  if (utf8Bytes(JSON.stringify(event.data)) > MAX_EVENT_BYTES) {
    return { ok: false, code: 'PAYLOAD_TOO_LARGE', message: '请求内容过大，请精简后再试' };
  }

  let raw: unknown;
  try {
    raw = await send(name, event.data);
  } catch (error) {
    if (error instanceof TransportError) return error.fail;
    return clientFail('NETWORK');
  }

  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) return clientFail('BAD_RESPONSE');
  if (!envelope.data.ok) {
    const { code, message } = envelope.data;
    // A code outside the catalogue (a newer server?) is shown by its message, handled as INTERNAL.
    return { ok: false, code: isErrorCode(code) ? code : 'INTERNAL', message };
  }
  const output = spec.output.safeParse(envelope.data.data);
  if (!output.success) return clientFail('BAD_RESPONSE');
  return { ok: true, data: output.data as ActionOutput<C, A> };
}

function send(name: string, event: FunctionEvent): Promise<unknown> {
  if (process.env.TARO_ENV === 'h5') return sendToGateway(name, event);
  return sendToCloud(name, event);
}

/** WeChat Cloud. A rejection is either the function failing (-504002) or the network. */
async function sendToCloud(name: string, event: FunctionEvent): Promise<unknown> {
  try {
    const res = await Taro.cloud.callFunction({ name, data: event });
    return res.result;
  } catch (error) {
    const errMsg = String((error as { errMsg?: unknown } | null)?.errMsg ?? error);
    if (/-504002|functions execute fail/i.test(errMsg)) throw new TransportError(clientFail('INTERNAL'));
    throw new TransportError(clientFail('NETWORK'));
  }
}

/** The local development gateway (H5 only; never part of the weapp build). */
async function sendToGateway(name: string, event: FunctionEvent): Promise<unknown> {
  if (process.env.TARO_ENV !== 'h5') throw new TransportError(clientFail('NETWORK'));
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const openid = getDemoOpenid();
  if (openid) headers['X-Demo-Openid'] = openid;
  let res: Response;
  try {
    res = await fetch('/api/functions/' + encodeURIComponent(name), {
      method: 'POST',
      headers,
      body: JSON.stringify(event),
    });
  } catch {
    throw new TransportError(clientFail('NETWORK'));
  }
  try {
    // The gateway answers the envelope even for failures (whatever the HTTP status).
    return await res.json();
  } catch {
    throw new TransportError(
      res.ok ? clientFail('BAD_RESPONSE') : clientFail('NETWORK', `服务暂时不可用（HTTP ${res.status}），请稍后重试`),
    );
  }
}
