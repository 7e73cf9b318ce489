import { parseBookingCode } from '@clinic/shared';
import {
  LIUFANG,
  NEWCOMER,
  TOMORROW,
  WANGLI,
  WEDNESDAY,
  ZHANGMIN,
  bookingInput,
  startClinic,
  type Clinic,
} from '../../test/support/clinic';

jest.setTimeout(180_000);

let clinic: Clinic;
let codeA: string; // 王丽's card (owner: consultant 陈静)
let codeB: string; // 刘芳's card (owner: butler 孙悦)

beforeAll(async () => {
  clinic = await startClinic();
  codeA = (await clinic.call('referral', 'getMyCard', {}, WANGLI.openid)).body.data.code;
  codeB = (await clinic.call('referral', 'getMyCard', {}, LIUFANG.openid)).body.data.code;
});
afterAll(async () => {
  await clinic.cloud.stop();
});

const book = (data: Record<string, unknown>, openid = NEWCOMER) => clinic.call('booking', 'create', data, openid);
const filingsOf = (phone: string) => clinic.cloud.db.find('filings', { phone });

describe('booking.create files the first booking of a phone and attributes it (R1)', () => {
  test('a card booking is a level-1 老带新 filing credited to the owner of the referrer, with F1 follow-ups', async () => {
    const res = await book(bookingInput({ phone: '13900000001', referralCode: codeA }));
    expect(res.body.ok).toBe(true);
    const b = res.body.data;
    expect(b).toMatchObject({
      storeId: 'store-1',
      storeName: expect.any(String),
      productName: '肉毒素',
      date: TOMORROW,
      slot: '10:00',
      status: 'booked',
      maskedPhone: '139****0001',
      referred: true,
    });
    expect(b.existing).toBeUndefined();
    expect(b.bookingCode).toBe(b.id);
    expect(parseBookingCode(b.bookingCode)).toBe(b.bookingCode);

    const [filing] = filingsOf('13900000001') as any[];
    expect(filing).toMatchObject({ channel: 'referral', level: 1, source: 'card', isTouch: false });
    expect(filing).toMatchObject({ referrerCustomerId: WANGLI.id, ownerStaffId: WANGLI.owner, grade: 'F1' });
    const [attribution] = clinic.cloud.db.find('attributions', { customerId: filing.customerId }) as any[];
    expect(attribution).toMatchObject({
      channel: 'referral',
      level: 1,
      rule: 'R1',
      referrerCustomerId: WANGLI.id,
      benefitReferrerCustomerId: WANGLI.id,
      creditedStaffId: WANGLI.owner,
      provisional: true,
      explanation: expect.stringMatching(/老带新/),
    });
    const tasks = clinic.cloud.db.find('followUpTasks', { customerId: filing.customerId }) as any[];
    expect(tasks.map((t) => t.dueDate).sort()).toEqual(['2027-03-01', '2027-03-08', '2027-03-21']);
    expect(tasks.every((t) => t.ownerStaffId === WANGLI.owner && t.grade === 'F1' && t.status === 'open')).toBe(true);
    expect(clinic.cloud.db.find('customers', { phone: '13900000001' })).toEqual([
      expect.objectContaining({ kind: 'new', source: 'booking', openids: [NEWCOMER] }),
    ]);
    expect(clinic.cloud.db.find('referrals', { referrerCustomerId: WANGLI.id })).toHaveLength(1);
  });

  test('a booking without a code is filed to 小程序 and worked by the store’s call centre', async () => {
    const res = await book(bookingInput({ phone: '13900000002', slot: '10:30' }), 'o-no-code');
    expect(res.body).toMatchObject({ ok: true, data: { referred: false } });
    const [filing] = filingsOf('13900000002') as any[];
    expect(filing).toMatchObject({
      channel: 'mini_program',
      level: 1,
      source: 'mini_program',
      ownerStaffId: 'staff-s1-call-1',
    });
    expect(filing.referrerCustomerId).toBeUndefined();
    const [attribution] = clinic.cloud.db.find('attributions', { customerId: filing.customerId }) as any[];
    expect(attribution).toMatchObject({
      channel: 'mini_program',
      rule: 'R1',
      explanation: expect.stringMatching(/小程序/),
    });
    // The consents the booker gave are on the booking: the notice version and when they agreed to
    // the processing of health-related information.
    const [stored] = clinic.cloud.db.find('bookings', { phone: '13900000002' }) as any[];
    expect(stored).toMatchObject({ consentVersion: '2026-12', sensitiveConsentAt: expect.any(String) });
    expect(Date.parse(stored.sensitiveConsentAt)).toBe(Date.parse(stored.createdAt));
  });

  test('a visit more than a month away is graded F2 and gets its first follow-ups on the 10th and 20th', async () => {
    const far = '2027-05-20';
    const res = await book(bookingInput({ phone: '13900000003', date: far, slot: '11:00' }), 'o-far');
    expect(res.body.ok).toBe(true);
    const [filing] = filingsOf('13900000003') as any[];
    expect(filing.grade).toBe('F2');
    const tasks = clinic.cloud.db.find('followUpTasks', { customerId: filing.customerId }) as any[];
    // The clinic's followUp.planAhead (6) dates ahead; re-planned when they run out.
    expect(tasks.map((t) => t.dueDate).sort()).toEqual([
      '2027-04-10',
      '2027-04-20',
      '2027-05-10',
      '2027-05-20',
      '2027-06-10',
      '2027-06-20',
    ]);
  });

  test('the same phone with an upcoming booking gets that booking back (existing: true), recorded as a touch', async () => {
    const first = await book(bookingInput({ phone: '13900000004', slot: '12:00' }), 'o-twice');
    const again = await book(bookingInput({ phone: '13900000004', slot: '15:00', referralCode: codeB }), 'o-twice');
    expect(again.body).toMatchObject({ ok: true, data: { id: first.body.data.id, slot: '12:00', existing: true } });
    expect(clinic.cloud.db.find('bookings', { phone: '13900000004' })).toHaveLength(1);
    const filings = filingsOf('13900000004') as any[];
    expect(filings.filter((f) => !f.isTouch)).toHaveLength(1);
    expect(filings.filter((f) => f.isTouch)).toHaveLength(1);
    // A different referrer for a filed person is refused (R8) and written to the audit log.
    const audit = clinic.cloud.db.find('auditLogs', { action: 'filing.claim_referrer' }) as any[];
    expect(audit.some((a) => a.outcome === 'rejected' && a.rule === 'R8' && a.targetId === filings[0].id)).toBe(true);
  });

  test('a later booking of a filed person after cancelling is a touch; the attribution never changes (R1, R8)', async () => {
    const phone = '13900000005';
    const first = await book(bookingInput({ phone, slot: '13:00', referralCode: codeA }), 'o-later');
    const [filing] = filingsOf(phone) as any[];
    const before = clinic.cloud.db.find('attributions', { customerId: filing.customerId });
    await clinic.call('booking', 'cancel', { bookingId: first.body.data.id }, 'o-later');
    const later = await book(bookingInput({ phone, date: WEDNESDAY, slot: '13:00', referralCode: codeB }), 'o-later');
    expect(later.body).toMatchObject({ ok: true, data: { date: WEDNESDAY, referred: true } });
    expect(later.body.data.id).not.toBe(first.body.data.id);
    expect(clinic.cloud.db.find('attributions', { customerId: filing.customerId })).toEqual(before);
    expect(filingsOf(phone).filter((f: any) => f.isTouch)).toEqual([
      expect.objectContaining({ isTouch: true, referrerCustomerId: LIUFANG.id, channel: 'referral' }),
    ]);
    expect(clinic.cloud.db.find('followUpTasks', { customerId: filing.customerId })).toHaveLength(3);
    // The booking shows the person's own referrer (R9), not the claimed one.
    expect(clinic.cloud.db.find('bookings', { _id: later.body.data.id })[0]).toMatchObject({
      referralCode: codeB,
      referrerCustomerId: WANGLI.id,
    });
  });

  test('an existing customer (filed by the CRM) booking with a friend’s code is a touch and an audit entry', async () => {
    const seeded = clinic.cloud.db.find('customers', { _id: 'cust-0100' })[0] as any;
    const res = await book(
      bookingInput({ name: seeded.name, phone: seeded.phone, slot: '16:00', referralCode: codeA }),
      'o-crm',
    );
    expect(res.body.ok).toBe(true);
    expect(clinic.cloud.db.find('attributions', { customerId: 'cust-0100' })).toHaveLength(0);
    expect(filingsOf(seeded.phone)).toEqual([expect.objectContaining({ isTouch: true, customerId: 'cust-0100' })]);
    expect(clinic.cloud.db.find('auditLogs', { targetId: 'cust-0100' })).toHaveLength(1);
  });

  test('self-referral — the referrer’s own phone or own WeChat user — is rejected and earns nothing', async () => {
    const wangli = clinic.cloud.db.find('customers', { _id: WANGLI.id })[0] as any;
    const before = clinic.counts();
    const samePhone = await book(
      bookingInput({ phone: wangli.phone, slot: '17:00', referralCode: codeA }),
      'o-someone',
    );
    expect(samePhone.body).toMatchObject({ ok: false, code: 'SELF_REFERRAL', message: '不能使用自己的推荐码' });
    const sameUser = await book(
      bookingInput({ phone: '13900000006', slot: '17:00', referralCode: codeA }),
      WANGLI.openid,
    );
    expect(sameUser.body).toMatchObject({ ok: false, code: 'SELF_REFERRAL' });
    expect(clinic.counts()).toEqual(before);
  });

  test('a clinic that files card bookings under 小程序 gets level-2 referrals, referrer kept as a tag', async () => {
    const settings = clinic.cloud.db.find('settings')[0] as any;
    clinic.cloud.db.handle('database.modifyDocument', {
      collectionName: 'settings',
      query: JSON.stringify({ _id: settings._id }),
      data: JSON.stringify({ $set: { cardReferralChannel: 'mini_program' } }),
      queryType: 'DOC',
      multi: false,
      merge: true,
      upsert: false,
    });
    try {
      const res = await book(bookingInput({ phone: '13900000007', slot: '18:00', referralCode: codeA }), 'o-l2');
      expect(res.body.ok).toBe(true);
      const [filing] = filingsOf('13900000007') as any[];
      expect(filing).toMatchObject({
        channel: 'mini_program',
        level: 2,
        referrerCustomerId: WANGLI.id,
        ownerStaffId: 'staff-s1-call-1',
      });
      const [attribution] = clinic.cloud.db.find('attributions', { customerId: filing.customerId }) as any[];
      expect(attribution).toMatchObject({ channel: 'mini_program', level: 2, referrerCustomerId: WANGLI.id });
    } finally {
      clinic.cloud.db.handle('database.modifyDocument', {
        collectionName: 'settings',
        query: JSON.stringify({ _id: settings._id }),
        data: JSON.stringify({ $set: { cardReferralChannel: 'referral' } }),
        queryType: 'DOC',
        multi: false,
        merge: true,
        upsert: false,
      });
    }
  });
});

