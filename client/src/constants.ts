import { PAGE_PATHS } from '@clinic/shared';

/** Placeholder clinic identity until clinic settings are loaded from the cloud. Friends see the tagline
 * (header, poster): no internal words such as 老带新 in it. */
export const CLINIC_NAME = '悦美医疗美容';
export const CLINIC_TAGLINE = '好友相邀 · 同享美丽';
/** Brand colour; keep in sync with `$brand` in styles/_theme.scss and the navigation bar colour. */
export const BRAND_COLOR = '#c2456b';
/** The confirm button of a destructive dialog (作废, 取消预约, 停用, 移出); `$danger` in styles/_theme.scss. */
export const DANGER_COLOR = '#c62828';

/**
 * Version of the privacy notice this build shows (packages/customer/pages/privacy); sent with every booking as
 * `consentVersion`. It must equal the clinic's `privacyNoticeVersion` setting, else bookings are
 * refused (CONSENT_OUTDATED) until the notice page is updated.
 */
export const PRIVACY_VERSION = '2026-12';

/**
 * Days a referral code is kept on the device when the clinic's setting (`resolveLanding`'s
 * `keepDays`, from `referralCode.keepOnDeviceDays`) is not known: the settings default.
 */
export const REFERRAL_KEEP_DAYS = 30;

/** Contact shown in the privacy notice. */
export const CLINIC_CONTACT_PHONE = '400-800-1234';

export const PAGES = {
  home: '/pages/index/index',
  landing: `/${PAGE_PATHS.landing}`,
  booking: '/pages/booking/index',
  mine: '/pages/mine/index',
  // Customer subpackage (packages/customer): the referral card, appointments and the privacy notice,
  // fetched when first opened (preloaded from the tab pages, app.config.ts preloadRule).
  appointments: `/${PAGE_PATHS.appointments}`,
  card: `/${PAGE_PATHS.card}`,
  privacy: '/packages/customer/pages/privacy/index',
  // Staff subpackage (packages/staff): loaded only when a staff member opens one of these.
  workbench: `/${PAGE_PATHS.workbench}`,
  staffTask: '/packages/staff/pages/task/index',
  checkIn: '/packages/staff/pages/check-in/index',
  deskFiling: '/packages/staff/pages/desk-filing/index',
  verification: '/packages/staff/pages/verification/index',
  goldenAsk: '/packages/staff/pages/golden-ask/index',
  staffJoin: '/packages/staff/pages/join/index',
  staffCustomer: '/packages/staff/pages/customer/index',
  deal: '/packages/staff/pages/deal/index',
  figures: '/packages/staff/pages/figures/index',
  team: '/packages/staff/pages/team/index',
  escalations: '/packages/staff/pages/escalations/index',
  // Manager subpackage (packages/admin).
  dashboard: '/packages/admin/pages/reports/index',
  importCustomers: '/packages/admin/pages/import/index',
  adminSettings: '/packages/admin/pages/settings/index',
  adminAudit: '/packages/admin/pages/audit/index',
} as const;

/** Pages of the tab bar (app.config.ts): reached with switchTab, which takes no query string. */
export const TAB_PAGES: readonly string[] = [PAGES.home, PAGES.booking, PAGES.mine];
