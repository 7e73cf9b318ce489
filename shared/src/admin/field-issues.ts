import type * as z from 'zod/mini';

/**
 * A refusal that names its field: `path` is the dotted path inside what was sent
 * (`followUp.reassignAfterDays`, `rewards.policies.0.rateBp`), `message` is Chinese for people.
 * The server puts every issue into one failure message; the client reads them back to show each
 * one under its field, so both sides use the format below.
 */
export interface FieldIssue {
  path: string;
  message: string;
}

/** How many issues one message carries (the rest would not help anyone find the first ones). */
export const MAX_FIELD_ISSUES = 8;

/** The issues of a zod error, each with its path and (when the labeller knows it) the field's Chinese name. */
export function fieldIssuesOf(error: z.core.$ZodError, labelOf: (path: string) => string | undefined): FieldIssue[] {
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    // One message per field: the first one zod found is the one to fix first.
    if (seen.has(path)) continue;
    seen.add(path);
    const label = labelOf(path);
    issues.push({ path, message: label ? `${label}：${issue.message}` : issue.message });
  }
  return issues;
}

const SEPARATOR = '；';
const FIELD_RE = /^(.*)（字段 ([^）]*)）$/s;

/** One line for a failure: `返利比例：不能超过 100%（字段 rewards.policies.0.rateBp）；…`. */
export function fieldIssuesMessage(issues: readonly FieldIssue[]): string {
  return issues
    .slice(0, MAX_FIELD_ISSUES)
    .map((i) => (i.path ? `${i.message}（字段 ${i.path}）` : i.message))
    .join(SEPARATOR);
}

/** The issues a failure message carries, by field (a message that names no field gives `path: ''`). */
export function fieldIssuesFromMessage(message: string): FieldIssue[] {
  return message
    .split(SEPARATOR)
    .filter((part) => part.trim() !== '')
    .map((part) => {
      const m = FIELD_RE.exec(part);
      return m ? { path: m[2] as string, message: m[1] as string } : { path: '', message: part };
    });
}
