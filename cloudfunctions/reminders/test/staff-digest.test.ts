import { CLINIC_NOW, STAFF, startClinic, type Clinic } from '../../test/support/clinic';

jest.setTimeout(240_000);

/**
 * The staff digest: one a day per person, exactly once however the timer fires, through the first
 * channel that can reach them (a banked one-time subscribe grant), else in-app.
 */
const TEMPLATE = 'tmpl-staff-digest';
const CHAIN = 'chain-yuemei';
const TODAY = '2027-03-01';
const DAY = 24 * 3600_000;
/** 陈静 (consultant, 一店): grants banked and held by WeChat. */
const CONSULTANT = { openid: STAFF, id: 'staff-s1-consultant-1' };
/** 孙悦 (butler, 一店): never subscribed — in-app. */
const BUTLER = { openid: 'demo-staff-butler-service-1', id: 'staff-s1-butler-1' };
/** 林晓 (nurse, 一店): a grant banked that WeChat no longer holds — one 43101, then in-app. */
const NURSE = { openid: 'demo-staff-nurse-1', id: 'staff-s1-nurse-1' };
const ADMIN = 'demo-manager-gm';
/** 高峰 (一店 store manager): no follow-up of their own today; tomorrow one. Reads the store's escalations. */
const MANAGER = { openid: 'demo-manager-store-1', id: 'staff-s1-manager' };

let clinic: Clinic;

const task = (id: string, ownerStaffId: string, dueDate: string, customerId: string, status = 'open') => ({
  _id: id,
  id,
  chainId: CHAIN,
  storeId: 'store-1',
  customerId,
  ownerStaffId,
  kind: 'cadence_f1',
  dueDate,
  status,
  createdAt: '2027-02-01T01:00:00.000Z',
});

beforeAll(async () => {
  clinic = await startClinic();
  clinic.cloud.db.insertMany('followUpTasks', [
    // Consultant: 3 due today, 2 overdue (the earliest for 刘芳), 1 tomorrow and 1 done (not counted).
    task('dg-c1', CONSULTANT.id, TODAY, 'cust-0001'),
    task('dg-c2', CONSULTANT.id, TODAY, 'cust-0001'),
    task('dg-c3', CONSULTANT.id, TODAY, 'cust-0003'),
    task('dg-c4', CONSULTANT.id, '2027-02-27', 'cust-0002'),
    task('dg-c5', CONSULTANT.id, '2027-02-28', 'cust-0003'),
    task('dg-c6', CONSULTANT.id, '2027-03-02', 'cust-0001'),
    task('dg-c7', CONSULTANT.id, TODAY, 'cust-0001', 'done'),
    task('dg-b1', BUTLER.id, TODAY, 'cust-0002'),
    task('dg-n1', NURSE.id, '2027-02-20', 'cust-0003'),
    task('dg-m1', MANAGER.id, '2027-03-02', 'cust-0002'),
    // Nobody's staff record: skipped.
    task('dg-g1', 'staff-gone', TODAY, 'cust-0001'),
  ]);
  // WeChat holds two grants for the consultant; the nurse's was spent elsewhere (none left).
  await clinic.cloud.api('POST', '/subscribe/grant', { openid: CONSULTANT.openid, templateId: TEMPLATE, count: 2 });
});
afterAll(async () => {
  await clinic.cloud.stop();
});

const staff = (action: string, data: unknown, openid: string) => clinic.call('staff', action, data, openid);
const fireDigest = async () => {
  const report = await clinic.cloud.runner.invoke(
    'reminders',
    { Type: 'Timer', TriggerName: 'hourly', Time: clinic.cloud.clock.now().toISOString() },
    { source: 'wx_trigger' },
  );
  const outcome = report.outcome as { status: string; value?: any };
  expect(outcome.status).toBe('ok');
  expect(outcome.value).toMatchObject({ ok: true });
  return outcome.value.data.staffDigest;
};
const digestSends = async (openid?: string) => {
  const { body } = await clinic.cloud.api('GET', '/outbox');
  return (body as any[]).filter(
    (e) =>
      e.apiName === 'subscribeMessage.send' &&
      e.params.template_id === TEMPLATE &&
      (openid === undefined || e.params.touser === openid),
  );
};
const digestsOf = (date: string) =>
  (clinic.cloud.db.find('notifications', { kind: 'staff_digest', date }) as any[]).sort((a, b) =>
    a.staffId < b.staffId ? -1 : 1,
  );
