import { createHash } from 'node:crypto';
import type { KeyValuePair } from './codec';

/** What a media pair (a Buffer param such as `media:{contentType,value}`) decodes to. */
export interface MediaParam {
  media: { filename: string; size: number; sha1: string };
}

/**
 * KeyValuePairs → the call's params. Each pair's value is the JSON text of one top-level param
 * (the SDK uses json-bigint; integers beyond 2^53 lose precision here, which no supported API uses).
 * Media pairs carry raw bytes and a filename; they are summarised rather than kept, so the outbox stays small.
 */
export function decodeParams(pairs: KeyValuePair[]): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const pair of pairs) {
    params[pair.key] = pair.filename ? describeMedia(pair) : parseJsonText(pair.value.toString('utf8'));
  }
  return params;
}

function describeMedia(pair: KeyValuePair): MediaParam {
  const sha1 = createHash('sha1').update(pair.value).digest('hex');
  return { media: { filename: pair.filename, size: pair.value.length, sha1 } };
}

/** Non-JSON text is kept as the raw string, the closest thing to what the real service would see. */
function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
