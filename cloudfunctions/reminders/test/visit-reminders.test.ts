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
  // Two visits tomorrow (one of them accepted the reminder) and one the day after.
  await book('openid-remind-yes', '13900002001');
  await book('openid-remind-no', '13900002002', { slot: '11:00' });
  await book('openid-remind-later', '13900002003', { date: WEDNESDAY });
  await clinic.cloud.api('POST', '/subscribe/grant', { openid: 'openid-remind-yes', templateId: TEMPLATE, count: 1 });
  await clinic.cloud.api('POST', '/subscribe/grant', { openid: 'openid-remind-later', templateId: TEMPLATE, count: 1 });
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
    data: { visitReminders: { sent: 1, noGrant: 1, failed: 0, skipped: 0 } },
  });

  const sends = await reminderSends();
  expect(sends.map((s) => [s.params.touser, s.result])).toEqual([
    ['openid-remind-yes', 'ok'],
    ['openid-remind-no', 'error'],
  ]);
  const booking = clinic.cloud.db.find('bookings', { openid: 'openid-remind-yes' })[0] as any;
  expect(sends[0].params).toMatchObject({
    touser: 'openid-remind-yes',
    template_id: TEMPLATE,
    page: 'pages/appointments/index',
    data: {
      thing1: { value: '悦美医疗美容 · 一店' },
      time2: { value: `${TOMORROW} 10:00` },
      thing3: { value: expect.any(String) },
      character_string4: { value: booking._id },
    },
  });
  expect(booking.reminder).toMatchObject({ status: 'sent' });
  const refused = clinic.cloud.db.find('bookings', { openid: 'openid-remind-no' })[0] as any;
  expect(refused.reminder).toMatchObject({ status: 'no_grant', errCode: 43101 });
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
  expect(res.body.data.visitReminders.sent).toBe(1);
  const last = (await reminderSends()).pop();
  expect(last).toMatchObject({ params: { touser: 'openid-remind-later' }, result: 'ok' });
});

test('the mini-program cannot call the reminders function', async () => {
  const res = await clinic.call('reminders', 'visitReminders', {}, 'openid-remind-yes');
  expect(res.body).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
  const timerShaped = await clinic.cloud.call('reminders', { Type: 'Timer', TriggerName: 'hourly' }, 'o1');
  expect(timerShaped.body).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
});