const bank = async (openid: string) =>
  (await staff('workbench', {}, openid)).body.data.reach as { digestGrants: number; reachable: boolean };

test('recordSubscription banks each accepted template; reject, ban and filter change nothing', async () => {
  expect(await bank(CONSULTANT.openid)).toEqual({ digestGrants: 0, longTerm: false, reachable: false });
  const accept = await staff('recordSubscription', { results: { [TEMPLATE]: 'accept' } }, CONSULTANT.openid);
  expect(accept.body).toEqual({ ok: true, data: { digestGrants: 1, reachable: true } });
  await staff('recordSubscription', { results: { [TEMPLATE]: 'accept' } }, CONSULTANT.openid);
  for (const result of ['reject', 'ban', 'filter']) {
    const res = await staff('recordSubscription', { results: { [TEMPLATE]: result } }, CONSULTANT.openid);
    expect(res.body).toEqual({ ok: true, data: { digestGrants: 2, reachable: true } });
  }
  expect(await bank(CONSULTANT.openid)).toEqual({ digestGrants: 2, longTerm: false, reachable: true });
  // The nurse's bank says one; WeChat holds none (it will answer 43101).
  await staff('recordSubscription', { results: { [TEMPLATE]: 'accept' } }, NURSE.openid);
  expect(await bank(BUTLER.openid)).toEqual({ digestGrants: 0, longTerm: false, reachable: false });
});

test('recordSubscription refuses bad input with a typed Chinese error and writes nothing', async () => {
  const before = clinic.cloud.db.find('subscribeGrants');
  const bad: unknown[] = [
    {},
    { results: {} },
    { results: { [TEMPLATE]: 'maybe' } },
    { results: { a: 'accept', b: 'accept', c: 'accept', d: 'accept' } },
    { results: { [TEMPLATE]: 'accept' }, extra: 1 },
    { results: { 'tmpl-not-ours': 'accept' } },
    { results: { [TEMPLATE]: 'accept', 'tmpl-not-ours': 'accept' } },
  ];
  for (const data of bad) {
    const res = await staff('recordSubscription', data, CONSULTANT.openid);
    expect(res.body).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/[\u4e00-\u9fa5]/),
    });
  }
  expect(clinic.cloud.db.find('subscribeGrants')).toEqual(before);
});

test('two concurrent timer runs and a retried one: exactly one digest per person, with the counts of their tasks', async () => {
  const runs = await Promise.all([fireDigest(), fireDigest()]);
  const retried = await fireDigest();
  const total = (k: string) => [...runs, retried].reduce((n, r) => n + r[k], 0);
  expect({ sent: total('sent'), inApp: total('inApp'), failed: total('failed') }).toEqual({
    sent: 1,
    inApp: 3,
    failed: 0,
  });

  // WeChat got one digest for the consultant, and one attempt (43101) for the nurse; none for the butler.
  const sends = await digestSends();
  expect(sends.map((s) => [s.params.touser, s.result])).toEqual(
    expect.arrayContaining([
      [CONSULTANT.openid, 'ok'],
      [NURSE.openid, 'error'],
    ]),
  );
  expect(sends).toHaveLength(2);
  expect(sends.find((s) => s.params.touser === CONSULTANT.openid).params).toMatchObject({
    page: 'packages/staff/pages/workbench/index',
    data: {
      thing1: { value: '今日回访 3 条，逾期 2 条' },
      number2: { value: '3' },
      number3: { value: '2' },
      thing4: { value: '刘*' },
      thing5: { value: expect.stringContaining('一店') },
    },
  });

  // The store manager has no follow-up today but two of the store's are escalated (2 and 9 days
  // overdue, settings 2 / 5 days), one of them to reassign: a digest of their own, after the owners.
  expect(digestsOf(TODAY).map((d) => [d.staffId, d.status, d.channel, d.counts])).toEqual([
    [BUTLER.id, 'in_app', 'in_app', { today: 1, overdue: 0 }],
    [CONSULTANT.id, 'sent', 'subscribe', { today: 3, overdue: 2 }],
    [MANAGER.id, 'in_app', 'in_app', { today: 0, overdue: 0, escalated: 2, reassign: 1 }],
    [NURSE.id, 'in_app', 'in_app', { today: 0, overdue: 1 }],
  ]);
  expect(digestsOf(TODAY).find((d) => d.staffId === MANAGER.id).summary).toBe('回访 0，逾期 0，督办 2');
  // Colleagues' digests never carry the store's escalations.
  expect(digestsOf(TODAY).filter((d) => d.counts.escalated !== undefined)).toHaveLength(1);
  expect(digestsOf(TODAY).find((d) => d.staffId === NURSE.id).attempts).toEqual([
    { channel: 'subscribe', errCode: 43101 },
  ]);
  expect(clinic.cloud.db.find('notifications', { staffId: 'staff-gone' })).toEqual([]);

  // The bank shrank only by the successful send; 43101 emptied the nurse's.
  expect((await bank(CONSULTANT.openid)).digestGrants).toBe(1);
  expect(await bank(NURSE.openid)).toMatchObject({ digestGrants: 0, reachable: false });
});

