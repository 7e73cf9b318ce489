/**
 * The desk's check-in form: by booking code (scanned or typed) or by phone for a walk-in with the
 * arrival's facts (R3–R5, docs/business-rules.md §3). Validation uses shared's own rules (booking-code check
 * character, phone normaliser, person name, id format), so a reason shows at its field before any call.
 */
import { idSchema, normalizePersonName, normalizePhone, parseBookingCode, type StaffPost } from '@clinic/shared';
import type { CheckInInput } from '../services/visits';

export type CheckInMode = 'code' | 'phone';

/**
 * The people an arrival may name, sent by id: old customers are searched (full mobile number or
 * exact name), colleagues picked from the store's list (点名咨询师 from the consultants).
 */
export const ARRIVAL_FACT_FIELDS = [
  {
    field: 'companionCustomerId',
    label: '同行老客',
    hint: '与老客一同到院时选择（R5：同行到院）',
    kind: 'customer',
  },
  {
    field: 'namedConsultantStaffId',
    label: '点名咨询师',
    hint: '顾客点名要找的咨询师（R4）；再点一次可取消',
    kind: 'staff',
    post: 'consultant',
  },
  {
    field: 'claimedReferrerCustomerId',
    label: '自述推荐老客',
    hint: '顾客说是某位老客推荐、但老客未到场（R3）',
    kind: 'customer',
  },
  {
    field: 'receivedByStaffId',
    label: '接待人',
    hint: '不选则记为您本人接待；再点一次可取消',
    kind: 'staff',
  },
] as const satisfies readonly {
  field: string;
  label: string;
  hint: string;
  kind: 'customer' | 'staff';
  post?: StaffPost;
}[];

export type ArrivalFactField = (typeof ARRIVAL_FACT_FIELDS)[number]['field'];

export interface CheckInFormValues extends Record<ArrivalFactField, string> {
  mode: CheckInMode;
  bookingCode: string;
  phone: string;
  /** Needed only when the phone is nobody's yet (the walk-in is filed now). */
  name: string;
}

export type CheckInField = Exclude<keyof CheckInFormValues, 'mode'>;
export type CheckInFormErrors = Partial<Record<CheckInField, string>>;

export const EMPTY_CHECK_IN_FORM: CheckInFormValues = {
  mode: 'code',
  bookingCode: '',
  phone: '',
  name: '',
  companionCustomerId: '',
  namedConsultantStaffId: '',
  claimedReferrerCustomerId: '',
  receivedByStaffId: '',
};

export const CHECK_IN_MESSAGES = {
  bookingCodeEmpty: '请输入 7 位预约码',
  bookingCodeInvalid: '预约码有误，应为 7 位字母或数字，请核对',
  scanUnreadable: '未识别到有效的预约码，请重新扫描或手动输入',
  idInvalid: '所选人员有误，请重新选择',
} as const;

/** A scanned or typed code in canonical form, or null. The booking QR holds the bare code. */
export function bookingCodeFrom(raw: string): string | null {
  return parseBookingCode(raw);
}

export function validateCheckInForm(values: CheckInFormValues): CheckInFormErrors {
  const errors: CheckInFormErrors = {};
  if (values.mode === 'code') {
    if (!values.bookingCode.trim()) errors.bookingCode = CHECK_IN_MESSAGES.bookingCodeEmpty;
    else if (!bookingCodeFrom(values.bookingCode)) errors.bookingCode = CHECK_IN_MESSAGES.bookingCodeInvalid;
    return errors;
  }
  const phone = normalizePhone(values.phone);
  if (!phone.ok) errors.phone = phone.message;
  if (values.name.trim()) {
    const name = normalizePersonName(values.name);
    if (!name.ok) errors.name = name.message;
  }
  for (const { field } of ARRIVAL_FACT_FIELDS) {
    const id = values[field].trim();
    if (id && !idSchema.safeParse(id).success) errors[field] = CHECK_IN_MESSAGES.idInvalid;
  }
  return errors;
}

/** The checkIn input (empty fields left out), or null while `validateCheckInForm` finds anything. */
export function toCheckInInput(values: CheckInFormValues): CheckInInput | null {
  if (Object.keys(validateCheckInForm(values)).length > 0) return null;
  if (values.mode === 'code') {
    const code = bookingCodeFrom(values.bookingCode);
    return code ? { bookingCode: code } : null;
  }
  const input: CheckInInput = { phone: values.phone.trim() };
  if (values.name.trim()) input.name = values.name.trim();
  for (const { field } of ARRIVAL_FACT_FIELDS) {
    const id = values[field].trim();
    if (id) input[field] = id;
  }
  return input;
}

/** The answer card's headline. */
export function checkInHeadline(res: { firstVisit: boolean; alreadyCheckedIn: boolean }): string {
  if (res.alreadyCheckedIn) return '今日已签到';
  if (res.firstVisit) return '首次到院';
  return '签到成功';
}
