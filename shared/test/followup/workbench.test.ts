import {
  bucketRange,
  checkRedeem,
  generateInviteCode,
  nextTaskId,
  outcomeOfResult,
  overdueDays,
  type FollowUpTask,
  type StaffInvite,
} from '../../src';

const task: FollowUpTask = {
  id: 'f1_2',
  chainId: 'c1',
  storeId: 's1',
  customerId: 'p1',
  ownerStaffId: 'st1',
  kind: 'cadence',
  grade: 'F1',
  dueDate: '2027-03-08',
  status: 'open',
  createdAt: '2027-03-01T01:00:00.000Z',
};
const at = '2027-03-08T02:00:00.000Z';

describe('workbench tabs and results (§6)', () => {
  test('tabs: today, overdue (before today), tomorrow, upcoming (after tomorrow)', () => {
    expect(bucketRange('today', '2027-03-08')).toEqual({ from: '2027-03-08', to: '2027-03-08' });
    expect(bucketRange('overdue', '2027-03-08')).toEqual({ to: '2027-03-07' });
    expect(bucketRange('tomorrow', '2027-03-31')).toEqual({ from: '2027-04-01', to: '2027-04-01' });
    expect(bucketRange('upcoming', '2027-03-08')).toEqual({ from: '2027-03-10' });
    expect(overdueDays('2027-03-05', '2027-03-08')).toBe(3);
    expect(overdueDays('2027-03-08', '2027-03-08')).toBe(0);
    expect(overdueDays('2027-03-09', '2027-03-08')).toBe(0);
  });

  test('V1: the result closes the task and schedules the reminder for the same owner', () => {
    const out = outcomeOfResult(
      task,
      { kind: 'task', taskKind: 'visit_reminder', dueDate: '2027-03-14', why: '…' },
      { result: 'V1', note: '周六来' },
      at,
    );
    expect(out.closed).toEqual({ status: 'done', result: 'V1', note: '周六来', doneAt: at });
    expect(out.nextTask).toEqual({
      id: 'f1_2_r1',
      chainId: 'c1',
      storeId: 's1',
      customerId: 'p1',
      ownerStaffId: 'st1',
      kind: 'visit_reminder',
      grade: 'F1',
      dueDate: '2027-03-14',
      status: 'open',
      createdAt: at,
    });
    expect(out.verification).toBeUndefined();
    // An event invite keeps the event.
    const invite = outcomeOfResult(
      { ...task, grade: undefined },
      { kind: 'task', taskKind: 'event_invite', dueDate: '2027-03-20', eventId: 'e1', why: '…' },
      { result: 'V2' },
      at,
    );
    expect(invite.nextTask).toMatchObject({ eventId: 'e1', kind: 'event_invite' });
    expect(invite.nextTask && 'grade' in invite.nextTask).toBe(false);
  });

  test('V4 and N2: the record goes to the 四部回访组; V3 without an event waits', () => {
    const v4 = outcomeOfResult(
      task,
      {
        kind: 'verification_queue',
        department: 'cs4_followup',
        result: 'V4',
        leavesActivePool: true,
        reason: 'competitor',
        why: '…',
      },
      { result: 'V4', reason: 'competitor', note: 'x' },
      at,
    );
    expect(v4.closed).toMatchObject({ result: 'V4', reason: 'competitor' });
    expect(v4.verification).toEqual({
      id: 'qf1_2',
      chainId: 'c1',
      storeId: 's1',
      customerId: 'p1',
      result: 'V4',
      reason: 'competitor',
      note: 'x',
      department: 'cs4_followup',
      status: 'pending',
      createdAt: at,
    });
    const n2 = outcomeOfResult(
      task,
      { kind: 'verification_queue', department: 'cs4_followup', result: 'N2', leavesActivePool: false, why: '…' },
      { result: 'N2' },
      at,
    );
    expect(n2.verification).toMatchObject({ result: 'N2' });
    expect(n2.verification && 'reason' in n2.verification).toBe(false);
    expect(
      outcomeOfResult(task, { kind: 'await_event', productIds: [], why: '…' }, { result: 'V3', reason: 'price' }, at),
    ).toEqual({
      closed: { status: 'done', result: 'V3', reason: 'price', doneAt: at },
    });
  });

  test('next task ids stay short however long the chain of results', () => {
    expect(nextTaskId('f1_2')).toBe('f1_2_r1');
    expect(nextTaskId('f1_2_r1')).toBe('f1_2_r2');
    expect(nextTaskId('f1_2_r9')).toBe('f1_2_r10');
  });
});

describe('staff invites', () => {
  const invite: StaffInvite = {
    code: 'ABCDEFGH',
    chainId: 'c1',
    storeId: 's1',
    name: '新同事',
    post: 'nurse',
    department: 'medical',
    createdByStaffId: 'gm',
    createdAt: '2027-03-01T01:00:00.000Z',
    expiresAt: '2027-03-08T15:59:59.000Z',
    staffId: 'staff-abcdefgh',
  };
  const now = '2027-03-02T01:00:00.000Z';
  test('an invite works once, before it expires, for someone not yet staff', () => {
    expect(checkRedeem(invite, 'o1', now, false)).toEqual({ ok: true });
    expect(checkRedeem(null, 'o1', now, false)).toMatchObject({ ok: false, reason: 'unknown' });
    expect(checkRedeem({ ...invite, redeemedByOpenid: 'o2' }, 'o1', now, false)).toMatchObject({ reason: 'unknown' });
    expect(checkRedeem({ ...invite, redeemedByOpenid: 'o1' }, 'o1', now, false)).toMatchObject({ reason: 'used' });
    expect(checkRedeem(invite, 'o1', '2027-03-08T16:00:00.000Z', false)).toMatchObject({ reason: 'expired' });
    expect(checkRedeem(invite, 'o1', now, true)).toMatchObject({ reason: 'already_staff' });
  });
  test('codes: 8 characters of the unambiguous alphabet', () => {
    let i = 0;
    const code = generateInviteCode(() => i++ % 31);
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(code).toHaveLength(8);
  });
});
