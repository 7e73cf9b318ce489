import { AppError } from '../../platform/errors';

/**
 * The audit log's page cursor: the last entry shown, `(at, id)`, opaque to the client. Keyset
 * paging (entries strictly after it in at desc, id desc order) never skips or repeats an entry,
 * however many share a time, and never asks the server to skip far.
 */
export interface AuditCursor {
  at: string;
  id: string;
}

const AT = /^\d{4}-\d{2}-\d{2}T[0-9:.]+(Z|[+-]\d{2}:\d{2})$/;
const ID = /^[0-9A-Za-z_-]{1,64}$/;

export const encodeAuditCursor = (c: AuditCursor): string =>
  Buffer.from(JSON.stringify([c.at, c.id])).toString('base64url');

export function decodeAuditCursor(cursor: string | undefined): AuditCursor | undefined {
  if (cursor === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw invalid();
  const [at, id] = parsed as unknown[];
  if (typeof at !== 'string' || !AT.test(at) || typeof id !== 'string' || !ID.test(id)) throw invalid();
  return { at, id };
}

const invalid = () => new AppError('INVALID_INPUT', '分页标记无效，请刷新后重试');
