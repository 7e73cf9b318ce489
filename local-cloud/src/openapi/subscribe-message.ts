import { randomInt } from 'node:crypto';
import { WX_ERRCODE } from './errors';
import type { ApiHandler } from './handler';
import { wxError, wxOk } from './wx-reply';

const MINIPROGRAM_STATES = ['developer', 'trial', 'formal'];

/**
 * subscribeMessage.send: validates like the real API, then spends one one-time authorization
 * of (touser, template_id); with none left the real service answers 43101.
 */
export const sendSubscribeMessage: ApiHandler = (params, { db }) => {
  const { touser, template_id: templateId, page, data, miniprogram_state: state } = params;
  if (typeof touser !== 'string' || touser.trim() === '') return wxError(WX_ERRCODE.INVALID_OPENID, 'invalid openid');
  if (typeof templateId !== 'string' || templateId.trim() === '') {
    return wxError(WX_ERRCODE.INVALID_TEMPLATE_ID, 'invalid template_id');
  }
  if (page !== undefined && typeof page !== 'string') return wxError(WX_ERRCODE.INVALID_PAGE, 'invalid page');
  const dataError = checkData(data);
  if (dataError) return wxError(WX_ERRCODE.ARGUMENT_INVALID, `argument invalid! ${dataError}`);
  if (state !== undefined && !MINIPROGRAM_STATES.includes(state as string)) {
    return wxError(WX_ERRCODE.ARGUMENT_INVALID, 'argument invalid! miniprogram_state');
  }
  return () =>
    db.consumeGrant(touser, templateId)
      ? wxOk({ msgid: newMsgId() })
      : wxError(WX_ERRCODE.USER_REFUSE, 'user refuse to accept the msg');
};

/** `data` must map each template keyword to `{ value: string }`, e.g. `{ thing1: { value: '…' } }`. */
function checkData(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'data is empty';
  const entries = Object.entries(data as Record<string, unknown>);
  if (entries.length === 0) return 'data is empty';
  for (const [key, field] of entries) {
    const value = (field as { value?: unknown } | null)?.value;
    if (typeof value !== 'string' && typeof value !== 'number') return `data.${key}.value is empty`;
  }
  return null;
}

/** Real msgids are 64-bit integers; sent as a string so json-bigint in the SDK does not mangle them. */
function newMsgId(): string {
  return `${randomInt(1, 9)}${String(randomInt(0, 2 ** 48 - 1)).padStart(18, '0')}`;
}
