import { KPI_METRICS, staffContract } from '@clinic/shared';
import {
  EMPTY_INVITE_FORM,
  EMPTY_TARGETS,
  TEAM_MESSAGES,
  colleagueLine,
  deactivateModal,
  deactivatedText,
  inviteClipboardText,
  joinPath,
  successorOptions,
  targetMonths,
  toCreateInviteInput,
  toSetTargetsInput,
  validateInviteForm,
  validateTargets,
} from '../../src/utils/team';
import { COLLEAGUES } from '../staff-fixtures';

describe('invite form', () => {
  it('names what is missing', () => {
    expect(validateInviteForm({ ...EMPTY_INVITE_FORM, validDays: '0' })).toEqual({
      name: '请填写姓名',
      post: TEAM_MESSAGES.post,
      department: TEAM_MESSAGES.department,
      validDays: TEAM_MESSAGES.validDays,
    });
    expect(
      validateInviteForm({ ...EMPTY_INVITE_FORM, name: '周新', post: 'nurse', department: 'medical', validDays: '31' }),
    ).toEqual({ validDays: TEAM_MESSAGES.validDays });
  });

  it('builds the createInvite input for the caller’s store (managerKind only when chosen)', () => {
    const values = { ...EMPTY_INVITE_FORM, name: ' 周新 ', post: 'nurse', department: 'medical' } as const;
    const input = toCreateInviteInput(values, 'store-1');
    expect(input).toEqual({ name: '周新', storeId: 'store-1', post: 'nurse', department: 'medical', validDays: 7 });
    expect(staffContract.createInvite.input.safeParse(input).success).toBe(true);
    expect(toCreateInviteInput({ ...values, managerKind: 'store_manager', validDays: '3' }, 'store-1')).toMatchObject({
      managerKind: 'store_manager',
      validDays: 3,
    });
    expect(toCreateInviteInput({ ...values, post: '' }, 'store-1')).toBeNull();
  });

  it('the join link and what is copied', () => {
    expect(joinPath('ABCD2345')).toBe('/packages/staff/pages/join/index?code=ABCD2345');
    const text = inviteClipboardText({ code: 'ABCD2345', expiresAt: '2026-11-30T15:59:59.000Z' }, '周新');
    expect(text).toContain('/packages/staff/pages/join/index?code=ABCD2345');
    expect(text).toContain('ABCD2345');
    expect(text).toContain('2026-11-30 23:59');
  });
});

describe('targets', () => {
  it('asks for at least one target; counts are whole numbers; 成交额 is yuan → fen', () => {
    expect(validateTargets(EMPTY_TARGETS)).toEqual({ form: TEAM_MESSAGES.targetsEmpty });
    expect(validateTargets({ ...EMPTY_TARGETS, deals: '2.5', dealAmountFen: '1.005' })).toEqual({
      deals: TEAM_MESSAGES.targetFormat,
      dealAmountFen: '金额最多保留两位小数（精确到分）',
    });
    const input = toSetTargetsInput('staff-1', '2026-11', {
      ...EMPTY_TARGETS,
      deals: '3',
      referralFilings: '0',
      dealAmountFen: '50000.5',
    });
    expect(input).toEqual({
      staffId: 'staff-1',
      month: '2026-11',
      targets: { deals: 3, referralFilings: 0, dealAmountFen: 5000050 },
    });
    expect(staffContract.setTargets.input.safeParse(input).success).toBe(true);
    expect(toSetTargetsInput('staff-1', '2026-11', EMPTY_TARGETS)).toBeNull();
    expect(Object.keys(EMPTY_TARGETS)).toEqual([...KPI_METRICS]);
  });

  it('can be set for this month and the next two', () => {
    expect(targetMonths('2026-11')).toEqual(['2026-11', '2026-12', '2027-01']);
  });
});

describe('leaving', () => {
  it('the successor is any other colleague of the list', () => {
    expect(successorOptions(COLLEAGUES.items, 'staff-nurse-1').map((c) => c.staffId)).toEqual([
      'staff-consultant-1',
      'staff-manager',
      'staff-onsite-1',
    ]);
  });

  it('the confirmation says what moves and what stays; the answer the moved counts', () => {
    const modal = deactivateModal({ name: '林晓' }, { name: '杨柳' });
    expect(modal.title).toBe('停用 林晓？');
    expect(modal.content).toContain('未完成的回访任务和名下老客将交给 杨柳');
    expect(modal.content).toContain('业绩保持不变');
    expect(deactivatedText({ handoverToName: '杨柳', movedTasks: 3, movedCustomers: 12 })).toBe(
      '已停用。回访任务 3 条、老客 12 位已交给 杨柳',
    );
    expect(colleagueLine(COLLEAGUES.items[1]!)).toBe('咨询师 · 咨询部 · 管理岗');
  });
});
