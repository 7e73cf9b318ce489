/**
 * The follow-up result form (V1–V4, N1–N2): what each result asks for, validation messages, and the
 * form → `followUpResultInputSchema` mapping. The rules are docs/business-rules.md §6: V1 needs the planned
 * visit date, V3 and V4 a reason (the shared schema leaves V4's optional and the next-step rule
 * refuses it without one, so the form asks before anything is sent).
 */
import {
  DECLINE_REASONS,
  FOLLOW_UP_RESULTS,
  compareDates,
  type DeclineReason,
  type FollowUpResultCode,
  type FollowUpResultInput,
} from '@clinic/shared';

export const NOTE_MAX = 200;

export interface ResultFormValues {
  result: FollowUpResultCode | '';
  plannedVisitDate: string;
  reason: DeclineReason | '';
  note: string;
}

export type ResultField = keyof ResultFormValues;
export type ResultFormErrors = Partial<Record<ResultField, string>>;

export const EMPTY_RESULT_FORM: ResultFormValues = { result: '', plannedVisitDate: '', reason: '', note: '' };

export const RESULT_OPTIONS: readonly { code: FollowUpResultCode; label: string }[] = (
  Object.keys(FOLLOW_UP_RESULTS) as FollowUpResultCode[]
).map((code) => ({ code, label: FOLLOW_UP_RESULTS[code] }));

export const REASON_OPTIONS: readonly { reason: DeclineReason; label: string }[] = (
  Object.keys(DECLINE_REASONS) as DeclineReason[]
).map((reason) => ({ reason, label: DECLINE_REASONS[reason] }));

export const RESULT_FORM_MESSAGES = {
  result: '请选择回访结果',
  plannedVisitDate: '请选择计划到院日期',
  plannedVisitDatePast: '计划到院日期不能早于今天',
  reasonV3: '请选择本次不参加的原因',
  reasonV4: '有效四级必须填写原因',
  note: `备注不能超过 ${NOTE_MAX} 个字`,
} as const;

/** Which extra fields a result shows. */
export function resultNeeds(code: ResultFormValues['result']): { date: boolean; reason: boolean } {
  return { date: code === 'V1', reason: code === 'V3' || code === 'V4' };
}

/** Field errors; an empty object means the form can be previewed and saved. */
export function validateResultForm(values: ResultFormValues, today: string): ResultFormErrors {
  const errors: ResultFormErrors = {};
  if (!values.result) {
    errors.result = RESULT_FORM_MESSAGES.result;
    return errors;
  }
  const needs = resultNeeds(values.result);
  if (needs.date) {
    if (!values.plannedVisitDate) errors.plannedVisitDate = RESULT_FORM_MESSAGES.plannedVisitDate;
    else if (compareDates(values.plannedVisitDate, today) < 0) {
      errors.plannedVisitDate = RESULT_FORM_MESSAGES.plannedVisitDatePast;
    }
  }
  if (needs.reason && !values.reason) {
    errors.reason = values.result === 'V4' ? RESULT_FORM_MESSAGES.reasonV4 : RESULT_FORM_MESSAGES.reasonV3;
  }
  if (values.note.trim().length > NOTE_MAX) errors.note = RESULT_FORM_MESSAGES.note;
  return errors;
}

/**
 * The result as the contract takes it, or null while the form is incomplete. `withNote: false`
 * leaves the note out (the preview: a note never changes what happens next).
 */
export function toResultInput(
  values: ResultFormValues,
  today: string,
  { withNote = true }: { withNote?: boolean } = {},
): FollowUpResultInput | null {
  const checked = withNote ? values : { ...values, note: '' };
  if (Object.keys(validateResultForm(checked, today)).length > 0) return null;
  const note = withNote && values.note.trim() ? { note: values.note.trim() } : {};
  const reason = values.reason || undefined;
  switch (values.result) {
    case 'V1':
      return { result: 'V1', plannedVisitDate: values.plannedVisitDate, ...note };
    case 'V2':
      return { result: 'V2', ...note };
    case 'V3':
      return reason ? { result: 'V3', reason, ...note } : null;
    case 'V4':
      return reason ? { result: 'V4', reason, ...note } : null;
    case 'N1':
      return { result: 'N1', ...note };
    case 'N2':
      return { result: 'N2', ...note };
    default:
      return null;
  }
}

/** What the preview area says while the choice is incomplete (the first missing piece), else undefined. */
export function previewHint(values: ResultFormValues, today: string): string | undefined {
  const errors = validateResultForm({ ...values, note: '' }, today);
  const first = errors.result ?? errors.plannedVisitDate ?? errors.reason;
  return first ? `${first}，即可查看保存后的安排` : undefined;
}

/**
 * What decides the preview, as a stable key (null while incomplete): the page asks previewResult
 * again only when it changes — a new result, date or reason, never a note or a stale field of
 * another result.
 */
export function previewKey(values: ResultFormValues, today: string): string | null {
  const input = toResultInput(values, today, { withNote: false });
  return input ? JSON.stringify(input) : null;
}
