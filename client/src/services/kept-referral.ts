/**
 * The referral code a new customer arrived with, kept on the device (Taro storage) until they book:
 * across page changes and restarts of the app, for the clinic's number of days (30 by default).
 * Losing the code between landing and booking is the most common complaint about referral programs.
 */
import Taro from '@tarojs/taro';
import * as z from 'zod/mini';
import type { ReferralTerms } from '@clinic/shared';
import { REFERRAL_KEEP_DAYS } from '../constants';

const STORAGE_KEY = 'clinic.keptReferral';
const DAY_MS = 86_400_000;

const keptSchema = z.object({
  code: z.string().check(z.minLength(1), z.maxLength(16)),
  /** As resolveLanding gave it: masked (`张*`), or the nickname the referrer chose to show (≤ 40 units). */
  referrerDisplayName: z.string().check(z.maxLength(40)),
  keptAt: z.int(),
  expiresAt: z.int(),
  /** R2's lead time as resolveLanding gave it; absent in records kept before it did. */
  terms: z.optional(z.object({ minLeadDays: z.nullable(z.int().check(z.gte(0))) })),
  storeId: z.optional(z.string().check(z.maxLength(64))),
});
export type KeptReferral = z.infer<typeof keptSchema>;

/** What an invitation brings to the device (as resolveLanding answered it). */
export interface Invitation {
  code: string;
  referrerDisplayName: string;
  terms?: ReferralTerms;
  /** The referrer's store: the booking starts there when the customer has no store of their own yet. */
  storeId?: string;
}

/** Pure: the record to keep for an invitation, `days` from `nowMs`. */
export function keptRecord(invitation: Invitation, nowMs: number, days: number = REFERRAL_KEEP_DAYS): KeptReferral {
  const { code, referrerDisplayName, terms, storeId } = invitation;
  return {
    code,
    referrerDisplayName,
    keptAt: nowMs,
    expiresAt: nowMs + days * DAY_MS,
    ...(terms ? { terms } : {}),
    ...(storeId ? { storeId } : {}),
  };
}

/** Pure: whether a kept record is still valid at `nowMs`. */
export function isKeptValid(kept: KeptReferral, nowMs: number): boolean {
  return nowMs < kept.expiresAt;
}

/** Keeps the invitation (the latest valid one replaces an earlier one: the customer has not filed yet). */
export function keepReferral(invitation: Invitation, nowMs = Date.now(), days = REFERRAL_KEEP_DAYS) {
  const record = keptRecord(invitation, nowMs, days);
  try {
    Taro.setStorageSync(STORAGE_KEY, record);
  } catch {
    // Storage full or unavailable: the booking simply goes without the code.
  }
  return record;
}

/** The kept code, or null; an expired or unreadable record is removed. */
export function getKeptReferral(nowMs = Date.now()): KeptReferral | null {
  let raw: unknown;
  try {
    raw = Taro.getStorageSync(STORAGE_KEY);
  } catch {
    return null;
  }
  if (raw === '' || raw === undefined || raw === null) return null;
  const parsed = keptSchema.safeParse(raw);
  if (!parsed.success || !isKeptValid(parsed.data, nowMs)) {
    clearKeptReferral();
    return null;
  }
  return parsed.data;
}

/**
 * The function says `code` no longer works (revoked, unknown) or is the caller's own: drop it if it
 * is the kept one — before the page moves on, so that the next page reads nothing kept. Another
 * kept invitation stays. Answers whether it was the kept one.
 */
export function forgetKeptReferral(code: string, nowMs = Date.now()): boolean {
  if (getKeptReferral(nowMs)?.code !== code) return false;
  clearKeptReferral();
  return true;
}

/** After a booking (or when the function says the code is no longer valid). */
export function clearKeptReferral(): void {
  try {
    Taro.removeStorageSync(STORAGE_KEY);
  } catch {
    // nothing to do
  }
}
