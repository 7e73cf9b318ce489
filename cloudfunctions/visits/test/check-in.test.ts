import {
  CLINIC_NOW,
  LIUFANG,
  MANAGER,
  NEWCOMER,
  STAFF,
  TOMORROW,
  WANGLI,
  ZHANGMIN,
  bookingInput,
  startClinic,
  type Clinic,
} from '../../test/support/clinic';

jest.setTimeout(240_000);

/** The desk: check-in makes attribution final (R2–R7); desk filings never change a filing (R1, R8). */
let clinic: Clinic;
let codeA: string;
const MANAGER_STORE_2 = 'demo-manager-store-2';
/** Tuesday 2027-03-02 10:00 in Shanghai: the day after the bookings. */
const NEXT_DAY = '2027-03-02T02:00:00.000Z';

beforeAll(async () => {
  clinic = await startClinic();
  codeA = (await clinic.call('referral', 'getMyCard', {}, WANGLI.openid)).body.data.code;
});
afterAll(async () => {
  await clinic.cloud.stop();
});
beforeEach(() => clinic.cloud.clock.set(new Date(CLINIC_NOW)));

const checkIn = (data: unknown, openid = STAFF) => clinic.call('visits', 'checkIn', data, openid);
const book = async (over: Record<string, unknown>, openid: string) => {
  const res = await clinic.call('booking', 'create', bookingInput(over), openid);
  expect(res.body.ok).toBe(true);
  return res.body.data as { id: string };
};
const attributionOf = (customerId: string) => clinic.cloud.db.find('attributions', { customerId })[0] as any;

test('R2: a card booking filed the day before is 老带新 at check-in, final, credited to the referrer’s owner', async () => {
  const booking = await book({ phone: '13922220001', slot: '10:00', referralCode: codeA }, 'o-ref-1');
  clinic.cloud.clock.set(new Date(NEXT_DAY));
  const res = await checkIn({ bookingCode: booking.id.toLowerCase() });
  expect(res.body).toMatchObject({
    ok: true,
    data: {
      firstVisit: true,
      alreadyCheckedIn: false,
      filedNow: false,
      bookingId: booking.id,
      displayName: '林**',
      attribution: {
        channel: 'referral',
        channelLabel: '老带新',
        level: 1,
        rule: 'R2',
        provisional: false,
        creditedStaffId: WANGLI.owner,
        referrerDisplayName: '王*',
      },
    },
  });
  const { customerId } = res.body.data;
  expect(attributionOf(customerId)).toMatchObject({ provisional: false, rule: 'R2', leadDays: 1 });
  expect(clinic.cloud.db.find('bookings', { _id: booking.id })[0]).toMatchObject({ status: 'visited' });
  const referrals = await clinic.call('referral', 'listMyReferrals', {}, WANGLI.openid);
  expect(referrals.body.data.items).toEqual(
    expect.arrayContaining([expect.objectContaining({ maskedPhone: '139****0001', status: 'visited' })]),
  );

  // A second check-in the same day is the same visit, never a second first visit.
  const before = clinic.counts();
  const visitsBefore = clinic.count('visits');
  const again = await checkIn({ bookingCode: booking.id });
  expect(again.body).toMatchObject({
    ok: true,
    data: { alreadyCheckedIn: true, firstVisit: false, visitId: res.body.data.visitId },
  });
  expect(clinic.counts()).toEqual(before);
  expect(clinic.count('visits')).toBe(visitsBefore);
});

test('R2: a referral filed on the day of the first visit is 直接来院; the referral relationship stays (R9)', async () => {
  // Booked this morning for this afternoon, checked in the same day.
  const booking = await book(
    { phone: '13922220002', date: '2027-03-01', slot: '14:00', referralCode: codeA },
    'o-ref-2',
  );
  clinic.cloud.clock.set(new Date('2027-03-01T06:00:00.000Z'));
  const res = await checkIn({ bookingCode: booking.id });
  expect(res.body.data.attribution).toMatchObject({ channel: 'walk_in', rule: 'R2', referrerDisplayName: '王*' });
  expect(clinic.cloud.db.find('referrals', { refereeCustomerId: res.body.data.customerId })).toEqual([
    expect.objectContaining({ referrerCustomerId: WANGLI.id, status: 'visited' }),
  ]);
});

