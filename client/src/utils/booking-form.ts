import { normalizePersonName, normalizePhone, PERSON_NAME_MESSAGES } from '@clinic/shared';

/** What the booking form holds while the customer fills it in. */
export interface BookingFormValues {
  storeId: string;
  productId: string;
  date: string;
  slot: string;
  name: string;
  /** Typed (H5, and weapp when WeChat's number is not used). */
  phone: string;
  /** weapp: the getPhoneNumber button's one-time code; when set, the typed phone is not used. */
  phoneCode: string;
}

export type BookingField = keyof BookingFormValues;
export type BookingFormErrors = Partial<Record<BookingField, string>>;

export const EMPTY_BOOKING_FORM: BookingFormValues = {
  storeId: '',
  productId: '',
  date: '',
  slot: '',
  name: '',
  phone: '',
  phoneCode: '',
};

export const FORM_MESSAGES = {
  storeId: '请选择门店',
  productId: '请选择项目',
  date: '请选择到院日期',
  slot: '请选择到院时间',
  name: PERSON_NAME_MESSAGES.empty,
  nameTooLong: PERSON_NAME_MESSAGES.too_long,
  nameUnsupported: PERSON_NAME_MESSAGES.unsupported_chars,
} as const;

/** Field errors in display order; an empty object means the form can be sent. */
export function validateBookingForm(values: BookingFormValues): BookingFormErrors {
  const errors: BookingFormErrors = {};
  if (!values.storeId) errors.storeId = FORM_MESSAGES.storeId;
  if (!values.productId) errors.productId = FORM_MESSAGES.productId;
  if (!values.date) errors.date = FORM_MESSAGES.date;
  if (!values.slot) errors.slot = FORM_MESSAGES.slot;
  // The same rule as booking.create's contract, so the customer sees the reason at the field.
  const name = normalizePersonName(values.name);
  if (!name.ok) errors.name = name.message;
  if (!values.phoneCode) {
    const phone = normalizePhone(values.phone);
    if (!phone.ok) errors.phone = phone.message;
  }
  return errors;
}

export function hasErrors(errors: BookingFormErrors): boolean {
  return Object.keys(errors).length > 0;
}

/** The phone part of the booking request: WeChat's code when the customer used it, else the typed number. */
export function phoneFields(values: BookingFormValues): { phone: string } | { phoneCode: string } {
  return values.phoneCode ? { phoneCode: values.phoneCode } : { phone: values.phone };
}
