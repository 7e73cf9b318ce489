import { bookingInput, startClinic, CLINIC_NOW, TOMORROW, WEDNESDAY, type Clinic } from '../../test/support/clinic';

jest.setTimeout(120_000);

const TEMPLATE = 'tmpl-visit-reminder';
let clinic: Clinic;

beforeAll(async () => {
  clinic = await startClinic();
  const book = async (openid: string, phone: string, over: Record<string, unknown> = {}) => {
    const res = await clinic.call('booking', 'create', bookingInput({ phone, ...over }), openid);
    expect(res.body.ok).toBe(true);
  };
  // Three visits tomorrow (one accepted the reminder, one did not, one whose banked grant WeChat
  // no longer holds) and one the day after.
  await book('openid-remind-yes', '13900002001');
  await book('openid-remind-no', '13900002002', { slot: '11:00' });
  await book('openid-remind-drift', '13900002004', { slot: '14:00' });
  await book('openid-remind-later', '13900002003', { date: WEDNESDAY });
  // What the booking page does on 允许: WeChat records the authorization, the page banks it.
  for (const openid of ['openid-remind-yes', 'openid-remind-later', 'openid-remind-drift']) {
    if (openid !== 'openid-remind-drift') {
      await clinic.cloud.api('POST', '/subscribe/grant', { openid, templateId: TEMPLATE, count: 1 });
    }
    const banked = await clinic.call('user', 'recordSubscription', { results: { [TEMPLATE]: 'accept' } }, openid);
    expect(banked.body).toEqual({ ok: true, data: { grants: { [TEMPLATE]: 1 } } });
  }
});
afterAll(async () => {
  await clinic.cloud.stop();
});

const reminderSends = async () => {
  const { body } = await clinic.cloud.api('GET', '/outbox');
  return (body as any[]).filter((e) => e.apiName === 'subscribeMessage.send');
};

const HOUR = 3600_000;

test('before 10:00 the hourly timer sends no visit reminder', async () => {
  const res = await clinic.cloud.api('POST', '/trigger/reminders');
  expect(res.body).toMatchObject({ ok: true, data: { visitReminders: null } });
  expect(await reminderSends()).toEqual([]);
});

test('the timer reminds tomorrow’s visitors once, with store, time, project and booking code', async () => {
  clinic.cloud.clock.set(new Date(Date.parse(CLINIC_NOW) + HOUR)); // 10:00 Shanghai
  expect(clinic.cloud.clock.now().toISOString() < `${TOMORROW}T00:00:00Z`).toBe(true);
  const res = await clinic.cloud.api('POST', '/trigger/reminders');
  expect(res.body).toMatchObject({
    ok: true,
    data: { visitReminders: { sent: 1, noGrant: 2, failed: 0, skipped: 0 } },
  });

  // Nothing is sent to the customer who banked nothing (no burst of 43101); the drifted bank is
  // tried once, answered 43101 and emptied.
  const sends = await reminderSends();
  expect(sends.map((s) => [s.params.touser, s.result])).toEqual([
    ['openid-remind-yes', 'ok'],
    ['openid-remind-drift', 'error'],
  ]);
  const booking = clinic.cloud.db.find('bookings', { openid: 'openid-remind-yes' })[0] as any;
  expect(sends[0].params).toMatchObject({
    touser: 'openid-remind-yes',
    template_id: TEMPLATE,
    page: 'packages/customer/pages/appointments/index',
    data: {
      thing1: { value: '悦美医疗美容 · 一店' },
      time2: { value: `${TOMORROW} 10:00` },
      thing3: { value: expect.any(String) },
      character_string4: { value: booking._id },
    },
  });
  expect(booking.reminder).toMatchObject({ status: 'sent' });
  const refused = clinic.cloud.db.find('bookings', { openid: 'openid-remind-no' })[0] as any;
  expect(refused.reminder).toMatchObject({ status: 'no_grant' });
  expect(refused.reminder.errCode).toBeUndefined();
  const drifted = clinic.cloud.db.find('bookings', { openid: 'openid-remind-drift' })[0] as any;
  expect(drifted.reminder).toMatchObject({ status: 'no_grant', errCode: 43101 });
  expect(clinic.cloud.db.find('subscribeGrants', { openid: 'openid-remind-drift' })).toMatchObject([{ count: 0 }]);

  // The notifier's outbox has each reminder once, with its channel, for the customer.
  const outbox = clinic.cloud.db.find('notifications', { kind: 'visit_reminder' }) as any[];
  expect(outbox.map((n) => [n.customerId === booking.customerId, n.status, n.channel]).sort()).toEqual([
    [false, 'in_app', 'in_app'],
    [false, 'in_app', 'in_app'],
    [true, 'sent', 'subscribe'],
  ]);
  const tomorrows = clinic.cloud.db.find('bookings', { date: TOMORROW }) as any[];
  expect(outbox.map((n) => n._id).sort()).toEqual(tomorrows.map((b) => `visit_${b._id}_${b.date}`).sort());
  expect(outbox.every((n) => n.audience === 'customer')).toBe(true);
});

test('a timer that fires again the same day sends nothing more', async () => {
  const before = (await reminderSends()).length;
  const res = await clinic.cloud.api('POST', '/trigger/reminders');
  expect(res.body).toMatchObject({
    ok: true,
    data: { visitReminders: { sent: 0, noGrant: 0, failed: 0, skipped: 0 } },
  });
  expect((await reminderSends()).length).toBe(before);
});

test('the next day reminds the next day’s visitors', async () => {
  clinic.cloud.clock.set(new Date(Date.parse(CLINIC_NOW) + 25 * HOUR));
  const res = await clinic.cloud.api('POST', '/trigger/reminders');
  expect(res.body.data.visitReminders).toMatchObject({ sent: 1, noGrant: 0 });
  const last = (await reminderSends()).pop();
  expect(last).toMatchObject({ params: { touser: 'openid-remind-later' }, result: 'ok' });
});

test('a customer banks only the clinic’s customer templates, and only once they are a customer', async () => {
  const stranger = await clinic.call('user', 'recordSubscription', { results: { [TEMPLATE]: 'accept' } }, 'o-new');
  expect(stranger.body).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  const digest = await clinic.call(
    'user',
    'recordSubscription',
    { results: { 'tmpl-staff-digest': 'accept' } },
    'openid-remind-no',
  );
  expect(digest.body).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  const tooMany = await clinic.call(
    'user',
    'recordSubscription',
    { results: { a: 'accept', b: 'accept', c: 'accept', d: 'accept' } },
    'openid-remind-no',
  );
  expect(tooMany.body).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  expect(clinic.cloud.db.find('subscribeGrants', { openid: 'openid-remind-no' })).toEqual([]);
  const rejected = await clinic.call(
    'user',
    'recordSubscription',
    { results: { [TEMPLATE]: 'reject', 'tmpl-referral-update': 'accept' } },
    'openid-remind-no',
  );
  expect(rejected.body).toEqual({ ok: true, data: { grants: { [TEMPLATE]: 0, 'tmpl-referral-update': 1 } } });
});

test('the mini-program cannot call the reminders function', async () => {
  const res = await clinic.call('reminders', 'visitReminders', {}, 'openid-remind-yes');
  expect(res.body).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
  const timerShaped = await clinic.cloud.call('reminders', { Type: 'Timer', TriggerName: 'hourly' }, 'o1');
  expect(timerShaped.body).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
});