test('R3: an unfiled walk-in who says an old customer recommended them is filed at the desk, 直接来院, with the referral benefits', async () => {
  const res = await checkIn({ phone: '13922220003', name: '陈静', claimedReferrerCustomerId: LIUFANG.id });
  expect(res.body).toMatchObject({
    ok: true,
    data: {
      firstVisit: true,
      filedNow: true,
      attribution: { channel: 'walk_in', rule: 'R3', creditedStaffId: 'staff-s1-consultant-1' },
    },
  });
  const { customerId } = res.body.data;
  expect(clinic.cloud.db.find('filings', { customerId })).toEqual([
    expect.objectContaining({
      source: 'desk',
      channel: 'walk_in',
      isTouch: false,
      filedByStaffId: 'staff-s1-consultant-1',
    }),
  ]);
  expect(clinic.cloud.db.find('referrals', { refereeCustomerId: customerId })).toEqual([
    expect.objectContaining({ referrerCustomerId: LIUFANG.id }),
  ]);
  expect(clinic.cloud.db.find('followUpTasks', { customerId }).length).toBeGreaterThan(0);
});

test('R4 and R5: a walk-in naming a consultant, or arriving with an old customer, is 直接来院 with that rule', async () => {
  const named = await checkIn({ phone: '13922220004', name: '赵敏', namedConsultantStaffId: 'staff-s1-consultant-2' });
  expect(named.body.data.attribution).toMatchObject({ channel: 'walk_in', rule: 'R4' });
  const together = await checkIn({
    phone: '13922220005',
    name: '钱多多',
    companionCustomerId: ZHANGMIN.id,
    receivedByStaffId: 'staff-s1-consultant-2',
  });
  expect(together.body.data.attribution).toMatchObject({
    channel: 'walk_in',
    rule: 'R5',
    creditedStaffId: 'staff-s1-consultant-2',
    creditedStaffName: '何雪',
  });
});

test('R6: an old customer brings someone already filed by another channel → the original channel', async () => {
  const filed = await clinic.call(
    'visits',
    'fileAtDesk',
    { phone: '13922220006', name: '孙悦', channel: 'ecommerce', grade: 'F1' },
    STAFF,
  );
  expect(filed.body).toMatchObject({
    ok: true,
    data: { existing: false, attribution: { channel: 'ecommerce', provisional: true } },
  });
  clinic.cloud.clock.set(new Date(NEXT_DAY));
  const res = await checkIn({ phone: '13922220006', companionCustomerId: WANGLI.id });
  expect(res.body.data.attribution).toMatchObject({ channel: 'ecommerce', rule: 'R6', provisional: false });
});

test('20 concurrent check-ins of one booking make one visit and one first visit', async () => {
  const booking = await book({ phone: '13922220007', slot: '11:00', referralCode: codeA }, 'o-ref-7');
  clinic.cloud.clock.set(new Date(NEXT_DAY));
  const answers = await Promise.all(Array.from({ length: 20 }, () => checkIn({ bookingCode: booking.id })));
  expect(answers.every((a) => a.body.ok)).toBe(true);
  expect(answers.filter((a) => a.body.data.firstVisit)).toHaveLength(1);
  const customerId = answers[0]!.body.data.customerId;
  expect(clinic.cloud.db.find('visits', { customerId })).toHaveLength(1);
  expect(attributionOf(customerId)).toMatchObject({ provisional: false });
});

