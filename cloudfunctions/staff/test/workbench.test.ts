import {
  CLINIC_NOW,
  MANAGER,
  NEWCOMER,
  STAFF,
  WANGLI,
  bookingInput,
  startClinic,
  type Clinic,
} from '../../test/support/clinic';

jest.setTimeout(240_000);

/** The owner's follow-up work (§6): a card booking's task, results and what comes next, verification. */
let clinic: Clinic;
let codeA: string;
const NURSE = 'demo-staff-nurse-1';
const VERIFIER = 'demo-staff-followup-1';
const MANAGER_STORE_2 = 'demo-manager-store-2';
const GM = 'demo-manager-gm';

beforeAll(async () => {
  clinic = await startClinic();
  codeA = (await clinic.call('referral', 'getMyCard', {}, WANGLI.openid)).body.data.code;
});
afterAll(async () => {
  await clinic.cloud.stop();
});
beforeEach(() => clinic.cloud.clock.set(new Date(CLINIC_NOW)));

const staff = (action: string, data: unknown, openid = STAFF) => clinic.call('staff', action, data, openid);

/** A card booking (F1: its first task is due today, for the referrer's owner) and that task's id. */
async function bookedTask(phone: string, slot: string): Promise<{ taskId: string; customerId: string }> {
  const res = await clinic.call('booking', 'create', bookingInput({ phone, slot, referralCode: codeA }), `o-${phone}`);
  expect(res.body.ok).toBe(true);
  const booking = clinic.cloud.db.find('bookings', { _id: res.body.data.id })[0] as any;
  const [task] = (clinic.cloud.db.find('followUpTasks', { customerId: booking.customerId }) as any[]).sort((a, b) =>
    a.dueDate < b.dueDate ? -1 : 1,
  );
  return { taskId: task.id, customerId: booking.customerId };
}

test('a card booking’s follow-up task appears in the owner’s workbench today', async () => {
  const before = (await staff('workbench', {})).body.data.counts.today;
  const { taskId } = await bookedTask('13933330001', '10:00');
  const bench = await staff('workbench', {});
  expect(bench.body).toMatchObject({
    ok: true,
    data: {
      staffName: expect.any(String),
      postLabel: '咨询师',
      counts: { today: before + 1 },
      digestTemplateId: 'tmpl-staff-digest',
    },
  });
  const today = await staff('listTasks', { bucket: 'today' });
  expect(today.body.data.items).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        id: taskId,
        kind: 'cadence',
        grade: 'F1',
        displayName: '林**',
        maskedPhone: '139****0001',
        overdueDays: 0,
      }),
    ]),
  );
  // Tomorrow's list has none of today's.
  const tomorrow = await staff('listTasks', { bucket: 'tomorrow' });
  expect(tomorrow.body.data.items.map((t: any) => t.id)).not.toContain(taskId);
});

test('the task shows the customer’s context; the full phone only to the owner; other stores NOT_FOUND', async () => {
  const { taskId } = await bookedTask('13933330002', '10:30');
  const mine = await staff('getTask', { taskId });
  expect(mine.body).toMatchObject({
    ok: true,
    data: {
      task: { id: taskId, status: 'open' },
      customer: {
        phone: '13933330002',
        maskedPhone: '139****0002',
        kind: 'new',
        grade: 'F1',
        channelLabel: '老带新',
        rule: 'R1',
        referrerDisplayName: '王*',
      },
    },
  });
  expect(mine.body.data.history.map((h: any) => h.kind)).toEqual(expect.arrayContaining(['filing', 'booking']));
  const manager = await staff('getTask', { taskId }, MANAGER);
  expect(manager.body.ok).toBe(true);
  expect(manager.body.data.customer.phone).toBeUndefined();
  for (const openid of [NURSE, MANAGER_STORE_2]) {
    expect((await staff('getTask', { taskId }, openid)).body).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  }
});

