/**
 * EJSON codec for the wire and the store (docs/wire-protocol.md §5), built on the SDK's own bson 4.7.2.
 *
 * Values are kept in memory as plain JS so mingo can evaluate them: numbers (int32/double/safe longs),
 * Date, RegExp. Longs beyond 2^53 stay bson `Long` so they round-trip exactly (mingo cannot compare them).
 */
import { randomBytes } from 'crypto';
import { EJSON, Long } from 'bson';

export type Doc = Record<string, unknown>;

interface BsonWrapped {
  _bsontype: string;
}

const isBson = (v: object): v is BsonWrapped => typeof (v as Partial<BsonWrapped>)._bsontype === 'string';

const isPlainObject = (v: unknown): v is Doc => {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/** BSON regex options JS has no flag for ('x', 'l') are dropped: the stand-in cannot honour them. */
const toRegExp = (pattern: string, options: string): RegExp =>
  new RegExp(pattern, [...options].filter((f) => 'imsu'.includes(f)).join(''));

function normalizeBson(v: BsonWrapped): unknown {
  switch (v._bsontype) {
    case 'Int32':
    case 'Double':
      return (v as unknown as { valueOf(): number }).valueOf();
    case 'Long': {
      const long = v as unknown as Long;
      const n = long.toNumber();
      return Number.isSafeInteger(n) ? n : long;
    }
    case 'BSONRegExp': {
      const rx = v as unknown as { pattern: string; options: string };
      return toRegExp(rx.pattern, rx.options);
    }
    default:
      return v; // ObjectId, Binary, Decimal128…: kept as bson values, they round-trip through EJSON
  }
}

/**
 * `{"$tcb_server_date":{"offset":n}}` → `now + n` ms. Inside `_.set(db.serverDate())` the SDK loses the wrapper and
 * sends only `{"offset":n}` (docs/wire-protocol.md §5): that is indistinguishable from user data, so it is stored as sent.
 */
function serverDate(v: Doc, now: Date): Date | undefined {
  const keys = Object.keys(v);
  if (keys.length !== 1 || keys[0] !== '$tcb_server_date') return undefined;
  const inner = v.$tcb_server_date;
  const offset = isPlainObject(inner) && typeof inner.offset === 'number' ? inner.offset : 0;
  return new Date(now.getTime() + offset);
}

/** Turns bson wrappers into plain JS values; resolves server dates when `now` is given. */
export function normalize(value: unknown, now?: Date): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((x) => normalize(x, now));
  if (value instanceof Date || value instanceof RegExp) return value;
  if (isBson(value)) return normalizeBson(value);
  if (!isPlainObject(value)) return value;
  const out: Doc = {};
  for (const [k, v] of Object.entries(value)) out[k] = normalize(v, now);
  if (now) return serverDate(out, now) ?? out;
  return out;
}

/** Decodes one canonical (or relaxed) EJSON string from the wire, resolving server dates against `now`. */
export function decodeWire(text: string, now: Date): unknown {
  return normalize(EJSON.parse(text, { relaxed: false }), now);
}

/** Decodes a stored document (no server dates can be left in it). */
export function decodeStored(text: string): Doc {
  return normalize(EJSON.parse(text, { relaxed: false })) as Doc;
}

/** Canonical EJSON text: what `data.list` carries and what the store keeps. */
export function encode(value: unknown): string {
  return EJSON.stringify(value as Doc, { relaxed: false });
}

/** Map/SQLite key of an `_id`: its canonical EJSON, so the string "42" and the number 42 stay distinct. */
export function idKey(id: unknown): string {
  return encode(id);
}

/** Generated `_id`s look like the real ones: 32 lowercase hex characters. */
export function newId(): string {
  return randomBytes(16).toString('hex');
}

export { isPlainObject };
