import {
  MANAGER,
  NEWCOMER,
  STAFF,
  TOMORROW,
  WANGLI,
  LIUFANG,
  WEDNESDAY,
  bookingInput,
  startClinic,
  type Clinic,
} from '../../test/support/clinic';
import { checkedIn, newKey } from '../../deals/test/deal-support';

jest.setTimeout(180_000);

/**
 * Every action × every role: identity only from the platform (OPENID), roles only from the
 * clinic's records. Customers cannot touch other people's bookings or referrals, nobody can
 * run setup from the mini-program, and no action of anyone changes an attribution.
 */
let clinic: Clinic;
let ownerBookingId: string;
let codeB: string;
const OWNER = 'o-booking-owner';
const FILED_PHONE = '13300000001';

beforeAll(async () => {
  clinic = await startClinic();
  const codeA = (await clinic.call('referral', 'getMyCard', {}, WANGLI.openid)).body.data.code;
  codeB = (await clinic.call('referral', 'getMyCard', {}, LIUFANG.openid)).body.data.code;
  const res = await clinic.call('booking', 'create', bookingInput({ phone: FILED_PHONE, referralCode: codeA }), OWNER);
  ownerBookingId = res.body.data.id;
  await checkedIn(clinic, LIUFANG.id);
});
afterAll(async () => {
  await clinic.cloud.stop();
});

const ROLES: [string, string | undefined][] = [
  ['anonymous', undefined],
  ['newcomer', NEWCOMER],
  ['existing customer', WANGLI.openid],
  ['staff', STAFF],
  ['manager', MANAGER],
];

type Expect = 'ok' | string;
interface Case {
  fn: string;
  action: string;
  data: () => unknown;
  /** Expected outcome per role (anonymous, newcomer, customer, staff, manager). */
  expect: [Expect, Expect, Expect, Expect, Expect];
  /** The desk's own work: a check-in makes an attribution final, a desk filing files someone. */
  desk?: true;
}

