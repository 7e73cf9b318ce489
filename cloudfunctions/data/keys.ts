import { createHash } from 'crypto';

const hash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 24);

/** A stable id per OPENID, so that concurrent first logins converge on one record (same as user.login). */
export function userIdFor(openid: string): string {
  return 'u' + hash(openid);
}

/**
 * The key of a person (a canonical phone within a chain). Documents derived from it — the person
 * doc, the first filing, the new customer record — have fixed ids, so two first bookings of the
 * same phone write the same documents and the second transaction conflicts instead of filing twice.
 * The phone itself never appears in the id.
 */
export function phoneKey(chainId: string, phone: string): string {
  return hash(`${chainId}:${phone}`);
}

export const personIdFor = (chainId: string, phone: string): string => 'p' + phoneKey(chainId, phone);
export const filingIdFor = (chainId: string, phone: string): string => 'f' + phoneKey(chainId, phone);
export const customerIdFor = (chainId: string, phone: string): string => 'c' + phoneKey(chainId, phone);

/**
 * The short key that starts the reward-use entry ids of a deal request (`<key><kind>:<credit id>`):
 * a request id is up to 64 characters and a credit id up to 109, a ledger id at most 128.
 */
export const rewardUseKeyFor = (requestId: string): string => 'u' + hash(`use:${requestId}`).slice(0, 12);

/** One visit per person and Shanghai calendar day: a second check-in the same day is the same visit. */
export const visitIdFor = (customerId: string, localDate: string): string =>
  `v${customerId}_${localDate.replace(/-/g, '')}`;

/** One grant-bank document per (WeChat user, subscribe template); neither appears in the id. */
export const grantIdFor = (openid: string, templateId: string): string => 'g' + hash(`grant:${openid}:${templateId}`);

/** A roll-up marker: "this key was counted in this month" (e.g. served: staff + person). */
export const rollupMarkIdFor = (kind: string, month: string, ...parts: string[]): string =>
  'm' + hash(`mark:${kind}:${month}:${parts.join(':')}`);
