/**
 * 黄金时间 (docs/business-rules.md §5): how a ranked old customer's card reads, and the ask form
 * (记录宣导) — its fields, validation messages and the form → `staff.recordAsk` input mapping — and
 * how the answer (the friend's filing, first filing wins: R1) is told.
 */
import {
  addMonths,
  compareDates,
  gradeForBooking,
  normalizePersonName,
  normalizePhone,
  type FollowUpGrade,
} from '@clinic/shared';
import type { GoldenTimePage, RecordAskInput, RecordedAsk } from '../services/staff';
import { formatDay } from './dates';

export type GoldenItem = GoldenTimePage['items'][number];

/** Under the empty list's title (the tab's own): who appears here, and why someone may be missing. */
export const GOLDEN_EMPTY_HINT = '治疗后 1–11 个月、近期未宣导过的老客会出现在这里；刚记录过宣导的老客冷却期后再出现';

/** `3` → `治疗后第 3 个月` (month 1 starts on the treatment date). */
export function monthsText(months: number): string {
  return `治疗后第 ${months} 个月`;
}

/** The reasons as chips, without the window label the card already shows as its tag. */
export function reasonChips(item: Pick<GoldenItem, 'reasons' | 'windowLabel'>): string[] {
  return item.reasons.filter((r) => r !== item.windowLabel);
}

/** Where the ask form is, for one customer of the list (the masked name travels for the heading). */
export function askFormUrl(page: string, item: Pick<GoldenItem, 'customerId' | 'displayName'>): string {
  return `${page}?id=${encodeURIComponent(item.customerId)}&name=${encodeURIComponent(item.displayName)}`;
}

export const NEED_MAX = 200;
export const ASK_NOTE_MAX = 200;
/** The expected visit date is offered up to a year ahead. */
export const EXPECTED_VISIT_MONTHS = 12;

export interface AskFormValues {
  /** 有意向介绍朋友: the friend's fields are asked for only then. */
  hasFriend: boolean;
  friendName: string;
  friendPhone: string;
  need: string;
  /** `YYYY-MM-DD` or '' (optional). */
  expectedVisitDate: string;
  grade: FollowUpGrade | '';
  note: string;
}

export type AskField = keyof AskFormValues;
export type AskFormErrors = Partial<Record<AskField, string>>;

export const EMPTY_ASK_FORM: AskFormValues = {
  hasFriend: false,
  friendName: '',
  friendPhone: '',
  need: '',
  expectedVisitDate: '',
  grade: '',
  note: '',
};

export const ASK_FORM_MESSAGES = {
  grade: '请选择朋友的意向等级',
  needRequired: '一级、二级意向请写明朋友的需求（意向项目、预算）',
  needTooLong: `需求不能超过 ${NEED_MAX} 个字`,
  datePast: '预计到院日期不能早于今天',
  dateTooFar: `预计到院日期最多选择 ${EXPECTED_VISIT_MONTHS} 个月内`,
  noteTooLong: `备注不能超过 ${ASK_NOTE_MAX} 个字`,
} as const;

/** The date picker's range: today to a year ahead. */
export function expectedVisitRange(today: string): { start: string; end: string } {
  return { start: today, end: addMonths(today, EXPECTED_VISIT_MONTHS) };
}

/**
 * Field errors; an empty object means the form can be saved. Without a friend only the note is
 * checked. F1 and F2 mean a clear project intent (§6), so they need the friend's need; F3 (only a
 * contact passed on, intent unclear) may leave it empty.
 */
export function validateAskForm(values: AskFormValues, today: string): AskFormErrors {
  const errors: AskFormErrors = {};
  if (values.note.trim().length > ASK_NOTE_MAX) errors.note = ASK_FORM_MESSAGES.noteTooLong;
  if (!values.hasFriend) return errors;
  const name = normalizePersonName(values.friendName);
  if (!name.ok) errors.friendName = name.message;
  const phone = normalizePhone(values.friendPhone);
  if (!phone.ok) errors.friendPhone = phone.message;
  if (!values.grade) errors.grade = ASK_FORM_MESSAGES.grade;
  const need = values.need.trim();
  if (need.length > NEED_MAX) errors.need = ASK_FORM_MESSAGES.needTooLong;
  else if (!need && (values.grade === 'F1' || values.grade === 'F2')) errors.need = ASK_FORM_MESSAGES.needRequired;
  if (values.expectedVisitDate) {
    const { end } = expectedVisitRange(today);
    if (compareDates(values.expectedVisitDate, today) < 0) errors.expectedVisitDate = ASK_FORM_MESSAGES.datePast;
    else if (compareDates(values.expectedVisitDate, end) > 0) {
      errors.expectedVisitDate = ASK_FORM_MESSAGES.dateTooFar;
    }
  }
  return errors;
}

/** The recordAsk input, or null while `validateAskForm` finds anything (or without a customer). */
export function toRecordAskInput(customerId: string, values: AskFormValues, today: string): RecordAskInput | null {
  if (!customerId || Object.keys(validateAskForm(values, today)).length > 0) return null;
  const note = values.note.trim();
  const base = { customerId, ...(note ? { note } : {}) };
  if (!values.hasFriend || !values.grade) return values.hasFriend ? null : base;
  return {
    ...base,
    friend: {
      name: values.friendName.trim(),
      phone: values.friendPhone.trim(),
      need: values.need.trim(),
      ...(values.expectedVisitDate ? { expectedVisitDate: values.expectedVisitDate } : {}),
      grade: values.grade,
    },
  };
}

const GRADE_STRENGTH: Record<FollowUpGrade, number> = { F1: 1, F2: 2, F3: 3 };

/**
 * A gentle hint (never an error) when the chosen grade promises a sooner visit than the expected
 * date: F1 means a visit within a month, F2 within three (§6).
 */
export function gradeDateHint(values: Pick<AskFormValues, 'grade' | 'expectedVisitDate'>, today: string) {
  if (!values.grade || !values.expectedVisitDate || compareDates(values.expectedVisitDate, today) < 0) return undefined;
  const byDate = gradeForBooking(today, values.expectedVisitDate);
  if (GRADE_STRENGTH[values.grade] >= GRADE_STRENGTH[byDate]) return undefined;
  return values.grade === 'F1'
    ? '一级意向应在 1 个月内到院；预计日期更晚，请确认等级'
    : '二级意向应在 3 个月内到院；预计日期更晚，请确认等级';
}

/** The picker's text: the chosen date, or the prompt. */
export function expectedVisitText(date: string, today: string): string {
  if (!date) return '选择日期（选填）';
  const year = date.slice(0, 4);
  return year === today.slice(0, 4) ? formatDay(date, today) : `${year}年${formatDay(date, today)}`;
}

/**
 * How the answer opens: a new filing, the friend filed before (first filing wins, R1; the server's
 * message says by which channel, and that this one is a touch), or an ask without a friend.
 */
export function askHeadline(res: RecordedAsk): { title: string; sub: string } {
  const filing = res.friendFiling;
  if (!filing) return { title: '已记录宣导', sub: '该老客将暂时移出黄金时间名单，冷却期后再出现' };
  return { title: filing.existing ? '朋友此前已建档' : '已为朋友建档', sub: filing.message };
}
