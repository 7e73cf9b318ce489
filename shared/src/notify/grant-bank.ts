/**
 * One-time subscribe-message grants, banked per person and template. WeChat never says how many a
 * user has left: each 允许 in `wx.requestSubscribeMessage` adds one, each successful send spends
 * one, and 43101 means none is left. The bank mirrors exactly that, so it is never more than what
 * WeChat holds (it may be less: a grant given elsewhere is unknown until the person re-subscribes).
 */

/** What `wx.requestSubscribeMessage` answers per template (`filter`: hidden by the platform). */
export const SUBSCRIBE_RESULTS = ['accept', 'reject', 'ban', 'filter', 'filtered'] as const;
export type SubscribeResult = (typeof SUBSCRIBE_RESULTS)[number];

/** Templates asked in one call to `wx.requestSubscribeMessage` (the platform's maximum). */
export const MAX_TEMPLATES_PER_REQUEST = 3;

/** WeChat's answer when the person has no grant left for the template. */
export const NO_GRANT = 43101;
/** A field of the message is invalid (too long, empty, wrong format): a template bug. */
export const ARGUMENT_INVALID = 47003;

/** Grants banked per template id. */
export type GrantBank = Readonly<Record<string, number>>;

/** After a subscribe request: +1 for each accepted template; rejected, banned or filtered: unchanged. */
export function afterSubscribeResults(bank: GrantBank, results: Readonly<Record<string, SubscribeResult>>): GrantBank {
  const next: Record<string, number> = { ...bank };
  for (const [templateId, result] of Object.entries(results)) {
    if (result === 'accept') next[templateId] = (next[templateId] ?? 0) + 1;
  }
  return next;
}

/** One template's count after a send: spent on success (never below 0), emptied by 43101, else unchanged. */
export function afterSend(count: number, errCode: number): number {
  if (errCode === 0) return Math.max(0, count - 1);
  if (errCode === NO_GRANT) return 0;
  return count;
}

/** A long-term template (医疗 category) needs no grant; a one-time one needs one banked. */
export function subscribeCanReach(count: number, longTerm: boolean): boolean {
  return longTerm || count > 0;
}

/**
 * The templates of one `wx.requestSubscribeMessage` call: at most three, and one-time and long-term
 * templates never in the same call (the platform refuses the mix). Null when the list breaks either.
 */
export function subscribeRequest(templates: readonly { id: string; longTerm: boolean }[]): string[] | null {
  if (templates.length === 0 || templates.length > MAX_TEMPLATES_PER_REQUEST) return null;
  if (new Set(templates.map((t) => t.longTerm)).size > 1) return null;
  return [...new Set(templates.map((t) => t.id))];
}