test('V1: the preview shows the day-before reminder without writing; saving closes the task and schedules it', async () => {
  const { taskId, customerId } = await bookedTask('13933330003', '11:00');
  const before = clinic.counts();
  const result = { result: 'V1', plannedVisitDate: '2027-03-10' };
  const preview = await staff('previewResult', { taskId, result });
  expect(preview.body).toEqual({
    ok: true,
    data: {
      next: {
        kind: 'task',
        taskKind: 'visit_reminder',
        dueDate: '2027-03-09',
        why: expect.stringContaining('2027-03-10'),
      },
    },
  });
  expect(clinic.counts()).toEqual(before);
  const saved = await staff('recordResult', { taskId, result });
  expect(saved.body).toMatchObject({
    ok: true,
    data: { result: 'V1', next: { dueDate: '2027-03-09' }, nextTaskId: `${taskId}_r1` },
  });
  const tasks = clinic.cloud.db.find('followUpTasks', { customerId }) as any[];
  expect(tasks.find((t) => t.id === taskId)).toMatchObject({ status: 'done', result: 'V1' });
  expect(tasks.find((t) => t.id === `${taskId}_r1`)).toMatchObject({
    status: 'open',
    kind: 'visit_reminder',
    dueDate: '2027-03-09',
  });
  // Saving twice (a double tap) is refused and changes nothing.
  const afterSave = clinic.counts();
  expect((await staff('recordResult', { taskId, result })).body).toMatchObject({ ok: false, code: 'CONFLICT' });
  expect(clinic.counts()).toEqual(afterSave);
});

test('V4 needs a reason; V4 and N2 go to the verification queue; confirm and send back', async () => {
  const a = await bookedTask('13933330004', '11:30');
  const before = clinic.counts();
  const noReason = await staff('recordResult', { taskId: a.taskId, result: { result: 'V4' } });
  expect(noReason.body).toEqual({
    ok: false,
    code: 'INVALID_INPUT',
    message: '有效四级必须填写原因（字段 result.reason）',
  });
  expect(clinic.counts()).toEqual(before);

  const v4 = await staff('recordResult', {
    taskId: a.taskId,
    result: { result: 'V4', reason: 'competitor', note: '已在别家做过' },
  });
  expect(v4.body).toMatchObject({ ok: true, data: { next: { kind: 'verification_queue', leavesActivePool: true } } });
  const b = await bookedTask('13933330005', '14:00');
  const n2 = await staff('recordResult', { taskId: b.taskId, result: { result: 'N2' } });
  expect(n2.body).toMatchObject({ ok: true, data: { next: { kind: 'verification_queue', leavesActivePool: false } } });

  // Only the 四部回访组 (and managers) see the queue.
  expect((await staff('listVerification', {}, NURSE)).body).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  const queue = await staff('listVerification', {}, VERIFIER);
  const items = queue.body.data.items as any[];
  const itemA = items.find((i) => i.customerId === a.customerId);
  const itemB = items.find((i) => i.customerId === b.customerId);
  expect(itemA).toMatchObject({ result: 'V4', reason: 'competitor', note: '已在别家做过', maskedPhone: '139****0004' });
  expect(itemB).toMatchObject({ result: 'N2' });

  const confirmed = await staff('verify', { itemId: itemA.id, decision: 'confirm' }, VERIFIER);
  expect(confirmed.body).toEqual({ ok: true, data: { itemId: itemA.id, status: 'confirmed_removed' } });
  // Nothing is deleted: the customer and the item stay, marked.
  expect(clinic.cloud.db.find('customers', { _id: a.customerId })).toHaveLength(1);
  const back = await staff(
    'verify',
    { itemId: itemB.id, decision: 'send_back', note: '号码是对的，换个时间再打' },
    VERIFIER,
  );
  expect(back.body).toMatchObject({ ok: true, data: { status: 'restored', taskId: `${b.taskId}_back` } });
  expect(clinic.cloud.db.find('followUpTasks', { _id: `${b.taskId}_back` })).toEqual([
    expect.objectContaining({
      status: 'open',
      kind: 'retry',
      dueDate: '2027-03-01',
      note: '四部回访组退回：号码是对的，换个时间再打',
    }),
  ]);
  const left = await staff('listVerification', {}, VERIFIER);
  expect(left.body.data.items.map((i: any) => i.id)).not.toEqual(expect.arrayContaining([itemA.id]));
  expect((await staff('verify', { itemId: itemA.id, decision: 'confirm' }, VERIFIER)).body).toMatchObject({
    ok: false,
    code: 'CONFLICT',
  });
});

