import {
  CLINIC_NOW,
  LIUFANG,
  MANAGER,
  STAFF,
  WANGLI,
  ZHANGMIN,
  bookingInput,
  startClinic,
  type Clinic,
} from '../../test/support/clinic';
import { checkedIn } from '../../deals/test/deal-support';

jest.setTimeout(240_000);

/** Customer cards, pickers, colleagues, targets and my figures; leaving colleagues hand their work over. */
let clinic: Clinic;
let codeA: string;
const MANAGER_STORE_2 = 'demo-manager-store-2';
const GM = 'demo-manager-gm';
const BUTLER = 'demo-staff-butler-service-1';

beforeAll(async () => {
  clinic = await startClinic();
  codeA = (await clinic.call('referral', 'getMyCard', {}, WANGLI.openid)).body.data.code;
});
afterAll(async () => {
  await clinic.cloud.stop();
});
beforeEach(() => clinic.cloud.clock.set(new Date(CLINIC_NOW)));

const staff = (action: string, data: unknown, openid = STAFF) => clinic.call('staff', action, data, openid);
const doc = (collection: string, id: string) => clinic.cloud.db.find(collection, { _id: id })[0] as any;

/** A friend of 王丽 books with her card: a referral credited to 王丽's owner, the consultant. */
async function referredFriend(phone: string, slot: string): Promise<string> {
  const res = await clinic.call('booking', 'create', bookingInput({ phone, slot, referralCode: codeA }), `o-${phone}`);
  expect(res.body.ok).toBe(true);
  return doc('bookings', res.body.data.id).customerId;
}

describe('customer card', () => {
  test('shows attribution, history and open follow-ups; the number only to whoever has to call', async () => {
    const friend = await referredFriend('13944440001', '10:00');
    const card = await staff('customerCard', { customerId: friend });
    expect(card.body).toMatchObject({
      ok: true,
      data: {
        customerId: friend,
        customer: {
          kind: 'new',
          channelLabel: '老带新',
          rule: 'R1',
          referrerDisplayName: expect.stringMatching(/^王/),
        },
        checkedIn: false,
        canRecordDeals: true,
      },
    });
    // The consultant owns the friend's first follow-up task: they have to call, so they get the number.
    expect(card.body.data.openTasks.length).toBeGreaterThan(0);
    expect(card.body.data.customer.phone).toBe('13944440001');
    expect(card.body.data.history.map((h: any) => h.kind)).toEqual(expect.arrayContaining(['filing', 'booking']));

    // 刘芳 belongs to the butler: the consultant sees her card, masked, without the number.
    const liufang = await staff('customerCard', { customerId: LIUFANG.id });
    expect(liufang.body.ok).toBe(true);
    expect(liufang.body.data.customer.phone).toBeUndefined();
    expect(liufang.body.data.customer.maskedPhone).toMatch(/\*{4}/);
  });

  test('another store’s customer looks missing; the general manager sees the chain', async () => {
    expect((await staff('customerCard', { customerId: ZHANGMIN.id })).body).toEqual({
      ok: false,
      code: 'NOT_FOUND',
      message: '没有找到这位顾客',
    });
    expect((await staff('customerCard', { customerId: ZHANGMIN.id }, GM)).body.ok).toBe(true);
    expect((await staff('customerCard', { customerId: 'cust-nobody' })).body.code).toBe('NOT_FOUND');
  });
});

