/** Reading the fields of a `database.*` request body (docs/wire-protocol.md §4). Malformed input → INVALID_PARAM. */
import { decodeWire, isPlainObject, type Doc } from './ejson';
import { DbError, DbErrorCode } from './errors';

export type Body = Record<string, unknown>;

const invalid = (message: string): DbError => new DbError(DbErrorCode.invalidParam, message);

export function collectionName(body: Body): string {
  const name = body.collectionName;
  if (typeof name !== 'string' || name === '') throw invalid('collectionName is required');
  return name;
}

function decodeObject(text: unknown, field: string, now: Date): Doc {
  if (typeof text !== 'string') throw invalid(`${field} must be an EJSON string`);
  let value: unknown;
  try {
    value = decodeWire(text, now);
  } catch (err) {
    throw invalid(`${field} is not valid EJSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!isPlainObject(value)) throw invalid(`${field} must encode an object`);
  return value;
}

/** An optional EJSON-object field (`query`, `order`, `projection`); absent → `{}`. */
export function optionalObject(body: Body, field: string, now: Date): Doc {
  const v = body[field];
  return v === undefined || v === null || v === '' ? {} : decodeObject(v, field, now);
}

export function requiredObject(body: Body, field: string, now: Date): Doc {
  return decodeObject(body[field], field, now);
}

/** insertDocument's `data`: an array of EJSON strings (a lone string is accepted too). */
export function documents(body: Body, now: Date): Doc[] {
  const data = body.data;
  const list = Array.isArray(data) ? data : [data];
  if (list.length === 0) throw invalid('data must not be empty');
  return list.map((d, i) => decodeObject(d, `data[${i}]`, now));
}

export function number(body: Body, field: string): number | undefined {
  const v = body[field];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export const flag = (body: Body, field: string, fallback: boolean): boolean =>
  typeof body[field] === 'boolean' ? (body[field] as boolean) : fallback;

export const isDocQuery = (body: Body): boolean => body.queryType === 'DOC';

export function transactionId(body: Body): string | undefined {
  const id = body.transactionId;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/**
 * Aggregation stages: `{stageKey, stageValue}` where objects are EJSON strings and anything else
 * (`$limit: 10`, `$unwind: "$j"`) is JSON.stringify'd; both parse with the same EJSON decoder.
 */
export function stages(body: Body, now: Date): Doc[] {
  const raw = body.stages;
  if (!Array.isArray(raw)) throw invalid('stages must be an array');
  return raw.map((s: unknown, i) => {
    if (!isPlainObject(s) || typeof s.stageKey !== 'string' || typeof s.stageValue !== 'string') {
      throw invalid(`stages[${i}] must be {stageKey, stageValue}`);
    }
    try {
      return { [s.stageKey]: decodeWire(s.stageValue, now) };
    } catch (err) {
      throw invalid(`stages[${i}].stageValue is not valid EJSON: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
}
