import { COLLECTIONS } from './collections';

export interface IndexSpec {
  collection: string;
  name: string;
  keys: Record<string, 1 | -1>;
  unique: boolean;
}

/**
 * The indexes each query needs. wx-server-sdk cannot create indexes: in a real environment they are
 * created once in the cloud console (README "Deploy"); `setup` returns this list to follow.
 * Lookups by `_id` (settings, stores, products, persons, slot counters, cards, attributions …)
 * need no index of their own.
 */
export const INDEXES: IndexSpec[] = [
  // reports.*: a scope's day roll-ups over a period (a store, or the whole chain)
  { collection: COLLECTIONS.dayRollups, name: 'store_date', keys: { storeId: 1, date: 1 }, unique: false },
  { collection: COLLECTIONS.dayRollups, name: 'chain_date', keys: { chainId: 1, date: 1 }, unique: false },
  // rolesFromRecords, user.login
  { collection: COLLECTIONS.users, name: 'openid', keys: { openid: 1 }, unique: true },
  { collection: COLLECTIONS.staff, name: 'openid_active', keys: { openid: 1, active: 1 }, unique: false },
  { collection: COLLECTIONS.customers, name: 'openids', keys: { openids: 1 }, unique: false },
  // staff.goldenTime: a staff member's old customers; staff.deactivate: every customer they own
  { collection: COLLECTIONS.customers, name: 'owner_kind', keys: { ownerStaffId: 1, kind: 1, _id: 1 }, unique: false },
  // booking.create (is this phone a customer already?), identity.bindPhone
  { collection: COLLECTIONS.customers, name: 'chain_phone', keys: { chainId: 1, phone: 1 }, unique: true },
  // booking.create: default owner of mini-program filings (the store's call centre)
  { collection: COLLECTIONS.staff, name: 'store_post_active', keys: { storeId: 1, post: 1, active: 1 }, unique: false },
  // booking.listStores / listProducts
  { collection: COLLECTIONS.stores, name: 'active', keys: { active: 1 }, unique: false },
  { collection: COLLECTIONS.products, name: 'chain_active', keys: { chainId: 1, active: 1 }, unique: false },
  // booking.listMine
  { collection: COLLECTIONS.bookings, name: 'openid_date', keys: { openid: 1, date: -1, slot: -1 }, unique: false },
  // staff.getTask: a customer's bookings
  { collection: COLLECTIONS.bookings, name: 'customer_date', keys: { customerId: 1, date: -1 }, unique: false },
  // staff.getTask: a customer's follow-ups
  {
    collection: COLLECTIONS.followUpTasks,
    name: 'customer_due',
    keys: { customerId: 1, dueDate: -1 },
    unique: false,
  },
  // staff check-in and store day lists (later issues)
  { collection: COLLECTIONS.bookings, name: 'store_date_slot', keys: { storeId: 1, date: 1, slot: 1 }, unique: false },
  // reminders.visitReminders: tomorrow's booked visits not yet reminded
  {
    collection: COLLECTIONS.bookings,
    name: 'chain_date_status',
    keys: { chainId: 1, date: 1, status: 1 },
    unique: false,
  },
  // booking.listSlots
  { collection: COLLECTIONS.slotCounters, name: 'store_date', keys: { storeId: 1, date: 1 }, unique: false },
  // a person's filings and touches (staff views, attribution replays)
  { collection: COLLECTIONS.filings, name: 'customer_at', keys: { customerId: 1, at: 1 }, unique: false },
  // visits.checkIn / deals.record: a person's visits
  { collection: COLLECTIONS.visits, name: 'customer_at', keys: { customerId: 1, at: 1 }, unique: false },
  // staff workbench: my open tasks by due date
  {
    collection: COLLECTIONS.followUpTasks,
    name: 'owner_status_due',
    keys: { ownerStaffId: 1, status: 1, dueDate: 1 },
    unique: false,
  },
  // staff.listVerification: a store's pending items, oldest first
  {
    collection: COLLECTIONS.verificationItems,
    name: 'store_status_created',
    keys: { storeId: 1, status: 1, createdAt: 1 },
    unique: false,
  },
  // staff.myFigures: what was credited to me in a month (filed, first visited), my deals, visits and tasks
  {
    collection: COLLECTIONS.attributions,
    name: 'credited_filed',
    keys: { creditedStaffId: 1, filedAt: 1 },
    unique: false,
  },
  {
    collection: COLLECTIONS.attributions,
    name: 'credited_first_visit',
    keys: { creditedStaffId: 1, firstVisitAt: 1 },
    unique: false,
  },
  { collection: COLLECTIONS.deals, name: 'staff_at', keys: { staffId: 1, at: 1 }, unique: false },
  { collection: COLLECTIONS.visits, name: 'received_at', keys: { receivedByStaffId: 1, at: 1 }, unique: false },
  { collection: COLLECTIONS.visits, name: 'checked_in_at', keys: { checkedInByStaffId: 1, at: 1 }, unique: false },
  // staff.escalations: a store's (a chain's) overdue open tasks, oldest first
  {
    collection: COLLECTIONS.followUpTasks,
    name: 'store_status_due',
    keys: { storeId: 1, status: 1, dueDate: 1, _id: 1 },
    unique: false,
  },
  {
    collection: COLLECTIONS.followUpTasks,
    name: 'chain_status_due',
    keys: { chainId: 1, status: 1, dueDate: 1, _id: 1 },
    unique: false,
  },
  // staff.myFigures: a month's tasks, open or not (staff.deactivate's open ones use owner_status_due)
  { collection: COLLECTIONS.followUpTasks, name: 'owner_due', keys: { ownerStaffId: 1, dueDate: 1 }, unique: false },
  // staff.findCustomers: the desk types a name
  { collection: COLLECTIONS.customers, name: 'chain_name', keys: { chainId: 1, name: 1 }, unique: false },
  // follow-up results: the chain's coming events
  { collection: COLLECTIONS.events, name: 'chain_date', keys: { chainId: 1, date: 1 }, unique: false },
  { collection: COLLECTIONS.auditLogs, name: 'target_at', keys: { targetId: 1, at: -1 }, unique: false },
  // admin.listAudit: newest first within the chain, optionally of one store, actor or kind (keyset on at, _id)
  { collection: COLLECTIONS.auditLogs, name: 'chain_at', keys: { chainId: 1, at: -1, _id: -1 }, unique: false },
  {
    collection: COLLECTIONS.auditLogs,
    name: 'chain_store_at',
    keys: { chainId: 1, storeId: 1, at: -1, _id: -1 },
    unique: false,
  },
  {
    collection: COLLECTIONS.auditLogs,
    name: 'chain_actor_at',
    keys: { chainId: 1, actorId: 1, at: -1, _id: -1 },
    unique: false,
  },
  {
    collection: COLLECTIONS.auditLogs,
    name: 'chain_action_at',
    keys: { chainId: 1, action: 1, at: -1, _id: -1 },
    unique: false,
  },
  // admin.getSettings: the chain's stores (open or not)
  { collection: COLLECTIONS.stores, name: 'chain', keys: { chainId: 1 }, unique: false },
  // referral.listMyReferrals (cursor on createdAt, _id)
  {
    collection: COLLECTIONS.referrals,
    name: 'referrer_created',
    keys: { referrerCustomerId: 1, createdAt: -1, _id: -1 },
    unique: false,
  },
  // referral.listMyRewards (cursor on at, _id; the balance reads the customer's whole ledger)
  {
    collection: COLLECTIONS.rewardLedger,
    name: 'customer_at',
    keys: { customerId: 1, at: -1, _id: -1 },
    unique: false,
  },
  // deals.record: has the customer checked in? their earlier deals (first paid deal, §8)
  { collection: COLLECTIONS.visits, name: 'customer', keys: { customerId: 1 }, unique: false },
  { collection: COLLECTIONS.deals, name: 'customer_id', keys: { customerId: 1, _id: 1 }, unique: false },
  // deals' rewardExpiry timer: credits expiring in a window (keyset on _id), and what was drawn on them
  {
    collection: COLLECTIONS.rewardLedger,
    name: 'type_expires_id',
    keys: { type: 1, expiresOn: 1, _id: 1 },
    unique: false,
  },
  { collection: COLLECTIONS.rewardLedger, name: 'credit_id', keys: { creditId: 1, _id: 1 }, unique: false },
  // reminders' staffDigest: a chain's open tasks due by today, grouped by owner (keyset on the owner)
  {
    collection: COLLECTIONS.followUpTasks,
    name: 'chain_status_owner_due',
    keys: { chainId: 1, status: 1, ownerStaffId: 1, dueDate: 1 },
    unique: false,
  },
  // staff.workbench: my in-app digests not seen yet
  {
    collection: COLLECTIONS.notifications,
    name: 'staff_status_seen',
    keys: { staffId: 1, status: 1, seenAt: 1 },
    unique: false,
  },
  // imports.prepare: the caller's latest import job
  {
    collection: COLLECTIONS.importJobs,
    name: 'creator_created',
    keys: { createdByStaffId: 1, createdAt: -1 },
    unique: false,
  },
  // imports timer continueImports: running jobs nobody moved lately
  { collection: COLLECTIONS.importJobs, name: 'state_updated', keys: { state: 1, updatedAt: 1 }, unique: false },
];