test('the workbench shows in-app digests once (badge), and a banner state when nothing reaches the person', async () => {
  // The butler's digest is in-app: the workbench counts it once, and says nothing reaches them outside it.
  const first = await staff('workbench', {}, BUTLER.openid);
  expect(first.body.data).toMatchObject({ inAppUnread: 1, reach: { digestGrants: 0, reachable: false } });
  expect((await staff('workbench', {}, BUTLER.openid)).body.data.inAppUnread).toBe(0);
  expect(digestsOf(TODAY).find((d) => d.staffId === BUTLER.id).seenAt).toEqual(expect.any(String));
  const consultant = await staff('workbench', {}, CONSULTANT.openid);
  expect(consultant.body.data).toMatchObject({ inAppUnread: 0, reach: { digestGrants: 1, reachable: true } });
});

test('before the clinic’s hour nothing is sent; the next day’s digest goes by the bank (no burst of 43101)', async () => {
  // Tuesday 08:00 Shanghai: the digest hour (9) has not come.
  clinic.cloud.clock.set(new Date(Date.parse(CLINIC_NOW) + DAY - 3600_000));
  expect(await fireDigest()).toMatchObject({ chains: 0, owners: 0, done: true });
  expect(digestsOf('2027-03-02')).toEqual([]);

  clinic.cloud.clock.set(new Date(Date.parse(CLINIC_NOW) + DAY));
  await fireDigest();
  expect(digestsOf('2027-03-02').map((d) => [d.staffId, d.status])).toEqual([
    [BUTLER.id, 'in_app'],
    [CONSULTANT.id, 'sent'],
    [MANAGER.id, 'in_app'],
    [NURSE.id, 'in_app'],
  ]);
  // A manager with a follow-up of their own gets one digest: their work and the store's ladder.
  expect(digestsOf('2027-03-02').find((d) => d.staffId === MANAGER.id).counts).toEqual({
    today: 1,
    overdue: 0,
    escalated: 3,
    reassign: 1,
  });
  // The nurse's empty bank means no second attempt: one 43101 in all.
  expect((await digestSends(NURSE.openid)).map((s) => s.result)).toEqual(['error']);
  expect(digestsOf('2027-03-02').find((d) => d.staffId === NURSE.id).attempts).toBeUndefined();
  expect((await bank(CONSULTANT.openid)).digestGrants).toBe(0);

  // Day three: the consultant's bank is empty too — in-app, and WeChat is not asked.
  clinic.cloud.clock.set(new Date(Date.parse(CLINIC_NOW) + 2 * DAY));
  const before = (await digestSends()).length;
  await fireDigest();
  expect(digestsOf('2027-03-03').map((d) => d.status)).toEqual(['in_app', 'in_app', 'in_app', 'in_app']);
  expect((await digestSends()).length).toBe(before);
  // The butler has two new in-app digests since the workbench last showed them.
  expect((await staff('workbench', {}, BUTLER.openid)).body.data.inAppUnread).toBe(2);
  expect((await staff('workbench', {}, BUTLER.openid)).body.data.inAppUnread).toBe(0);
});

