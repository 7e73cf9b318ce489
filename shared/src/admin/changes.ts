/**
 * What a change changed, as dotted paths, for the audit log's summary and the viewer's before/after
 * lines. Objects are compared key by key; a list of plain values (days, dates, channels) is one
 * field and changes as a whole; a list of records (reward policies, doctors) is compared item by
 * item, an added or removed item being its index.
 */
export function changedPaths(before: unknown, after: unknown, prefix = ''): string[] {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => changedPaths(before[k], after[k], join(prefix, k)));
  }
  if (Array.isArray(before) && Array.isArray(after) && (before.some(isRecord) || after.some(isRecord))) {
    const n = Math.max(before.length, after.length);
    return Array.from({ length: n }, (_, i) =>
      i < before.length && i < after.length
        ? changedPaths(before[i], after[i], join(prefix, String(i)))
        : [join(prefix, String(i))],
    ).flat();
  }
  return sameJson(before, after) ? [] : [prefix];
}

/** The value at a dotted path (undefined when any step is missing). */
export function valueAtPath(value: unknown, path: string): unknown {
  if (path === '') return value;
  let at: unknown = value;
  for (const part of path.split('.')) {
    if (isRecord(at) || Array.isArray(at)) at = (at as Record<string, unknown>)[part];
    else return undefined;
  }
  return at;
}

const join = (prefix: string, key: string) => (prefix ? `${prefix}.${key}` : key);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The longest message an audit entry holds (`auditLogEntrySchema`). */
export const AUDIT_MESSAGE_MAX = 200;

/**
 * One line for the audit log: `修改渠道与归属：老带新提前建档天数、推荐卡预约归属`; the field names once
 * each, cut with 等 n 项 when they would not fit.
 */
export function changeSummary(title: string, paths: readonly string[], labelOf: (path: string) => string | undefined) {
  const labels = [...new Set(paths.map((p) => labelOf(p) ?? p))];
  if (labels.length === 0) return `${title}：无变化`;
  for (let n = labels.length; n > 0; n--) {
    const rest = labels.length - n;
    const line = `${title}：${labels.slice(0, n).join('、')}${rest > 0 ? ` 等 ${labels.length} 项` : ''}`;
    if (line.length <= AUDIT_MESSAGE_MAX) return line;
  }
  return `${title}：${labels.length} 项`.slice(0, AUDIT_MESSAGE_MAX);
}
