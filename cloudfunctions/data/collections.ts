/** Collection names, in one place: the setup step creates exactly these. */
export const COLLECTIONS = {
  users: 'users',
  staff: 'staff',
  customers: 'customers',
  // The clinic (seeded locally, managed by admin functions later): settings `_id` = chain id.
  settings: 'settings',
  stores: 'stores',
  products: 'products',
  deals: 'deals',
  // Booking and filing.
  bookings: 'bookings',
  /** `_id` = `<storeId>_<date>_<HHmm>`: places taken per store, date and slot. */
  slotCounters: 'slotCounters',
  /** `_id` = `p<hash of chain + phone>`: one per phone; every booking of that phone writes it (serialises them). */
  persons: 'persons',
  /** First filing `_id` = `f<hash of chain + phone>`; touches `t…` (isTouch: true). */
  filings: 'filings',
  /** `_id` = customer id: the attribution decided at filing (never changed). */
  attributions: 'attributions',
  followUpTasks: 'followUpTasks',
  auditLogs: 'auditLogs',
  // Referral.
  /** `_id` = the code: the card (active or revoked). */
  referralCards: 'referralCards',
  /** `_id` = customer id: the active code and its stored QR image (one active card per customer). */
  referralCardHolders: 'referralCardHolders',
  /** `_id` = referee customer id: the referral relationship (R9) and its progress, for "my referrals". */
  referrals: 'referrals',
  rewardLedger: 'rewardLedger',
  // Staff work.
  /** `_id` = visitIdFor(customer, local date): one visit per person and day, however often they check in. */
  visits: 'visits',
  /** `_id` = the invite code: one-time, expiring invites for new staff. */
  staffInvites: 'staffInvites',
  /** 四部回访组 verification queue (V4, N2): `_id` = `q<task id>`. */
  verificationItems: 'verificationItems',
  /** 会销 events that V2/V3/N1 follow-ups key off. */
  events: 'events',
  /** `_id` = the client's idempotency key of a deal request: a retried or double-tapped deal is one deal. */
  dealRequests: 'dealRequests',
  /** `_id` = `<staffId>_<YYYY-MM>`: a staff member's §4 targets for a month, set by a manager. */
  staffTargets: 'staffTargets',
  // Notifications.
  /** `_id` = `g<hash of openid + template>`: one-time subscribe grants banked for a person and template. */
  subscribeGrants: 'subscribeGrants',
  /**
   * `_id` = the notification's idempotency key (e.g. `digest_<date>_<staffId>`): the outbox. Adding it
   * is the claim — a second add of the same key fails — so a message goes out at most once.
   */
  notifications: 'notifications',
  // Reports.
  /** `_id` = `<storeId>_<YYYYMMDD>`: the store's day roll-up (shared `Rollup`), kept with each event. */
  dayRollups: 'dayRollups',
  /** `_id` = `m<hash>`: "already counted this month" markers for the roll-ups' distinct counts. */
  rollupMarks: 'rollupMarks',
  // Timers.
  /** `_id` = job name: where a timer job that spans several runs (reward expiry) left off. */
  jobs: 'jobs',
  // Customer imports.
  /** `_id` = `imp<hash of chain, file content, policy, store>`: an import job and where it left off. */
  importJobs: 'importJobs',
  /** `_id` = `<jobId>_<n>`: the checked rows of one chunk (one transaction) of an import job. */
  importChunks: 'importChunks',
} as const;
