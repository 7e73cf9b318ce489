/**
 * Channels that reach a person, in the clinic's order per message kind (scheduler → channel →
 * template). In-app (the workbench badge and banner) reaches everyone who opens the workbench, so
 * it is the fallback whatever the order says.
 */
export const NOTIFY_CHANNELS = ['subscribe', 'wecom', 'in_app'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];
/** The channels that can reach a customer (WeCom reaches colleagues only). */
export const CUSTOMER_CHANNELS = ['subscribe', 'in_app'] as const satisfies readonly NotifyChannel[];

export const MESSAGE_KINDS = ['staff_digest', 'visit_reminder', 'referral_update'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** Who a notification is for: a colleague (staff record) or a customer (customer record). */
export const NOTIFY_AUDIENCES = ['staff', 'customer'] as const;
export type NotifyAudience = (typeof NOTIFY_AUDIENCES)[number];

/** Which channels can deliver to this person now (a missing entry: cannot). */
export type Reach = Partial<Record<NotifyChannel, boolean>>;

/** The first channel of the order that can reach the person; `in_app` when none can. */
export function chooseChannel(order: readonly NotifyChannel[], reach: Reach): NotifyChannel {
  return order.find((channel) => channel === 'in_app' || reach[channel] === true) ?? 'in_app';
}
