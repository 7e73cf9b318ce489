import { CLINIC_NOW, STAFF, WANGLI, startClinic, type Clinic } from '../../test/support/clinic';

jest.setTimeout(240_000);

/** §5: whom to ask, when, and how; an ask with a target friend files them as 老带新. */
let clinic: Clinic;
beforeAll(async () => {
  clinic = await startClinic();
});
afterAll(async () => {
  await clinic.cloud.stop();
});
beforeEach(() => clinic.cloud.clock.set(new Date(CLINIC_NOW)));

const staff = (action: string, data: unknown, openid = STAFF) => clinic.call('staff', action, data, openid);

test('§5 golden time: my old customers 1–11 months after treatment, ranked, with how to ask', async () => {
  const res = await staff('goldenTime', { limit: 50 });
  expect(res.body.ok).toBe(true);
  const items = res.body.data.items as any[];
  expect(items.length).toBeGreaterThan(0);
  for (const item of items) {
    expect(['关键黄金期', '黄金期']).toContain(item.windowLabel);
    expect(item.monthsSinceTreatment).toBeGreaterThanOrEqual(1);
    expect(item.monthsSinceTreatment).toBeLessThanOrEqual(11);
    expect(item.how).toMatch(/[\u4e00-\u9fa5]/);
  }
  // Ranked: scores never increase down the list; only the caller's own old customers.
  expect(items.map((i) => i.score)).toEqual([...items.map((i) => i.score)].sort((a, b) => b - a));
  const owners = new Set(
    items.map((i) => (clinic.cloud.db.find('customers', { _id: i.customerId })[0] as any).ownerStaffId),
  );
  expect([...owners]).toEqual(['staff-s1-consultant-1']);
});

test('§5 ask: a target friend becomes a graded 老带新 filing; the customer rests for the cooldown', async () => {
  const first = (await staff('goldenTime', { limit: 1 })).body.data.items[0];
  const res = await staff('recordAsk', {
    customerId: first.customerId,
    friend: {
      name: '韩梅',
      phone: '13944440001',
      need: '想做双眼皮，预算一万',
      expectedVisitDate: '2027-03-20',
      grade: 'F1',
    },
  });
  expect(res.body).toMatchObject({
    ok: true,
    data: { askedOn: '2027-03-01', friendFiling: { existing: false, channelLabel: '老带新', rule: 'R1' } },
  });
  const [filing] = clinic.cloud.db.find('filings', { phone: '13944440001' }) as any[];
  expect(filing).toMatchObject({
    channel: 'referral',
    referrerCustomerId: first.customerId,
    grade: 'F1',
    need: '想做双眼皮，预算一万',
    expectedVisitDate: '2027-03-20',
    filedByStaffId: 'staff-s1-consultant-1',
  });
  const again = (await staff('goldenTime', { limit: 50 })).body.data.items.map((i: any) => i.customerId);
  expect(again).not.toContain(first.customerId);
  // After the cooldown (7 days) they are back.
  clinic.cloud.clock.set(new Date('2027-03-09T01:00:00.000Z'));
  const later = (await staff('goldenTime', { limit: 50 })).body.data.items.map((i: any) => i.customerId);
  expect(later).toContain(first.customerId);
});

test('asks only about my store’s old customers', async () => {
  const before = clinic.counts();
  expect((await staff('recordAsk', { customerId: 'cust-missing' })).body).toMatchObject({
    ok: false,
    code: 'NOT_FOUND',
  });
  expect((await staff('recordAsk', { customerId: WANGLI.id }, 'demo-manager-store-2')).body).toMatchObject({
    ok: false,
    code: 'NOT_FOUND',
  });
  expect((await staff('recordAsk', { customerId: WANGLI.id, friend: { name: '韩梅' } })).body).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT',
  });
  expect(clinic.counts()).toEqual(before);
});