test('reschedule moves the due date; remind me later keeps it', async () => {
  const { taskId } = await bookedTask('13933330006', '14:30');
  const later = await staff('remindLater', { taskId, minutes: 90 });
  expect(later.body).toEqual({ ok: true, data: { taskId, remindAt: expect.stringMatching(/^2027-03-01T02:30/) } });
  const today = await staff('listTasks', { bucket: 'today' });
  expect(today.body.data.items.find((t: any) => t.id === taskId)).toMatchObject({
    dueDate: '2027-03-01',
    remindAt: later.body.data.remindAt,
  });
  const moved = await staff('rescheduleTask', { taskId, dueDate: '2027-03-02', note: '客户说明天再联系' });
  expect(moved.body).toEqual({ ok: true, data: { taskId, dueDate: '2027-03-02' } });
  const tomorrow = await staff('listTasks', { bucket: 'tomorrow' });
  expect(tomorrow.body.data.items.map((t: any) => t.id)).toContain(taskId);
  expect((await staff('rescheduleTask', { taskId, dueDate: '2027-02-27' })).body).toMatchObject({
    ok: false,
    code: 'DATE_IN_PAST',
  });
});

test('who may use the workbench: staff and managers; customers FORBIDDEN; no OPENID UNAUTHENTICATED', async () => {
  const cases: [string | undefined, string][] = [
    [undefined, 'UNAUTHENTICATED'],
    [NEWCOMER, 'FORBIDDEN'],
    [WANGLI.openid, 'FORBIDDEN'],
  ];
  for (const action of ['workbench', 'listTasks', 'listVerification']) {
    for (const [openid, code] of cases) {
      const data = action === 'listTasks' ? { bucket: 'today' } : {};
      const res = await clinic.cloud.call('staff', { action, data }, openid);
      expect(res.body).toMatchObject({ ok: false, code });
    }
  }
  expect((await staff('workbench', {}, MANAGER)).body.ok).toBe(true);
  expect((await staff('listTasks', { bucket: 'soon' })).body).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
});

test('the workbench offers the escalation ladder exactly to whom its guard admits', async () => {
  // A store manager and the general manager may; a consultant may not (and is refused by the guard).
  for (const [openid, may] of [
    [MANAGER, true],
    [GM, true],
    [STAFF, false],
  ] as const) {
    const bench = await staff('workbench', {}, openid);
    expect(bench.body).toMatchObject({ ok: true, data: { canReassign: may } });
    const ladder = await staff('escalations', {}, openid);
    expect(ladder.body.ok).toBe(may);
  }
});

test('joining: an admin’s one-time invite makes the redeemer’s WeChat account that staff record', async () => {
  // The demo clinic's general manager is its admin (staff.admin in the seed).
  const input = { name: '新同事', storeId: 'store-1', post: 'nurse', department: 'medical' };
  expect((await staff('createInvite', input, STAFF)).body).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect((await staff('createInvite', { ...input, storeId: 'store-2' }, MANAGER)).body).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  });
  const invite = await staff('createInvite', input, GM);
  expect(invite.body).toMatchObject({ ok: true, data: { code: expect.stringMatching(/^[2-9A-HJKMNP-Z]{8}$/) } });
  const code = invite.body.data.code as string;

  const joined = await staff('redeemInvite', { code: code.toLowerCase() }, 'o-new-colleague');
  expect(joined.body).toMatchObject({
    ok: true,
    data: { name: '新同事', post: 'nurse', postLabel: '护理师', storeName: expect.any(String) },
  });
  expect(clinic.cloud.db.find('staff', { openid: 'o-new-colleague' })).toEqual([
    expect.objectContaining({ storeId: 'store-1', post: 'nurse', active: true }),
  ]);
  expect((await staff('workbench', {}, 'o-new-colleague')).body.ok).toBe(true);
  // Once only: someone else gets the unknown-code answer; the redeemer is told they joined already.
  expect((await staff('redeemInvite', { code }, 'o-someone-else')).body).toMatchObject({
    ok: false,
    code: 'NOT_FOUND',
  });
  expect((await staff('redeemInvite', { code }, 'o-new-colleague')).body).toMatchObject({
    ok: false,
    code: 'CONFLICT',
  });

  const stale = (await staff('createInvite', { ...input, validDays: 1 }, GM)).body.data.code;
  clinic.cloud.clock.set(new Date('2027-03-05T01:00:00.000Z'));
  expect((await staff('redeemInvite', { code: stale }, 'o-late')).body).toEqual({
    ok: false,
    code: 'CONFLICT',
    message: '邀请码已过期，请向管理员重新索取',
  });
  expect((await staff('redeemInvite', { code: 'SHORT' }, 'o-late')).body).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT',
  });
});
