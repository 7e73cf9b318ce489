import type { Database } from '../../platform/db-types';
import { notifyReferrer } from '../../services/referrer-updates';
import { STAFF, WANGLI, startClinic, type Clinic } from '../../test/support/clinic';
import { botulinum, checkedIn, newKey, referredNewcomer } from '../../deals/test/deal-support';

jest.setTimeout(180_000);

const TEMPLATE = 'tmpl-referral-update';
const FRIEND = { openid: 'o-updates-friend', phone: '13900004001' };
let clinic: Clinic;
let code: string;
let friendId: string;

beforeAll(async () => {
  clinic = await startClinic();
  code = (await clinic.call('referral', 'getMyCard', {}, WANGLI.openid)).body.data.code;
  // 王丽 taps 开启好友进度提醒 three times on her card: WeChat records each 允许, the card banks it.
  await clinic.cloud.api('POST', '/subscribe/grant', { openid: WANGLI.openid, templateId: TEMPLATE, count: 3 });
  for (let i = 1; i <= 3; i++) {
    const res = await clinic.call('user', 'recordSubscription', { results: { [TEMPLATE]: 'accept' } }, WANGLI.openid);
    expect(res.body).toEqual({ ok: true, data: { grants: { [TEMPLATE]: i } } });
  }
});
afterAll(async () => {
  await clinic.cloud.stop();
});

const updates = () =>
  (clinic.cloud.db.find('notifications', { kind: 'referral_update' }) as any[]).sort((a, b) =>
    a.claimedAt === b.claimedAt ? (a._id < b._id ? -1 : 1) : a.claimedAt < b.claimedAt ? -1 : 1,
  );
const sends = async () =>
  ((await clinic.cloud.api('GET', '/outbox')).body as any[]).filter(
    (e) => e.apiName === 'subscribeMessage.send' && e.params.template_id === TEMPLATE,
  );

test('referrer update: the card shows how many updates the banked authorizations cover', async () => {
  const card = await clinic.call('referral', 'getMyCard', {}, WANGLI.openid);
  expect(card.body.data).toMatchObject({ updateTemplateId: TEMPLATE, updateGrants: 3 });
});

test('referrer update: 好友已预约 reaches the referrer once per friend, opening her card', async () => {
  friendId = await referredNewcomer(clinic, code, FRIEND.phone, FRIEND.openid);
  expect(updates().map((n) => [n._id, n.audience, n.customerId, n.status, n.channel])).toEqual([
    [`referral_booked_${friendId}`, 'customer', WANGLI.id, 'sent', 'subscribe'],
  ]);
  const [sent] = await sends();
  expect(sent).toMatchObject({
    result: 'ok',
    params: {
      touser: WANGLI.openid,
      page: 'packages/customer/pages/card/index',
      data: { thing1: { value: expect.stringMatching(/^\S\*+$/) }, phrase2: { value: '好友已预约' } },
    },
  });
  // The friend cancels and books again: no second 好友已预约.
  const [booking] = clinic.cloud.db.find('bookings', { customerId: friendId }) as any[];
  expect((await clinic.call('booking', 'cancel', { bookingId: booking._id }, FRIEND.openid)).body.ok).toBe(true);
  await referredNewcomer(clinic, code, FRIEND.phone, FRIEND.openid, { slot: '11:00' });
  expect(updates()).toHaveLength(1);
  expect(await sends()).toHaveLength(1);
});

test('referrer update: 好友已到院 at the first check-in, not again the same day', async () => {
  await checkedIn(clinic, friendId);
  await checkedIn(clinic, friendId);
  expect(updates().map((n) => [n._id, n.status])).toEqual([
    [`referral_booked_${friendId}`, 'sent'],
    [`referral_visited_${friendId}`, 'sent'],
  ]);
  expect((await sends()).map((s) => s.params.data.phrase2.value)).toEqual(['好友已预约', '好友已到院']);
});

test('referrer update: 奖励已到账 once per credit; with the bank spent the rest stay in-app, no 43101', async () => {
  const key = newKey();
  const deal = await clinic.call(
    'deals',
    'record',
    { customerId: friendId, items: [botulinum()], idempotencyKey: key },
    STAFF,
  );
  expect(deal.body.ok).toBe(true);
  const credits = (deal.body.data.credited as any[]).filter((c) => c.role === 'referrer');
  expect(credits.length).toBeGreaterThanOrEqual(2);
  const rewarded = updates().filter((n) => n._id.startsWith('referral_rewarded_'));
  expect(rewarded).toHaveLength(credits.length);
  // The third banked grant pays for the first credit's message; the others have no channel left.
  expect(rewarded.map((n) => n.status).sort()).toEqual(['sent', ...Array(credits.length - 1).fill('in_app')].sort());
  const all = await sends();
  expect(all.every((s) => s.result === 'ok')).toBe(true);
  expect(all[2].params.data).toMatchObject({
    phrase2: { value: '奖励已到账' },
    thing3: { value: expect.stringMatching(/已到账$/) },
  });
  expect(clinic.cloud.db.find('subscribeGrants', { openid: WANGLI.openid })).toMatchObject([{ count: 0 }]);

  // The same request again (a double tap): the first answer, no new update.
  const again = await clinic.call(
    'deals',
    'record',
    { customerId: friendId, items: [botulinum()], idempotencyKey: key },
    STAFF,
  );
  expect(again.body).toEqual(deal.body);
  expect(updates()).toHaveLength(2 + credits.length);
});

test('referrer update: a notifier that breaks is logged and never fails the booking, visit or deal', async () => {
  const broken = {
    command: {},
    collection: () => {
      throw new Error('database unavailable');
    },
  } as unknown as Database;
  const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  await expect(
    notifyReferrer(
      broken,
      {
        progress: 'visited',
        eventId: 'c1',
        chainId: 'chain-yuemei',
        referrerCustomerId: WANGLI.id,
        friendMaskedName: '刘*',
        date: '2027-03-01',
      },
      new Date(),
    ),
  ).resolves.toBeNull();
  expect(spy).toHaveBeenCalledWith(expect.stringContaining('visited c1 not delivered'), expect.any(Error));
  spy.mockRestore();
});
