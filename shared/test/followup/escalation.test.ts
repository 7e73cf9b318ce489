import {
  DEFAULT_SETTINGS,
  checkReassign,
  escalatedDueOnOrBefore,
  escalationLevel,
  parseSettings,
  reassignDueOnOrBefore,
} from '../../src';

const S = DEFAULT_SETTINGS; // escalate after 2 days overdue, reassign after 5

describe('escalation ladder of overdue follow-ups', () => {
  test('on time, then in the store manager’s digest from N days overdue, then reassign from M days', () => {
    expect(escalationLevel('2027-03-10', '2027-03-10', S)).toBe('none');
    expect(escalationLevel('2027-03-10', '2027-03-11', S)).toBe('none');
    expect(escalationLevel('2027-03-10', '2027-03-12', S)).toBe('manager_digest');
    expect(escalationLevel('2027-03-10', '2027-03-14', S)).toBe('manager_digest');
    expect(escalationLevel('2027-03-10', '2027-03-15', S)).toBe('reassign');
    expect(escalationLevel('2027-03-20', '2027-03-15', S)).toBe('none');
    expect(escalatedDueOnOrBefore('2027-03-12', S)).toBe('2027-03-10');
    // The query bounds agree with the levels: due on the bound is the level, a day later is not.
    expect(reassignDueOnOrBefore('2027-03-15', S)).toBe('2027-03-10');
    expect(escalationLevel(reassignDueOnOrBefore('2027-03-15', S), '2027-03-15', S)).toBe('reassign');
    expect(escalationLevel('2027-03-11', '2027-03-15', S)).toBe('manager_digest');
  });

  test('the clinic sets N and M; M is never below N', () => {
    const strict = parseSettings({ followUp: { escalateAfterDays: 1, reassignAfterDays: 1 } });
    expect(escalationLevel('2027-03-10', '2027-03-11', strict)).toBe('reassign');
    expect(() => parseSettings({ followUp: { escalateAfterDays: 5, reassignAfterDays: 3 } })).toThrow(/提请改派/);
  });

  test('a manager reassigns an open task only to an active colleague of the task’s store', () => {
    const task = { status: 'open', storeId: 'st1', ownerStaffId: 's1' };
    expect(checkReassign(task, { id: 's2', storeId: 'st1', active: true })).toEqual({ ok: true });
    expect(checkReassign(null, { id: 's2', storeId: 'st1', active: true })).toMatchObject({ code: 'NOT_FOUND' });
    expect(checkReassign({ ...task, status: 'done' }, { id: 's2', storeId: 'st1', active: true })).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '该任务已完成，无需改派',
    });
    for (const to of [null, { id: 's2', storeId: 'st2', active: true }, { id: 's2', storeId: 'st1', active: false }]) {
      expect(checkReassign(task, to)).toEqual({
        ok: false,
        code: 'INVALID_INPUT',
        message: '只能改派给本门店的在职同事',
      });
    }
    expect(checkReassign(task, { id: 's1', storeId: 'st1', active: true })).toMatchObject({ code: 'INVALID_INPUT' });
  });
});
