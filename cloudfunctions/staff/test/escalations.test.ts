import { CLINIC_NOW, MANAGER, STAFF, WANGLI, bookingInput, startClinic, type Clinic } from '../../test/support/clinic';

jest.setTimeout(240_000);

/** The escalation ladder: overdue follow-ups reach the store manager, who reassigns them in one tap. */
let clinic: Clinic;
let taskId: string;
const GM = 'demo-manager-gm';
const MANAGER_STORE_2 = 'demo-manager-store-2';
const DAY = 86_400_000;

beforeAll(async () => {
  clinic = await startClinic();
  const code = (await clinic.call('referral', 'getMyCard', {}, WANGLI.openid)).body.data.code;
  const res = await clinic.call(
    'booking',
    'create',
    bookingInput({ phone: '13955550001', referralCode: code }),
    'o-esc',
  );
  const { customerId } = clinic.cloud.db.find('bookings', { _id: res.body.data.id })[0] as any;
  const [first] = (clinic.cloud.db.find('followUpTasks', { customerId }) as any[]).sort((a, b) =>
    a.dueDate < b.dueDate ? -1 : 1,
  );
  taskId = first.id; // F1: due today, owned by 王丽's consultant
});
afterAll(async () => {
  await clinic.cloud.stop();
});
const at = (days: number) => clinic.cloud.clock.set(new Date(Date.parse(CLINIC_NOW) + days * DAY));
const staff = (action: string, data: unknown, openid = MANAGER) => clinic.call('staff', action, data, openid);
const listed = async (openid = MANAGER) =>
  ((await staff('escalations', {}, openid)).body.data.items as any[]).find((t) => t.id === taskId);

test('a task 2 days overdue shows in the manager’s list, at 5 days it is to be reassigned', async () => {
  at(1);
  expect(await listed()).toBeUndefined();
  at(2);
  expect(await listed()).toMatchObject({
    id: taskId,
    level: 'manager_digest',
    overdueDays: 2,
    ownerStaffId: WANGLI.owner,
    ownerName: expect.any(String),
    storeId: 'store-1',
    displayName: expect.stringMatching(/\*/),
  });
  at(5);
  expect(await listed()).toMatchObject({ level: 'reassign', overdueDays: 5 });
  // The general manager sees the chain; another store's manager does not see store 1's tasks.
  expect(await listed(GM)).toMatchObject({ level: 'reassign', storeId: 'store-1' });
  expect(await listed(MANAGER_STORE_2)).toBeUndefined();
});

test('only managers see the ladder and reassign', async () => {
  expect((await staff('escalations', {}, STAFF)).body.code).toBe('FORBIDDEN');
  expect((await staff('reassignTask', { taskId, toStaffId: 'staff-s1-butler-1' }, STAFF)).body.code).toBe('FORBIDDEN');
  expect((await staff('reassignTask', { taskId, toStaffId: 'staff-s1-butler-1' }, MANAGER_STORE_2)).body).toEqual({
    ok: false,
    code: 'NOT_FOUND',
    message: '没有找到这条回访任务',
  });
});

test('one tap gives the task to a colleague of the store; the due date and customer stay; audited', async () => {
  at(5);
  const before = clinic.cloud.db.find('followUpTasks', { _id: taskId })[0] as any;
  expect((await staff('reassignTask', { taskId, toStaffId: 'staff-s2-manager' })).body).toEqual({
    ok: false,
    code: 'INVALID_INPUT',
    message: '只能改派给本门店的在职同事',
  });
  const res = await staff('reassignTask', { taskId, toStaffId: 'staff-s1-butler-1' });
  expect(res.body).toEqual({
    ok: true,
    data: { taskId, ownerStaffId: 'staff-s1-butler-1', ownerName: expect.any(String) },
  });
  const after = clinic.cloud.db.find('followUpTasks', { _id: taskId })[0] as any;
  expect(after).toEqual({ ...before, ownerStaffId: 'staff-s1-butler-1', remindAt: null });
  expect(clinic.cloud.db.find('auditLogs', { action: 'task.reassign', targetId: taskId })).toHaveLength(1);
  expect(await listed()).toMatchObject({ ownerStaffId: 'staff-s1-butler-1' });
  // The butler now has it among their overdue tasks.
  const overdue = await clinic.call('staff', 'listTasks', { bucket: 'overdue' }, 'demo-staff-butler-service-1');
  expect(overdue.body.data.items.map((t: any) => t.id)).toContain(taskId);
  expect((await staff('reassignTask', { taskId, toStaffId: 'staff-s1-butler-1' })).body.code).toBe('INVALID_INPUT');
});

test('bad input is a typed Chinese error and writes nothing', async () => {
  const before = clinic.counts();
  for (const data of [{}, { taskId }, { taskId, toStaffId: '' }, { cursor: 'x'.repeat(65) }]) {
    const action = 'cursor' in data ? 'escalations' : 'reassignTask';
    const res = await staff(action, data);
    expect(res.body).toEqual({ ok: false, code: 'INVALID_INPUT', message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
  }
  expect(clinic.counts()).toEqual(before);
});
