import type { Scope } from '../identity/scope';
import { maskPhone } from '../identity/mask';
import { addDays, type LocalDate } from '../time/shanghai';

/**
 * What a reader of the audit log sees. Entries never change; what is shown depends on who reads:
 * below the chain (a store manager) customers' mobile numbers are masked wherever they appear.
 */
export const seesFullPhones = (scope: Scope | null): boolean => scope?.kind === 'chain';

/**
 * A mainland mobile number not part of a longer run of digits (ids and amounts stay as they are).
 * No lookbehind: older WeChat JavaScript engines (iOS 12's) cannot parse it.
 */
const MOBILE = /(^|\D)(1[3-9]\d{9})(?!\d)/g;

export const maskPhonesInText = (text: string): string =>
  text.replace(MOBILE, (_match, before: string, phone: string) => `${before}${maskPhone(phone)}`);

/** Every string inside a value (before/after of a change) with its mobile numbers masked. */
export function maskPhonesIn<T>(value: T): T {
  if (typeof value === 'string') return maskPhonesInText(value) as T;
  if (Array.isArray(value)) return value.map((v) => maskPhonesIn(v)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskPhonesIn(v)])) as T;
  }
  return value;
}

/**
 * The instants a range of Shanghai calendar days covers, `[from, to)` as ISO strings in UTC (the
 * form every entry's `at` is written in, so they compare as text): from the first day's midnight
 * to the midnight after the last day.
 */
export function dayRangeBounds(range: { from?: LocalDate; to?: LocalDate }): { from?: string; to?: string } {
  const midnight = (d: LocalDate) => new Date(`${d}T00:00:00+08:00`).toISOString();
  return {
    ...(range.from ? { from: midnight(range.from) } : {}),
    ...(range.to ? { to: midnight(addDays(range.to, 1)) } : {}),
  };
}
