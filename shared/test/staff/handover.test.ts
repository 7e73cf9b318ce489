import { checkHandover, workOwner, type StaffFacts } from '../../src';

const staff = (id: string, over: Partial<StaffFacts> = {}): StaffFacts => ({
  id,
  chainId: 'c1',
  storeId: 'st1',
  active: true,
  ...over,
});
const manager = staff('m1', { managerKind: 'store_manager' });
const admin = staff('a1', { admin: true, storeId: 'hq' });

describe('staff deactivation hands work over (joining and leaving)', () => {
  test('a leaver’s work goes to an active colleague of the same store', () => {
    expect(checkHandover(manager, staff('s1'), staff('s2'))).toEqual({ ok: true, alreadyDeactivated: false });
    expect(checkHandover(manager, staff('s1'), staff('s2', { storeId: 'st2' }))).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
    expect(checkHandover(manager, staff('s1'), staff('s2', { active: false }))).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
    expect(checkHandover(manager, staff('s1'), staff('s2', { chainId: 'c2' }))).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
    expect(checkHandover(manager, staff('s1'), null)).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: '接手的同事须是同一门店的在职员工',
    });
    expect(checkHandover(manager, staff('s1'), staff('s1'))).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: '接手的同事不能是要停用的员工本人',
    });
  });

  test('another chain’s staff look missing; nobody deactivates themselves', () => {
    expect(checkHandover(manager, staff('s1', { chainId: 'c2' }), staff('s2'))).toEqual({
      ok: false,
      code: 'NOT_FOUND',
      message: '没有找到这位员工',
    });
    expect(checkHandover(manager, null, staff('s2'))).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(checkHandover(manager, manager, staff('s2'))).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: '不能停用自己的账号',
    });
  });

  test('only an admin deactivates a manager or an admin', () => {
    const otherManager = staff('m2', { managerKind: 'store_manager' });
    expect(checkHandover(manager, otherManager, staff('s2'))).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: '管理人员的账号只能由管理员停用',
    });
    expect(checkHandover(manager, staff('a2', { admin: true }), staff('s2'))).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(checkHandover(admin, otherManager, staff('s2'))).toEqual({ ok: true, alreadyDeactivated: false });
  });

  test('a repeat with the same successor finishes the move; another successor is refused', () => {
    const left = staff('s1', { active: false, handoverToStaffId: 's2' });
    expect(checkHandover(manager, left, staff('s2'))).toEqual({ ok: true, alreadyDeactivated: true });
    expect(checkHandover(manager, left, staff('s3'))).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '该员工已停用，工作已交给另一位同事',
    });
  });

  test('new work for a leaver goes to whoever took over', () => {
    expect(workOwner(staff('s1', { active: false, handoverToStaffId: 's2' }), 's1')).toBe('s2');
    expect(workOwner(staff('s1'), 's1')).toBe('s1');
    expect(workOwner(staff('s1', { active: false }), 's1')).toBe('s1');
    expect(workOwner(null, 's1')).toBe('s1');
  });
});
