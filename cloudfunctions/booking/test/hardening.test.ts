import { CLINIC_NOW, NEWCOMER, WANGLI, bookingInput, startClinic, type Clinic } from '../../test/support/clinic';

jest.setTimeout(180_000);

/** What a stranger could do with a typed phone number or a crafted request (issue "Hardening"). */
let clinic: Clinic;
let codeA: string;
beforeAll(async () => {
  clinic = await startClinic();
  codeA = (await clinic.call('referral', 'getMyCard', {}, WANGLI.openid)).body.data.code;
});
afterAll(async () => {
  await clinic.cloud.stop();
});

const book = (data: unknown, openid: string) => clinic.call('booking', 'create', data, openid);

test('a typed phone shows its upcoming booking only to the WeChat user who made it', async () => {
  const mine = await book(bookingInput({ phone: '13911110001', slot: '10:00' }), 'o-owner');
  expect(mine.body.ok).toBe(true);
  const before = clinic.counts();
  const stranger = await book(bookingInput({ phone: '13911110001', slot: '11:00' }), 'o-stranger');
  expect(stranger.body).toEqual({
    ok: false,
    code: 'ALREADY_BOOKED',
    message: '该手机号已有待到院的预约，请用预约时的微信查看，或致电门店修改',
  });
  // Nothing of the booking (its id is the check-in code) leaks, and nothing is written.
  expect(JSON.stringify(stranger.body)).not.toContain(mine.body.data.id);
  expect(clinic.counts()).toEqual(before);
  const again = await book(bookingInput({ phone: '13911110001', slot: '11:00' }), 'o-owner');
  expect(again.body).toMatchObject({ ok: true, data: { id: mine.body.data.id, existing: true } });
});

test('R9: a late referral claim creates a relationship only from the person themselves, never from a stranger', async () => {
  // Filed without a referrer, then cancelled: the phone has no upcoming booking.
  const first = await book(bookingInput({ phone: '13911110002', slot: '12:00' }), 'o-person');
  await clinic.call('booking', 'cancel', { bookingId: first.body.data.id }, 'o-person');
  const customerId =
    first.body.data && (clinic.cloud.db.find('bookings', { _id: first.body.data.id })[0] as any).customerId;

  const stranger = await book(bookingInput({ phone: '13911110002', slot: '14:00', referralCode: codeA }), NEWCOMER);
  expect(stranger.body.ok).toBe(true);
  expect(clinic.cloud.db.find('referrals', { refereeCustomerId: customerId })).toEqual([]);
  expect(stranger.body.data.referred).toBe(false);
  // The claim itself is refused and audited (R8), whoever makes it.
  expect(clinic.cloud.db.find('auditLogs', { action: 'filing.claim_referrer', rule: 'R8' }).length).toBe(1);

  await clinic.call('booking', 'cancel', { bookingId: stranger.body.data.id }, NEWCOMER);
  const self = await book(bookingInput({ phone: '13911110002', slot: '14:30', referralCode: codeA }), 'o-person');
  expect(self.body).toMatchObject({ ok: true, data: { referred: true } });
  expect(clinic.cloud.db.find('referrals', { refereeCustomerId: customerId })).toEqual([
    expect.objectContaining({ referrerCustomerId: WANGLI.id, status: 'booked' }),
  ]);
  // The attribution is the first filing's and never changes (R1).
  expect(clinic.cloud.db.find('attributions', { customerId })).toEqual([
    expect.objectContaining({ channel: 'mini_program', rule: 'R1' }),
  ]);
});

test.each(['__proto__', 'constructor', 'prototype'])(
  'a %s key is refused like any unknown key, nothing written',
  async (key) => {
    const before = clinic.counts();
    const body = `{"action":"create","data":{"storeId":"store-1","${key}":{"admin":true}}}`;
    const res = await clinic.cloud.call('booking', JSON.parse(body), 'o-proto');
    expect(res.body).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    const nested = JSON.parse(
      `{"action":"listSlots","data":{"storeId":"store-1","date":"2027-03-02","x":{"${key}":1}}}`,
    );
    expect((await clinic.cloud.call('booking', nested, 'o-proto')).body).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
    expect(clinic.counts()).toEqual(before);
  },
);

test('consentVersion must be the clinic’s current privacy notice', async () => {
  const before = clinic.counts();
  const res = await book(bookingInput({ phone: '13911110003', consentVersion: 'any-string' }), 'o-consent');
  expect(res.body).toEqual({
    ok: false,
    code: 'CONSENT_OUTDATED',
    message: '隐私政策已更新，请重新阅读并同意后再预约',
  });
  expect(clinic.counts()).toEqual(before);
});

test('booking.listMine pages through every booking of the caller with a cursor', async () => {
  const openid = 'o-many';
  const made: string[] = [];
  for (let i = 0; i < 23; i++) {
    const slot = ['10:00', '10:30', '11:00', '11:30', '14:00', '14:30', '15:00', '15:30'][i % 8] as string;
    const date = ['2027-03-03', '2027-03-04', '2027-03-05'][Math.floor(i / 8)] as string;
    const res = await book(bookingInput({ phone: `1371111${String(i).padStart(4, '0')}`, date, slot }), openid);
    expect(res.body.ok).toBe(true);
    made.push(res.body.data.id);
  }
  const seen: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const res = await clinic.call('booking', 'listMine', { limit: 10, ...(cursor ? { cursor } : {}) }, openid);
    expect(res.body.ok).toBe(true);
    seen.push(...res.body.data.bookings.map((b: any) => b.id));
    cursor = res.body.data.nextCursor;
    pages += 1;
  } while (cursor);
  expect(pages).toBe(3);
  expect([...seen].sort()).toEqual([...made].sort());
  // Latest visit first.
  const first = (await clinic.call('booking', 'listMine', {}, openid)).body.data;
  expect(first.bookings[0].date).toBe('2027-03-05');
  expect(first.bookings).toHaveLength(20);
  expect(first.nextCursor).toBeDefined();
});

test('referral.listMyRewards: the balance counts every ledger entry, however many', async () => {
  const entries = Array.from({ length: 1205 }, (_, i) => ({
    _id: `L${String(i).padStart(5, '0')}`,
    id: `L${String(i).padStart(5, '0')}`,
    chainId: 'chain-1',
    customerId: WANGLI.id,
    type: 'credit',
    policyId: 'rebate',
    kind: 'rebate',
    unit: 'fen',
    amount: 100,
    role: 'referrer',
    dealId: `d${i}`,
    refereeCustomerId: `r${i}`,
    referrerCustomerId: WANGLI.id,
    at: CLINIC_NOW,
    expiresOn: '2028-03-01',
  }));
  clinic.cloud.db.insertMany('rewardLedger', entries);
  const res = await clinic.call('referral', 'listMyRewards', { limit: 5 }, WANGLI.openid);
  expect(res.body).toMatchObject({ ok: true, data: { balanceFen: 120_500 } });
  expect(res.body.data.items).toHaveLength(5);
});