const U = 'UNAUTHENTICATED';
const NEC = 'NOT_EXISTING_CUSTOMER';
const CASES: Case[] = [
  { fn: 'booking', action: 'listStores', data: () => ({}), expect: [U, 'ok', 'ok', 'ok', 'ok'] },
  { fn: 'booking', action: 'listProducts', data: () => ({ storeId: 'store-1' }), expect: [U, 'ok', 'ok', 'ok', 'ok'] },
  {
    fn: 'booking',
    action: 'listSlots',
    data: () => ({ storeId: 'store-1', date: TOMORROW }),
    expect: [U, 'ok', 'ok', 'ok', 'ok'],
  },
  { fn: 'booking', action: 'listMine', data: () => ({}), expect: [U, 'ok', 'ok', 'ok', 'ok'] },
  // Someone else's booking: looks like no booking at all.
  {
    fn: 'booking',
    action: 'cancel',
    data: () => ({ bookingId: ownerBookingId }),
    expect: [U, 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  },
  {
    fn: 'booking',
    action: 'reschedule',
    data: () => ({ bookingId: ownerBookingId, date: WEDNESDAY, slot: '10:00' }),
    expect: [U, 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  },
  // Someone else's phone with an upcoming booking: nothing of that booking, and no re-attribution.
  {
    fn: 'booking',
    action: 'create',
    data: () => bookingInput({ phone: FILED_PHONE, referralCode: codeB, slot: '11:00' }),
    expect: [U, 'ALREADY_BOOKED', 'ALREADY_BOOKED', 'ALREADY_BOOKED', 'ALREADY_BOOKED'],
  },
  { fn: 'referral', action: 'getMyCard', data: () => ({}), expect: [U, NEC, 'ok', NEC, NEC] },
  { fn: 'referral', action: 'listMyReferrals', data: () => ({}), expect: [U, NEC, 'ok', NEC, NEC] },
  { fn: 'referral', action: 'listMyRewards', data: () => ({}), expect: [U, 'ok', 'ok', 'ok', 'ok'] },
  { fn: 'referral', action: 'resolveLanding', data: () => ({ code: codeB }), expect: [U, 'ok', 'ok', 'ok', 'ok'] },
  { fn: 'referral', action: 'revokeCard', data: () => ({}), expect: [U, NEC, 'ok', NEC, NEC] },
  {
    fn: 'identity',
    action: 'bindPhone',
    data: () => ({ code: 'invalid' }),
    expect: [U, 'INVALID_PHONE_CODE', 'INVALID_PHONE_CODE', 'INVALID_PHONE_CODE', 'INVALID_PHONE_CODE'],
  },
  // Staff who close deals and store managers, for a checked-in customer of their store (an unpaid item).
  {
    fn: 'deals',
    action: 'record',
    data: () => ({
      customerId: LIUFANG.id,
      items: [{ productId: 'product-botulinum', amountFen: 298_000, paidFen: 0 }],
      idempotencyKey: newKey(),
    }),
    expect: [U, 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok'],
  },
  { fn: 'setup', action: 'run', data: () => ({}), expect: ['ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'] },
  // The desk (visits) and the workbench (staff): staff and managers only; customers are FORBIDDEN.
  {
    fn: 'visits',
    action: 'checkIn',
    data: () => ({ bookingCode: ownerBookingId }),
    expect: [U, 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok'],
    desk: true,
  },
  {
    fn: 'visits',
    action: 'fileAtDesk',
    data: () => ({ phone: '13300000009', name: '测试', channel: 'search', grade: 'F3' }),
    expect: [U, 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok'],
    desk: true,
  },
  { fn: 'staff', action: 'workbench', data: () => ({}), expect: [U, 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok'] },
  {
    fn: 'staff',
    action: 'recordSubscription',
    data: () => ({ results: { 'tmpl-staff-digest': 'reject' } }),
    expect: [U, 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok'],
  },
  // Only admins (and the hourly timer, which is no action) run the staff digest.
  {
    fn: 'reminders',
    action: 'runDigest',
    data: () => ({ maxPages: 1 }),
    expect: [U, 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  },
  {
    fn: 'staff',
    action: 'listTasks',
    data: () => ({ bucket: 'today' }),
    expect: [U, 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok'],
  },
  {
    fn: 'staff',
    action: 'getTask',
    data: () => ({ taskId: 'no-such-task' }),
    expect: [U, 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND', 'NOT_FOUND'],
  },
  {
    fn: 'staff',
    action: 'previewResult',
    data: () => ({ taskId: 'no-such-task', result: { result: 'N1' } }),
    expect: [U, 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND', 'NOT_FOUND'],
  },
  {
    fn: 'staff',
    action: 'recordResult',
    data: () => ({ taskId: 'no-such-task', result: { result: 'N1' } }),
    expect: [U, 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND', 'NOT_FOUND'],
  },
  {
    fn: 'staff',
    action: 'rescheduleTask',
    data: () => ({ taskId: 'no-such-task', dueDate: WEDNESDAY }),
    expect: [U, 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND', 'NOT_FOUND'],
  },
  {
    fn: 'staff',
    action: 'remindLater',
    data: () => ({ taskId: 'no-such-task' }),
    expect: [U, 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND', 'NOT_FOUND'],
  },
  // The verification queue is the 四部回访组's (the consultant is not in it) and managers'.
  {
    fn: 'staff',
    action: 'listVerification',
    data: () => ({}),
    expect: [U, 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok'],
  },
  {
    fn: 'staff',
    action: 'verify',
    data: () => ({ itemId: 'no-such-item', decision: 'confirm' }),
    expect: [U, 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND'],
  },
  // Invites: admins and store managers create them; anyone with WeChat may try a code.
  {
    fn: 'staff',
    action: 'createInvite',
    data: () => ({ name: '新同事', storeId: 'store-1', post: 'nurse', department: 'medical' }),
    expect: [U, 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok'],
  },
  {
    fn: 'deals',
    action: 'prepare',
    data: () => ({ customerId: LIUFANG.id }),
    expect: [U, 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok'],
  },
  // The customer card, pickers, colleagues and figures: anyone with tasks, within their store.
  {
    fn: 'staff',
    action: 'customerCard',
    data: () => ({ customerId: LIUFANG.id }),
    expect: [U, 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok'],
  },
  {
    fn: 'staff',
    action: 'findCustomers',
    data: () => ({ query: '刘芳' }),
    expect: [U, 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok'],
  },
  { fn: 'staff', action: 'listColleagues', data: () => ({}), expect: [U, 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok'] },
  { fn: 'staff', action: 'myFigures', data: () => ({}), expect: [U, 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok'] },
  // Targets and leavers: the admin and store managers. (Deactivating oneself is refused even to them.)
  {
    fn: 'staff',
    action: 'setTargets',
    data: () => ({ staffId: 'staff-s1-consultant-1', month: '2027-03', targets: { referralFilings: 6 } }),
    expect: [U, 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok'],
  },
  {
    fn: 'staff',
    action: 'getTargets',
    data: () => ({ staffId: 'staff-s1-consultant-1', month: '2027-03' }),
    expect: [U, 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok'],
  },
  {
    fn: 'staff',
    action: 'deactivate',
    data: () => ({ staffId: 'staff-s1-manager', handoverToStaffId: 'staff-s1-consultant-1' }),
    expect: [U, 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'INVALID_INPUT'],
  },
  // The escalation ladder: managers only (a task that does not exist looks missing to them).
  { fn: 'staff', action: 'escalations', data: () => ({}), expect: [U, 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok'] },
  // Customer imports: managers only (the full matrix is in imports/test/access.test.ts).
  { fn: 'imports', action: 'prepare', data: () => ({}), expect: [U, 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok'] },
  {
    fn: 'imports',
    action: 'status',
    data: () => ({ jobId: 'impnosuchjob' }),
    expect: [U, 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND'],
  },
  {
    fn: 'staff',
    action: 'reassignTask',
    data: () => ({ taskId: 'task-nobody', toStaffId: 'staff-s1-butler-1' }),
    expect: [U, 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND'],
  },
  // The admin function (its full matrix, every manager kind and the admin, is admin/test/access.test.ts):
  // a store manager reads, edits their own store (a stale version here), never the chain's settings or
  // a product other stores offer too.
  { fn: 'admin', action: 'getSettings', data: () => ({}), expect: [U, 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok'] },
  {
    fn: 'admin',
    action: 'updateSettings',
    data: () => ({ section: 'attribution', expectedVersion: 99, value: {} }),
    expect: [U, 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  },
  {
    fn: 'admin',
    action: 'updateStore',
    data: () => ({ storeId: 'store-1', expectedVersion: 99, store: {} }),
    expect: [U, 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'STALE_VERSION'],
  },
  {
    fn: 'admin',
    action: 'upsertProduct',
    data: () => ({ productId: 'product-eyes', expectedVersion: 99, product: {} }),
    expect: [U, 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  },
  { fn: 'admin', action: 'listAudit', data: () => ({}), expect: [U, 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok'] },
  {
    fn: 'staff',
    action: 'redeemInvite',
    data: () => ({ code: 'ABCDEFGH' }),
    expect: [U, 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  },
];

const frozen = () => ({
  attributions: clinic.cloud.db.find('attributions'),
  filings: clinic.cloud.db.find('filings', { isTouch: false }),
  ownerBooking: clinic.cloud.db.find('bookings', { _id: ownerBookingId }),
  referrals: clinic.cloud.db.find('referrals'),
  tasks: clinic.cloud.db.find('followUpTasks'),
});

describe.each(CASES)('$fn.$action', (c) => {
  test.each(ROLES.map(([name, openid], i) => [name, openid, i] as const))('%s', async (_name, openid, i) => {
    const before = frozen();
    const res = await clinic.cloud.call(c.fn, { action: c.action, data: c.data() }, openid);
    const expected = c.expect[i];
    if (expected === 'ok') expect(res.body).toMatchObject({ ok: true });
    else expect(res.body).toEqual({ ok: false, code: expected, message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
    const after = frozen();
    if (c.desk && expected === 'ok') return;
    // Nobody can change an attribution, a first filing, someone else's booking or follow-ups.
    expect(after.attributions).toEqual(before.attributions);
    expect(after.filings).toEqual(before.filings);
    expect(after.ownerBooking).toEqual(before.ownerBooking);
    expect(after.tasks).toEqual(before.tasks);
  });
});

test('a customer sees only their own appointments and referrals', async () => {
  const mine = await clinic.call('booking', 'listMine', {}, OWNER);
  expect(mine.body.data.bookings.map((b: any) => b.id)).toContain(ownerBookingId);
  for (const [, openid] of ROLES.slice(1)) {
    const other = await clinic.call('booking', 'listMine', {}, openid);
    expect(other.body.data.bookings.map((b: any) => b.id)).not.toContain(ownerBookingId);
  }
  const referrals = await clinic.call('referral', 'listMyReferrals', {}, LIUFANG.openid);
  expect(referrals.body.data.items).toEqual([]);
});