test('an admin runs the digest now; a page at a time with a checkpoint, resumed by the next run', async () => {
  clinic.cloud.clock.set(new Date(Date.parse(CLINIC_NOW) + 3 * DAY - 6 * 3600_000)); // Thursday 03:00
  const first = await clinic.call('reminders', 'runDigest', { pageSize: 1, maxPages: 1 }, ADMIN);
  expect(first.body).toEqual({
    ok: true,
    data: { chains: 1, owners: 1, sent: 0, inApp: 0, duplicate: 0, skipped: 1, failed: 0, done: false },
  });
  const job = clinic.cloud.db.find('jobs', { _id: `staffDigest_${CHAIN}_2027-03-04` })[0] as any;
  // Owners in id order: the unknown owner `staff-gone` came first (skipped), the checkpoint is after it.
  expect(job).toMatchObject({ afterOwner: 'staff-gone', done: false });
  const rest = await clinic.call('reminders', 'runDigest', { pageSize: 1 }, ADMIN);
  // The manager is an owner now (their task is overdue): the managers' pass finds theirs claimed.
  expect(rest.body.data).toMatchObject({ owners: 4, inApp: 4, skipped: 0, duplicate: 1, done: true });
  expect(clinic.cloud.db.find('jobs', { _id: `staffDigest_${CHAIN}_2027-03-04` })[0]).toMatchObject({
    done: true,
    managersDone: true,
  });
  const again = await clinic.call('reminders', 'runDigest', {}, ADMIN);
  expect(again.body.data).toMatchObject({ owners: 0, inApp: 0, duplicate: 0, done: true });
  expect(digestsOf('2027-03-04')).toHaveLength(4);
});

test('a long-term digest template (医疗 category): the bank steps aside', async () => {
  const reply = clinic.cloud.db.handle('database.modifyDocument', {
    collectionName: 'settings',
    queryType: 'DOC',
    query: JSON.stringify({ _id: CHAIN }),
    data: JSON.stringify({ $set: { 'notifications.staffDigestLongTerm': true } }),
    multi: false,
    merge: true,
    upsert: false,
  });
  expect((reply as { data?: { updated?: number } }).data?.updated).toBe(1);
  // The consultant's bank is empty; WeChat delivers (locally: one grant stands for the subscription).
  await clinic.cloud.api('POST', '/subscribe/grant', { openid: CONSULTANT.openid, templateId: TEMPLATE, count: 1 });
  clinic.cloud.clock.set(new Date(Date.parse(CLINIC_NOW) + 4 * DAY));
  await fireDigest();
  const consultant = digestsOf('2027-03-05').find((d) => d.staffId === CONSULTANT.id);
  expect(consultant).toMatchObject({ status: 'sent', channel: 'subscribe' });
  expect((await digestSends(CONSULTANT.openid)).pop()).toMatchObject({ result: 'ok' });
  // Never subscribed: the butler's send is refused, the digest goes in-app; the bank is not consulted.
  expect(digestsOf('2027-03-05').find((d) => d.staffId === BUTLER.id)).toMatchObject({
    status: 'in_app',
    attempts: [{ channel: 'subscribe', errCode: 43101 }],
  });
  expect(clinic.cloud.db.find('subscribeGrants', { openid: CONSULTANT.openid })).toEqual([
    expect.objectContaining({ count: 0 }),
  ]);
});

test('only the timer and admins run the digest', async () => {
  expect((await clinic.call('reminders', 'runDigest', {}, CONSULTANT.openid)).body).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  });
  expect((await clinic.call('reminders', 'runDigest', {})).body).toMatchObject({
    ok: false,
    code: 'UNAUTHENTICATED',
  });
  const timerShaped = await clinic.cloud.call('reminders', { Type: 'Timer', TriggerName: 'hourly' }, ADMIN);
  expect(timerShaped.body).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
  const badInput = await clinic.call('reminders', 'runDigest', { pageSize: 0 }, ADMIN);
  expect(badInput.body).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
});