describe('people pickers', () => {
  test('a full mobile number or an exact name finds customers of my store, masked', async () => {
    const byPhone = await staff('findCustomers', { query: '176 1867 4536' });
    expect(byPhone.body.data.items).toEqual([
      {
        customerId: LIUFANG.id,
        displayName: expect.stringMatching(/^刘/),
        maskedPhone: '176****4536',
        kind: 'existing',
      },
    ]);
    const byName = await staff('findCustomers', { query: '刘芳' });
    expect(byName.body.data.items.map((p: any) => p.customerId)).toEqual([LIUFANG.id]);
    // Store 2's 张敏 is not the store-1 desk's to pick.
    const zhang = doc('customers', ZHANGMIN.id);
    expect((await staff('findCustomers', { query: zhang.phone })).body.data.items).toEqual([]);
    expect(
      (await staff('findCustomers', { query: zhang.name }, GM)).body.data.items.map((p: any) => p.customerId),
    ).toContain(ZHANGMIN.id);
  });

  test('colleagues of my store; another store only for the chain’s managers', async () => {
    const mine = await staff('listColleagues', {});
    const ids = mine.body.data.items.map((c: any) => c.staffId);
    expect(ids).toEqual(expect.arrayContaining(['staff-s1-consultant-1', 'staff-s1-butler-1', 'staff-s1-manager']));
    expect(ids).not.toContain('staff-s2-manager');
    const nurses = await staff('listColleagues', { post: 'nurse' });
    expect(nurses.body.data.items.map((c: any) => c.postLabel)).toEqual(['护理师']);
    expect((await staff('listColleagues', { storeId: 'store-2' }, MANAGER)).body.code).toBe('NOT_FOUND');
    expect(
      (await staff('listColleagues', { storeId: 'store-2' }, GM)).body.data.items.map((c: any) => c.staffId),
    ).toContain('staff-s2-manager');
  });

  test('bad input is a typed Chinese error and writes nothing', async () => {
    const before = clinic.counts();
    // The seed sets some of this month's targets; a refused call adds none.
    const targetsBefore = clinic.count('staffTargets');
    for (const [action, data] of [
      ['findCustomers', { query: '' }],
      ['findCustomers', { query: 'x'.repeat(21) }],
      ['customerCard', {}],
      ['listColleagues', { post: 'janitor' }],
      ['myFigures', { month: '2027-13' }],
      ['setTargets', { staffId: 'staff-s1-consultant-1', month: '2027-03', targets: { deals: -1 } }],
      ['setTargets', { staffId: 'staff-s1-consultant-1', month: '2027-03', targets: { bonus: 1 } }],
      ['deactivate', { staffId: 'staff-s1-nurse-1' }],
    ] as const) {
      const res = await staff(action, data, MANAGER);
      expect(res.body).toEqual({ ok: false, code: 'INVALID_INPUT', message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
    }
    for (const data of [{}, { customerId: '' }, { customerId: LIUFANG.id, extra: 1 }]) {
      const res = await clinic.call('deals', 'prepare', data, STAFF);
      expect(res.body).toEqual({ ok: false, code: 'INVALID_INPUT', message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
    }
    expect(clinic.counts()).toEqual(before);
    expect(clinic.count('staffTargets')).toBe(targetsBefore);
  });
});

describe('targets and my figures (§4)', () => {
  test('my month’s KPIs against the targets my manager set, and my follow-ups', async () => {
    await referredFriend('13944440002', '10:30');
    const set = await staff(
      'setTargets',
      { staffId: 'staff-s1-consultant-1', month: '2027-03', targets: { referralFilings: 4, deals: 2 } },
      MANAGER,
    );
    expect(set.body).toEqual({ ok: true, data: { staffId: 'staff-s1-consultant-1', month: '2027-03' } });
    // The targets form starts from what was set; another month has none.
    const read = (month: string, openid = MANAGER) =>
      staff('getTargets', { staffId: 'staff-s1-consultant-1', month }, openid);
    expect((await read('2027-03')).body.data).toEqual({
      staffId: 'staff-s1-consultant-1',
      month: '2027-03',
      targets: { referralFilings: 4, deals: 2 },
      setAt: expect.any(String),
    });
    expect((await read('2027-04')).body.data.targets).toEqual({});
    expect((await read('2027-03', STAFF)).body.code).toBe('FORBIDDEN');
    // Another store's manager cannot set them.
    expect(
      (
        await staff(
          'setTargets',
          { staffId: 'staff-s1-consultant-1', month: '2027-03', targets: { deals: 9 } },
          MANAGER_STORE_2,
        )
      ).body.code,
    ).toBe('NOT_FOUND');

    const figures = (await staff('myFigures', {})).body.data;
    expect(figures.month).toBe('2027-03');
    const kpi = (m: string) => figures.kpis.find((k: any) => k.metric === m);
    // Both friends of 王丽 so far this month were filed as referrals credited to her owner.
    const credited = clinic.cloud.db.find('attributions', {
      creditedStaffId: 'staff-s1-consultant-1',
      channel: 'referral',
      level: 1,
    }).length;
    expect(credited).toBeGreaterThanOrEqual(2);
    expect(kpi('referralFilings')).toEqual({
      metric: 'referralFilings',
      label: '带新建档量',
      actual: credited,
      target: 4,
      attainmentBp: Math.floor((credited * 10_000) / 4),
    });
    expect(kpi('deals')).toMatchObject({ actual: 0, target: 2, attainmentBp: 0 });
    expect(kpi('oldCustomers').actual).toBe(
      clinic.cloud.db.find('customers', { ownerStaffId: 'staff-s1-consultant-1', kind: 'existing' }).length,
    );
    expect(kpi('servedCustomers').target).toBeUndefined();
    // The friends' first follow-ups are due today: due, not yet overdue.
    expect(figures.followUps.due).toBeGreaterThanOrEqual(2);
    expect(figures.followUps.overdue).toBe(0);

    // Two days on, untouched tasks due on the 1st are overdue.
    clinic.cloud.clock.set(new Date('2027-03-03T02:00:00.000Z'));
    const later = (await staff('myFigures', {})).body.data;
    expect(later.followUps.overdue).toBeGreaterThanOrEqual(2);
    // A past month with nothing in it: zero, apart from the old-customer snapshot.
    const feb = (await staff('myFigures', { month: '2020-01' })).body.data;
    const snapshot = ['oldCustomers', 'satisfiedCustomers'];
    expect(feb.kpis.filter((k: any) => !snapshot.includes(k.metric)).map((k: any) => k.actual)).toEqual([
      0, 0, 0, 0, 0,
    ]);
  });
});

describe('deals.prepare', () => {
  test('tells the checkout form whether the person was checked in and what they can use', async () => {
    const friend = await referredFriend('13944440003', '11:00');
    const before = await clinic.call('deals', 'prepare', { customerId: friend }, STAFF);
    expect(before.body).toEqual({
      ok: true,
      data: {
        customerId: friend,
        storeId: 'store-1',
        customerMaskedName: expect.any(String),
        maskedPhone: '139****0003',
        checkedIn: false,
        usable: { rebate: 0, gift_voucher: 0, points: 0 },
      },
    });
    await checkedIn(clinic, friend);
    expect((await clinic.call('deals', 'prepare', { customerId: friend }, STAFF)).body.data.checkedIn).toBe(true);
    expect((await clinic.call('deals', 'prepare', { customerId: ZHANGMIN.id }, STAFF)).body.code).toBe('NOT_FOUND');
  });
});

describe('a colleague leaves (deactivate with handover)', () => {
  test('their open tasks and old customers go to the colleague chosen; credited performance stays', async () => {
    const friend = await referredFriend('13944440009', '11:30');
    const openTasks = () =>
      clinic.cloud.db.find('followUpTasks', { ownerStaffId: 'staff-s1-consultant-1', status: 'open' }).length;
    const owned = () => clinic.cloud.db.find('customers', { ownerStaffId: 'staff-s1-consultant-1' }).length;
    const tasksBefore = openTasks();
    const customersBefore = owned();
    expect(tasksBefore).toBeGreaterThan(0);
    expect(customersBefore).toBeGreaterThan(0);
    const attribution = doc('attributions', friend);

    // Another store's manager: the colleague looks missing. A successor of another store: refused.
    expect(
      (
        await staff(
          'deactivate',
          { staffId: 'staff-s1-consultant-1', handoverToStaffId: 'staff-s2-manager' },
          MANAGER_STORE_2,
        )
      ).body.code,
    ).toBe('NOT_FOUND');
    expect(
      (
        await staff(
          'deactivate',
          { staffId: 'staff-s1-consultant-1', handoverToStaffId: 'staff-s2-technician-1' },
          MANAGER,
        )
      ).body,
    ).toEqual({ ok: false, code: 'INVALID_INPUT', message: '接手的同事须是同一门店的在职员工' });
    expect(openTasks()).toBe(tasksBefore);

    const res = await staff(
      'deactivate',
      { staffId: 'staff-s1-consultant-1', handoverToStaffId: 'staff-s1-butler-1' },
      MANAGER,
    );
    expect(res.body).toEqual({
      ok: true,
      data: {
        staffId: 'staff-s1-consultant-1',
        handoverToStaffId: 'staff-s1-butler-1',
        handoverToName: doc('staff', 'staff-s1-butler-1').name,
        movedTasks: tasksBefore,
        movedCustomers: customersBefore,
      },
    });
    expect(openTasks()).toBe(0);
    expect(owned()).toBe(0);
    expect(doc('customers', WANGLI.id).ownerStaffId).toBe('staff-s1-butler-1');
    expect(doc('attributions', friend)).toEqual(attribution);
    expect(doc('staff', 'staff-s1-consultant-1')).toMatchObject({
      active: false,
      handoverToStaffId: 'staff-s1-butler-1',
    });
    expect(doc('staff', 'staff-s1-consultant-1').openid).toBeUndefined();
    expect(
      clinic.cloud.db.find('auditLogs', { action: 'staff.deactivate', targetId: 'staff-s1-consultant-1' }),
    ).toHaveLength(1);

    // The leaver can no longer act; the successor sees the work in their workbench.
    expect((await staff('workbench', {}, STAFF)).body.code).toBe('FORBIDDEN');
    expect((await staff('workbench', {}, BUTLER)).body.data.counts.today).toBeGreaterThan(0);
    // A repeat finishes nothing new; another successor is refused.
    const again = await staff(
      'deactivate',
      { staffId: 'staff-s1-consultant-1', handoverToStaffId: 'staff-s1-butler-1' },
      MANAGER,
    );
    expect(again.body.data).toMatchObject({ movedTasks: 0, movedCustomers: 0 });
    expect(
      (await staff('deactivate', { staffId: 'staff-s1-consultant-1', handoverToStaffId: 'staff-s1-nurse-1' }, MANAGER))
        .body.code,
    ).toBe('CONFLICT');
  });
});
