import { fieldIssuesFromMessage, type Fail } from '@clinic/shared';
import { errorsOf, type FieldErrors } from './settings-draft';

/**
 * What a refused save means for the form: a conflict (someone saved first: reload), errors under
 * their fields (the server names each wrong field in its message), or one message for the page.
 */
export type SaveRefusal =
  | { kind: 'conflict'; message: string }
  | { kind: 'fields'; errors: FieldErrors; message: string }
  | { kind: 'message'; message: string };

export function refusalOf(fail: Fail): SaveRefusal {
  if (fail.code === 'STALE_VERSION') return { kind: 'conflict', message: fail.message };
  if (fail.code === 'INVALID_INPUT') {
    const issues = fieldIssuesFromMessage(fail.message).filter((i) => i.path !== '');
    if (issues.length > 0) return { kind: 'fields', errors: errorsOf(issues), message: '请修改标红的内容后再保存' };
  }
  return { kind: 'message', message: fail.message };
}

/** Errors the form shows nowhere (a path it has no field for): shown together above the save button. */
export function unplacedErrors(errors: FieldErrors, placed: ReadonlySet<string>): string[] {
  return Object.entries(errors)
    .filter(([path]) => !placed.has(path))
    .map(([, message]) => message);
}