test('who may check in: staff and managers of the store; another store’s people are NOT_FOUND', async () => {
  const booking = await book({ phone: '13922220008', slot: '12:00' }, 'o-ref-8');
  clinic.cloud.clock.set(new Date(NEXT_DAY));
  const before = clinic.counts();
  const cases: [string | undefined, string][] = [
    [undefined, 'UNAUTHENTICATED'],
    [NEWCOMER, 'FORBIDDEN'],
    [WANGLI.openid, 'FORBIDDEN'],
    [MANAGER_STORE_2, 'NOT_FOUND'],
  ];
  for (const [openid, code] of cases) {
    const res = await clinic.cloud.call('visits', { action: 'checkIn', data: { bookingCode: booking.id } }, openid);
    expect(res.body).toEqual({ ok: false, code, message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
  }
  expect(clinic.counts()).toEqual(before);
  expect((await checkIn({ bookingCode: booking.id }, MANAGER)).body.ok).toBe(true);
});

test('bad input at the desk is a typed Chinese error and writes nothing', async () => {
  const before = clinic.counts();
  const bad: [string, unknown][] = [
    ['checkIn', {}],
    ['checkIn', { bookingCode: 'ABC', phone: '13922220009' }],
    ['checkIn', { bookingCode: 'ZZZZZZZ' }],
    ['checkIn', { phone: '13922220009' }],
    ['checkIn', { phone: '12345' }],
    ['checkIn', { phone: '13922220009', name: '\u200b' }],
    ['checkIn', { phone: '13922220009', name: '李四', claimedReferrerCustomerId: 'nobody' }],
    ['checkIn', { phone: '13922220009', name: '李四', receivedByStaffId: 'nobody' }],
    ['checkIn', { phone: '13922220009', name: '李四', extra: 1 }],
    ['fileAtDesk', { phone: '13922220009', name: '李四', channel: 'referral', grade: 'F1' }],
    ['fileAtDesk', { phone: '13922220009', name: '李四', channel: 'tv', grade: 'F1' }],
    ['fileAtDesk', { phone: '13922220009', name: '李四', channel: 'search', grade: 'F9' }],
    [
      'fileAtDesk',
      { phone: '13922220009', name: '李四', channel: 'referral', grade: 'F1', referrerCustomerId: 'cust-missing' },
    ],
  ];
  for (const [action, data] of bad) {
    const res = await clinic.call('visits', action, data, STAFF);
    expect(res.body).toMatchObject({ ok: false, code: expect.stringMatching(/INVALID_INPUT|NOT_FOUND/) });
    expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
  }
  expect(clinic.counts()).toEqual(before);
});

test('R1 and R8 at the desk: a filed person gets their filing back; another channel or owner is refused and audited', async () => {
  const first = await clinic.call(
    'visits',
    'fileAtDesk',
    { phone: '13922220010', name: '周婷', channel: 'referral', grade: 'F2', referrerCustomerId: WANGLI.id },
    STAFF,
  );
  expect(first.body).toMatchObject({
    ok: true,
    data: {
      existing: false,
      grade: 'F2',
      attribution: { channel: 'referral', level: 1, creditedStaffId: WANGLI.owner },
    },
  });
  const { customerId, filingId } = first.body.data;
  const filingBefore = clinic.cloud.db.find('filings', { _id: filingId });

  const same = await clinic.call(
    'visits',
    'fileAtDesk',
    { phone: '13922220010', name: '周婷', channel: 'referral', grade: 'F1', referrerCustomerId: WANGLI.id },
    STAFF,
  );
  expect(same.body).toMatchObject({ ok: true, data: { existing: true, reattributionRefused: false, filingId } });

  const other = await clinic.call(
    'visits',
    'fileAtDesk',
    { phone: '13922220010', name: '周婷', channel: 'search', grade: 'F1' },
    STAFF,
  );
  expect(other.body).toMatchObject({
    ok: true,
    data: { existing: true, reattributionRefused: true, filingId, attribution: { channel: 'referral' } },
  });
  expect(other.body.data.message).toContain('不允许补单和改单');
  expect(clinic.cloud.db.find('filings', { _id: filingId })).toEqual(filingBefore);
  expect(clinic.cloud.db.find('filings', { customerId, isTouch: true })).toHaveLength(2);
  expect(clinic.cloud.db.find('auditLogs', { targetId: filingId, rule: 'R8', outcome: 'rejected' })).toHaveLength(1);
});

test('a booking made today and checked in tomorrow is the same person as their desk record', async () => {
  // The next day's check-in by phone finds the booking's person (no second filing).
  const booking = await book({ phone: '13922220011', slot: '15:00' }, 'o-ref-11');
  clinic.cloud.clock.set(new Date(NEXT_DAY));
  const res = await checkIn({ phone: '13922220011' });
  expect(res.body).toMatchObject({ ok: true, data: { filedNow: false, firstVisit: true } });
  expect(clinic.cloud.db.find('filings', { phone: '13922220011', isTouch: false })).toHaveLength(1);
  expect(booking.id).toBeDefined();
  expect(TOMORROW).toBe('2027-03-02');
});
