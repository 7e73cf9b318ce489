/**
 * The desk filing form (建档 at the front desk, any channel of the clinic's list): channel and grade
 * options, validation, and the form → `fileAtDesk` input mapping.
 */
import {
  DEFAULT_SETTINGS,
  idSchema,
  normalizePersonName,
  normalizePhone,
  type ChannelId,
  type FollowUpGrade,
} from '@clinic/shared';
import type { DeskFilingInput } from '../services/visits';

/** 老带新's channel id: its filings must name the old customer who recommended the person. */
export const REFERRAL_CHANNEL = 'referral';

/**
 * The channel picker's options. The clinic's own list is a setting no client action reads yet, so
 * the picker shows the defaults (shared `DEFAULT_SETTINGS.channels`).
 */
export function channelOptions(
  channels: Record<string, string> = DEFAULT_SETTINGS.channels,
): { id: ChannelId; label: string }[] {
  return Object.entries(channels).map(([id, label]) => ({ id, label }));
}

export interface DeskFilingValues {
  phone: string;
  name: string;
  channel: string;
  grade: FollowUpGrade | '';
  referrerCustomerId: string;
  productIds: string[];
}

export type DeskFilingField = keyof DeskFilingValues;
export type DeskFilingErrors = Partial<Record<DeskFilingField, string>>;

export const EMPTY_DESK_FILING: DeskFilingValues = {
  phone: '',
  name: '',
  channel: '',
  grade: '',
  referrerCustomerId: '',
  productIds: [],
};

export const DESK_FILING_MESSAGES = {
  channel: '请选择渠道',
  grade: '请选择意向等级',
  referrerRequired: '老带新建档必须选择推荐的老客',
  referrerInvalid: '所选老客有误，请重新选择',
  tooManyProducts: '最多选择 10 个项目',
} as const;

export const MAX_PRODUCTS = 10;

export function referrerRequired(channel: string): boolean {
  return channel === REFERRAL_CHANNEL;
}

export function validateDeskFiling(values: DeskFilingValues): DeskFilingErrors {
  const errors: DeskFilingErrors = {};
  const phone = normalizePhone(values.phone);
  if (!phone.ok) errors.phone = phone.message;
  const name = normalizePersonName(values.name);
  if (!name.ok) errors.name = name.message;
  if (!values.channel) errors.channel = DESK_FILING_MESSAGES.channel;
  if (!values.grade) errors.grade = DESK_FILING_MESSAGES.grade;
  const referrer = values.referrerCustomerId.trim();
  if (!referrer && referrerRequired(values.channel)) errors.referrerCustomerId = DESK_FILING_MESSAGES.referrerRequired;
  else if (referrer && !idSchema.safeParse(referrer).success) {
    errors.referrerCustomerId = DESK_FILING_MESSAGES.referrerInvalid;
  }
  if (values.productIds.length > MAX_PRODUCTS) errors.productIds = DESK_FILING_MESSAGES.tooManyProducts;
  return errors;
}

/** The fileAtDesk input, or null while `validateDeskFiling` finds anything. */
export function toDeskFilingInput(values: DeskFilingValues): DeskFilingInput | null {
  if (!values.grade || Object.keys(validateDeskFiling(values)).length > 0) return null;
  const referrer = values.referrerCustomerId.trim();
  return {
    phone: values.phone.trim(),
    name: values.name.trim(),
    channel: values.channel,
    grade: values.grade,
    ...(referrer ? { referrerCustomerId: referrer } : {}),
    productIds: values.productIds,
  };
}

/** Adds or removes one product (at most MAX_PRODUCTS stay chosen). */
export function toggleProduct(chosen: readonly string[], id: string): string[] {
  if (chosen.includes(id)) return chosen.filter((p) => p !== id);
  return chosen.length >= MAX_PRODUCTS ? [...chosen] : [...chosen, id];
}

/** The answer's headline: a new filing, or the person's existing one (this attempt kept as a touch). */
export function deskFilingHeadline(res: { existing: boolean }): string {
  return res.existing ? '已建档客户（记为接触）' : '已建档';
}
