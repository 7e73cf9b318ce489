/**
 * What an instance can be handed: the event travels to the worker process as one JSON string,
 * made here, before any instance is taken. An event that cannot be made into that string is
 * refused up front with a typed reason, so nothing is armed (timers, listeners) for a call that
 * never reached an instance.
 */

/**
 * Deepest nesting of objects and arrays an event may have. JSON.parse reads any depth, but
 * JSON.stringify and the functions' own recursive walks (the wrapper's operator-key check) run out
 * of stack a few thousand levels down, and where exactly depends on the stack in use: a fixed limit
 * far below that keeps the answer the same on every machine.
 */
export const MAX_EVENT_DEPTH = 256;

export const UNDELIVERABLE_EVENT = 'EVENT_UNDELIVERABLE';

export type EncodedEvent =
  { ok: true; json: string } | { ok: false; code: typeof UNDELIVERABLE_EVENT; message: string; detail: string };

/** Nesting depth of a JSON-like value, without recursion (so any depth can be measured). */
export function nestingDepth(value: unknown, limit = Number.POSITIVE_INFINITY): number {
  let deepest = 0;
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const top = stack.pop() as { value: unknown; depth: number };
    if (top.value === null || typeof top.value !== 'object') continue;
    if (seen.has(top.value)) continue; // cycles: JSON.stringify reports them below
    seen.add(top.value);
    const depth = top.depth + 1;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) return deepest;
    const children = Array.isArray(top.value) ? top.value : Object.values(top.value as Record<string, unknown>);
    for (const child of children) stack.push({ value: child, depth });
  }
  return deepest;
}

export function encodeEvent(event: unknown): EncodedEvent {
  const depth = nestingDepth(event, MAX_EVENT_DEPTH);
  if (depth > MAX_EVENT_DEPTH) {
    return {
      ok: false,
      code: UNDELIVERABLE_EVENT,
      message: `请求数据嵌套超过 ${MAX_EVENT_DEPTH} 层，无法传给云函数`,
      detail: `event nested deeper than ${MAX_EVENT_DEPTH} levels`,
    };
  }
  let json: string | undefined;
  try {
    json = JSON.stringify(event ?? {});
  } catch (e) {
    return {
      ok: false,
      code: UNDELIVERABLE_EVENT,
      message: '请求数据无法序列化为 JSON，无法传给云函数',
      detail: e instanceof Error ? e.message : String(e),
    };
  }
  return { ok: true, json: json ?? '{}' };
}
