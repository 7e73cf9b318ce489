import {
  LIUFANG,
  STAFF,
  TOMORROW,
  WANGLI,
  WEDNESDAY,
  bookingInput,
  startClinic,
  type Clinic,
} from '../../test/support/clinic';
import { botulinum, newKey } from '../../deals/test/deal-support';

jest.setTimeout(180_000);

/** The referrer's 我的推荐 follows the friend's bookings, cancels, visit and deal (shared referralStatusAfter). */
let clinic: Clinic;
let codeA: string; // 王丽's card
let codeB: string; // 刘芳's card
const FRIEND = { openid: 'o-progress-friend', phone: '13955550001', masked: '139****0001' };
/** Tuesday 2027-03-02 10:05 in Shanghai: the friend's first booked day. */
const TUESDAY_MORNING = '2027-03-02T02:05:00.000Z';

beforeAll(async () => {
  clinic = await startClinic();
  codeA = (await clinic.call('referral', 'getMyCard', {}, WANGLI.openid)).body.data.code;
  codeB = (await clinic.call('referral', 'getMyCard', {}, LIUFANG.openid)).body.data.code;
});
afterAll(async () => {
  await clinic.cloud.stop();
});

const statusOf = async (maskedPhone: string, referrer = WANGLI.openid) => {
  const res = await clinic.call('referral', 'listMyReferrals', {}, referrer);
  expect(res.body.ok).toBe(true);
  return (res.body.data.items as { maskedPhone: string; status: string }[]).find((i) => i.maskedPhone === maskedPhone)
    ?.status;
};
const book = async (over: Record<string, unknown>, openid = FRIEND.openid) => {
  const res = await clinic.call('booking', 'create', bookingInput({ phone: FRIEND.phone, ...over }), openid);
  expect(res.body).toMatchObject({ ok: true, data: { status: 'booked' } });
  return res.body.data.id as string;
};
const cancel = async (bookingId: string, openid = FRIEND.openid) => {
  const res = await clinic.call('booking', 'cancel', { bookingId }, openid);
  expect(res.body).toMatchObject({ ok: true, data: { id: bookingId, status: 'cancelled' } });
};
const friendCustomerId = () => (clinic.cloud.db.find('customers', { phone: FRIEND.phone })[0] as any)._id as string;
const referralUpdates = () => clinic.cloud.db.find('notifications', { kind: 'referral_update' }) as any[];

test('referral progress: a friend filed via 王丽’s code who cancels shows as 已取消, without a message to her', async () => {
  const first = await book({ referralCode: codeA, slot: '10:00' });
  expect(await statusOf(FRIEND.masked)).toBe('booked');
  const updatesBefore = referralUpdates().length;
  const pendingBefore = (await clinic.call('referral', 'listMyRewards', {}, WANGLI.openid)).body.data.pendingReferrals;

  await cancel(first);
  expect(await statusOf(FRIEND.masked)).toBe('cancelled');
  // A cancel is not worth one of her one-time authorizations: the list says it.
  expect(referralUpdates()).toHaveLength(updatesBefore);
  // The relationship stands (R9): a later visit and deal still credit her, so it is still 待发放.
  const rewards = await clinic.call('referral', 'listMyRewards', {}, WANGLI.openid);
  expect(rewards.body.data.pendingReferrals).toBe(pendingBefore);
});

test('referral progress: the friend books again (even with another card) → 已预约, still 王丽’s', async () => {
  await book({ referralCode: codeB, slot: '11:00' });
  expect(await statusOf(FRIEND.masked)).toBe('booked');
  // R8: the earlier relationship stands; 刘芳 gets no referral of this friend.
  expect(await statusOf(FRIEND.masked, LIUFANG.openid)).toBeUndefined();
  expect(clinic.cloud.db.find('referrals', { _id: friendCustomerId() })).toEqual([
    expect.objectContaining({ referrerCustomerId: WANGLI.id, status: 'booked' }),
  ]);
});

test('referral progress: the friend checks in → 已到院; cancelling a later booking keeps 已到院', async () => {
  const [booking] = clinic.cloud.db.find('bookings', { phone: FRIEND.phone, status: 'booked' }) as any[];
  clinic.cloud.clock.set(new Date(TUESDAY_MORNING));
  const arrived = await clinic.call('visits', 'checkIn', { bookingCode: booking._id }, STAFF);
  expect(arrived.body).toMatchObject({ ok: true, data: { firstVisit: true } });
  expect(await statusOf(FRIEND.masked)).toBe('visited');

  const later = await book({ date: WEDNESDAY, slot: '10:00' });
  expect(await statusOf(FRIEND.masked)).toBe('visited');
  await cancel(later);
  expect(await statusOf(FRIEND.masked)).toBe('visited');
});

test('referral progress: after a paid deal → 已成交, and no later booking or cancel moves it back', async () => {
  const deal = await clinic.call(
    'deals',
    'record',
    { customerId: friendCustomerId(), items: [botulinum()], idempotencyKey: newKey() },
    STAFF,
  );
  expect(deal.body.ok).toBe(true);
  expect(await statusOf(FRIEND.masked)).toBe('dealt');
  const again = await book({ date: WEDNESDAY, slot: '11:00' });
  await cancel(again);
  expect(await statusOf(FRIEND.masked)).toBe('dealt');
});

test('referral progress: a friend filed at the desk for 王丽 who then books moves from 已建档 to 已预约, and back to 已取消', async () => {
  const phone = '13955550002';
  const filed = await clinic.call(
    'visits',
    'fileAtDesk',
    { phone, name: '周敏', channel: 'referral', grade: 'F1', referrerCustomerId: WANGLI.id },
    STAFF,
  );
  expect(filed.body).toMatchObject({ ok: true, data: { existing: false } });
  expect(await statusOf('139****0002')).toBe('filed');
  const id = await book({ phone, date: WEDNESDAY, slot: '14:00' }, 'o-progress-desk');
  expect(await statusOf('139****0002')).toBe('booked');
  await cancel(id, 'o-progress-desk');
  expect(await statusOf('139****0002')).toBe('cancelled');
});

test('referral progress: a friend who cancelled and walks in is 已到院 (and 王丽 hears of the arrival once)', async () => {
  const phone = '13955550003';
  const id = await book({ phone, referralCode: codeA, date: TOMORROW, slot: '14:00' }, 'o-progress-walk');
  await cancel(id, 'o-progress-walk');
  expect(await statusOf('139****0003')).toBe('cancelled');
  const res = await clinic.call('visits', 'checkIn', { phone }, STAFF);
  expect(res.body).toMatchObject({ ok: true, data: { firstVisit: true } });
  expect(await statusOf('139****0003')).toBe('visited');
  const customerId = res.body.data.customerId;
  expect(referralUpdates().filter((n) => n._id === `referral_visited_${customerId}`)).toHaveLength(1);
});
