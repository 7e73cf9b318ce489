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
    const message = plainMessage(issue);
    issues.push({ path, message: label ? `${label}：${message}` : message });
  }
  return issues;
}

/** zod's own zh-CN messages (`数值过大：期望 number <=30`) start so; a schema's own message never does. */
const LOCALE_DEFAULT = /^(数值过大|数值过小|无效输入)：期望/;

/**
 * A limit said the way a manager reads it (`不能超过 30`, `最多 10 项`, `请填写数字`) instead of zod's
 * generic wording; the schemas' own messages are kept as they are.
 */
export function plainMessage(issue: z.core.$ZodIssue): string {
  if (!LOCALE_DEFAULT.test(issue.message)) return issue.message;
  if (issue.code === 'too_big' || issue.code === 'too_small') {
    const big = issue.code === 'too_big';
    const limit = String(big ? issue.maximum : issue.minimum);
    const inclusive = issue.inclusive !== false;
    if (issue.origin === 'string') {
      if (!big && limit === '1') return '不能为空';
      return big ? `不能超过 ${limit} 个字` : `至少 ${limit} 个字`;
    }
    if (issue.origin === 'array' || issue.origin === 'set') {
      if (!big && limit === '1') return '至少填写一项';
      return big ? `最多 ${limit} 项` : `至少 ${limit} 项`;
    }
    if (big) return inclusive ? `不能超过 ${limit}` : `须小于 ${limit}`;
    return inclusive ? `不能小于 ${limit}` : `须大于 ${limit}`;
  }
  if (issue.code === 'invalid_type') {
    if (issue.expected === 'number' || issue.expected === 'int') return '请填写数字';
    if (issue.expected === 'string') return '请填写文字';
    if (issue.expected === 'boolean') return '请选择是或否';
    if (issue.expected === 'array') return '请填写列表';
  }
  return '格式不正确';
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