describe('concurrency: one filing per phone, whatever the burst (every call ends ok)', () => {
  test('20 concurrent first bookings of one new phone through two referrers’ codes', async () => {
    const phone = '13811112222';
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        book(bookingInput({ phone, date: WEDNESDAY, slot: '09:30', referralCode: i % 2 ? codeA : codeB }), 'o-race'),
      ),
    );
    expect(results.map((r) => r.body.ok)).toEqual(Array(20).fill(true));
    const ids = new Set(results.map((r) => r.body.data.id));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => !r.body.data.existing)).toHaveLength(1);

    const filings = filingsOf(phone) as any[];
    const first = filings.filter((f) => !f.isTouch);
    expect(first).toHaveLength(1);
    expect(filings.filter((f) => f.isTouch)).toHaveLength(19);
    const customerId = first[0].customerId;
    const attributions = clinic.cloud.db.find('attributions', { customerId }) as any[];
    expect(attributions).toHaveLength(1);
    // The first committed filing decided it; its referrer's owner has the tasks.
    const winner = first[0].referrerCustomerId;
    expect(attributions[0]).toMatchObject({ channel: 'referral', referrerCustomerId: winner });
    const tasks = clinic.cloud.db.find('followUpTasks', { customerId }) as any[];
    expect(tasks).toHaveLength(3);
    expect(new Set(tasks.map((t) => t.ownerStaffId))).toEqual(
      new Set([winner === WANGLI.id ? WANGLI.owner : LIUFANG.owner]),
    );
    expect(clinic.cloud.db.find('customers', { phone })).toHaveLength(1);
    expect(clinic.cloud.db.find('bookings', { phone })).toHaveLength(1);
    // Every touch through the other referrer's code is an audited, refused re-attribution.
    const other = filings.filter((f) => f.isTouch && f.referrerCustomerId !== winner).length;
    expect(clinic.cloud.db.find('auditLogs', { targetId: first[0].id })).toHaveLength(other);
    expect(clinic.cloud.db.find('slotCounters', { _id: `store-1_${WEDNESDAY}_0930` })).toEqual([
      expect.objectContaining({ booked: 1 }),
    ]);
  });

  test('200 bookings of 50 phones at once: every phone filed once, counters right', async () => {
    const date = '2027-03-04';
    const slots = [
      '09:30',
      '10:00',
      '10:30',
      '11:00',
      '11:30',
      '12:00',
      '12:30',
      '13:00',
      '13:30',
      '14:00',
      '14:30',
      '15:00',
      '15:30',
      '16:00',
      '16:30',
      '17:00',
      '17:30',
    ];
    const phones = Array.from({ length: 50 }, (_, i) => `1370000${String(i).padStart(4, '0')}`);
    const calls = phones.flatMap((phone, i) =>
      [0, 1, 2, 3].map((k) =>
        book(
          bookingInput({
            phone,
            date,
            slot: slots[i % slots.length],
            ...(k === 1 ? { referralCode: codeA } : k === 2 ? { referralCode: codeB } : {}),
          }),
          `o-bulk-${i}`,
        ),
      ),
    );
    const results = await Promise.all(calls);
    const failed = results.filter((r) => r.body.ok !== true);
    expect(failed.map((r) => r.body)).toEqual([]);
    for (const phone of phones) {
      const filings = filingsOf(phone) as any[];
      expect(filings.filter((f) => !f.isTouch)).toHaveLength(1);
      expect(filings).toHaveLength(4);
      expect(clinic.cloud.db.find('bookings', { phone })).toHaveLength(1);
      expect(clinic.cloud.db.find('attributions', { customerId: filings[0].customerId })).toHaveLength(1);
    }
    const counters = clinic.cloud.db.find('slotCounters', { date }) as any[];
    expect(counters.reduce((s, c) => s + c.booked, 0)).toBe(50);
    expect(counters.every((c) => c.booked <= 3)).toBe(true);
  });
});

