import {
  ESCALATION_TEXT,
  LEVEL_TAGS,
  dueLabel,
  overdueLabel,
  ownerLine,
  reassignedText,
  withNewOwner,
} from '../../src/utils/escalations';
import { escalationItem, escalationPage } from '../staff-fixtures';

describe('escalation labels', () => {
  it('words the ladder’s two levels, 需改派 in the warning colour', () => {
    expect(LEVEL_TAGS.manager_digest).toEqual({ text: '督办', warn: false });
    expect(LEVEL_TAGS.reassign).toEqual({ text: '需改派', warn: true });
  });

  it('days overdue, and the due date as staff read it', () => {
    expect(overdueLabel(1)).toBe('逾期 1 天');
    expect(overdueLabel(12)).toBe('逾期 12 天');
    expect(overdueLabel(0)).toBe('今天到期');
    expect(dueLabel('2026-11-20')).toBe('应于 11月20日 周五 回访');
  });

  it('the owner, and the toast after a reassignment', () => {
    expect(ownerLine('陈静')).toBe('负责人：陈静');
    expect(ownerLine('  ')).toBe('负责人：未知');
    expect(reassignedText('杨柳')).toBe('已改派给 杨柳');
  });

  it('the empty state says the team is on time', () => {
    expect(ESCALATION_TEXT.empty).toBe('暂无逾期回访，团队跟进很及时');
  });
});

describe('withNewOwner', () => {
  it('gives only that task its new owner, keeping everything else and the order', () => {
    const { items } = escalationPage([escalationItem('t-1'), escalationItem('t-2', { level: 'reassign' })]);
    const next = withNewOwner(items, 't-2', { ownerStaffId: 'staff-onsite-1', ownerName: '杨柳' });
    expect(next.map((i) => i.id)).toEqual(['t-1', 't-2']);
    expect(next[0]).toBe(items[0]);
    expect(next[1]).toEqual({ ...items[1], ownerStaffId: 'staff-onsite-1', ownerName: '杨柳' });
    // The shown list is not changed in place.
    expect(items[1]?.ownerName).toBe('陈静');
    expect(withNewOwner(items, 'unknown', { ownerStaffId: 'x', ownerName: 'y' })).toEqual(items);
  });
});
