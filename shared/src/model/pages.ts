/**
 * Mini-program pages that something outside the page itself opens: a chat share, a 小程序码, a
 * subscribe message. Written without the leading slash, as WeChat's share path, `wxacode.getUnlimited`
 * `page` and subscribe-message `page` take them. The client's `PAGES` builds on these, and a client
 * test checks each is declared in app.config.ts, so a message can never open a page that moved.
 */
export const PAGE_PATHS = {
  /** An invitation (`?code=` from a chat share, `?scene=` from a scanned 小程序码): main package. */
  landing: 'pages/landing/index',
  /** A referrer's card with their friends' progress (customer subpackage). */
  card: 'packages/customer/pages/card/index',
  /** A customer's appointments: the check-in code, address and instructions (customer subpackage). */
  appointments: 'packages/customer/pages/appointments/index',
  /** A staff member's workbench (staff subpackage). */
  workbench: 'packages/staff/pages/workbench/index',
} as const;