describe('booking.create with the phone WeChat vouches for (getPhoneNumber code)', () => {
  const withCode = (phoneCode: string, over: Record<string, unknown> = {}) => {
    const { phone: _typed, ...rest } = bookingInput({ slot: '15:00', ...over });
    return { ...rest, phoneCode };
  };

  test('a valid code files the number WeChat returns', async () => {
    const res = await book(withCode('demo_13900007777'), 'openid-phone-code');
    expect(res.body).toMatchObject({ ok: true, data: { maskedPhone: '139****7777' } });
    expect(filingsOf('13900007777')).toHaveLength(1);
  });

  test('an invalid or used code is refused and writes nothing', async () => {
    const before = clinic.counts();
    const res = await book(withCode('not-a-real-code'), 'openid-phone-code-2');
    expect(res.body).toMatchObject({ ok: false, code: 'INVALID_PHONE_CODE' });
    expect(clinic.counts()).toEqual(before);
  });

  test('a revoked referral code is refused before WeChat’s one-time phone code is spent', async () => {
    const revoked = (await clinic.call('referral', 'getMyCard', {}, ZHANGMIN.openid)).body.data.code;
    await clinic.call('referral', 'revokeCard', {}, ZHANGMIN.openid);
    const phoneCalls = async () =>
      ((await clinic.cloud.api('GET', '/outbox')).body as any[]).filter(
        (e) => e.apiName === 'phonenumber.getPhoneNumber',
      ).length;
    const before = { calls: await phoneCalls(), counts: clinic.counts() };
    const refused = await book(withCode('demo_13900007779', { referralCode: revoked }), 'openid-phone-code-3');
    expect(refused.body).toMatchObject({ ok: false, code: 'INVALID_CODE' });
    expect(await phoneCalls()).toBe(before.calls);
    expect(clinic.counts()).toEqual(before.counts);
    // The same authorisation then books without the code.
    const next = await book(withCode('demo_13900007779'), 'openid-phone-code-3');
    expect(next.body).toMatchObject({ ok: true, data: { maskedPhone: '139****7779', referred: false } });
    expect(await phoneCalls()).toBe(before.calls + 1);
  });

  test('a typed phone and a code together, or neither, is invalid input', async () => {
    const both = await book({ ...withCode('demo_13900007778'), phone: '13900007778' });
    expect(both.body).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('手机号') });
    const { phone: _p, ...neither } = bookingInput();
    const none = await book(neither);
    expect(none.body).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('手机号') });
  });
});

test('the booking answer carries the clinic’s visit-reminder template for the page to ask with', async () => {
  const res = await book(bookingInput({ phone: '13900007790', slot: '16:00' }), 'openid-template');
  expect(res.body).toMatchObject({ ok: true, data: { reminderTemplateId: 'tmpl-visit-reminder' } });
});

test('visit reminder offered only when it can still be sent: no template for a same-day visit', async () => {
  // CLINIC_NOW is 2027-03-01 09:00; with the reminder one day ahead, a visit today is never reminded.
  const res = await book(
    bookingInput({ phone: '13900007791', date: '2027-03-01', slot: '16:00' }),
    'openid-template-same-day',
  );
  expect(res.body).toMatchObject({ ok: true, data: { date: '2027-03-01' } });
  expect(res.body.data).not.toHaveProperty('reminderTemplateId');
});
