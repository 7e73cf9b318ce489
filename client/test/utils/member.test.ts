import { hasReferralCard, nextStepOf, roleEntriesOf, standingOf, NEXT_STEP } from '../../src/utils/member';
import { NEW_CUSTOMER, USER, VISITOR } from '../helpers';
import type { UserRecord } from '@clinic/shared';

const asRecord = (r: unknown) => r as UserRecord;

describe('standing: a person is a 新客 until their first paid deal, then a 老客', () => {
  it('reads the standing from the customer record user.login returned, never from the role', () => {
    expect(standingOf(asRecord(NEW_CUSTOMER))).toBe('new');
    expect(standingOf(asRecord(USER))).toBe('existing');
    // role `customer` alone (a first booking) is not 老客
    expect(standingOf(asRecord({ ...NEW_CUSTOMER, roles: ['customer'] }))).toBe('new');
    expect(standingOf(asRecord(VISITOR))).toBe('visitor');
  });

  it('only a 老客 has a referral card', () => {
    expect(hasReferralCard('existing')).toBe(true);
    expect(hasReferralCard('new')).toBe(false);
    expect(hasReferralCard('visitor')).toBe(false);
  });

  it('tells a 新客 when the card opens, and a 老客 what sharing brings', () => {
    expect(NEXT_STEP.new.text).toContain('首次消费后');
    expect(NEXT_STEP.existing.text).toContain('邀请好友');
  });
});

describe('what the home says', () => {
  it('a colleague who is not a customer is greeted as staff, a customer by standing', () => {
    expect(nextStepOf(asRecord({ ...VISITOR, roles: ['staff'] })).title).toBe('您好，欢迎回来');
    expect(nextStepOf(asRecord({ ...NEW_CUSTOMER, roles: ['customer', 'staff'] }))).toEqual(NEXT_STEP.new);
    expect(nextStepOf(asRecord(VISITOR))).toEqual(NEXT_STEP.visitor);
  });
});

describe('role entries', () => {
  it('a customer gets none', () => {
    expect(roleEntriesOf(['customer'])).toEqual([]);
    expect(roleEntriesOf([])).toEqual([]);
  });
  it('staff get the workbench; managers and admins also the dashboard and the customer import', () => {
    expect(roleEntriesOf(['staff']).map((e) => e.key)).toEqual(['workbench']);
    expect(roleEntriesOf(['staff', 'manager']).map((e) => e.key)).toEqual(['workbench', 'dashboard', 'import']);
    expect(roleEntriesOf(['staff', 'admin']).map((e) => e.key)).toEqual(['workbench', 'dashboard', 'import']);
    // 门店设置 only when login says the admin function admits the caller (a channel lead is a manager, not admitted).
    const admitted = roleEntriesOf(['staff', 'manager'], true);
    expect(admitted.map((e) => e.key)).toEqual(['workbench', 'dashboard', 'import', 'settings']);
    expect(admitted[3]!.url).toBe('/packages/admin/pages/settings/index');
  });
});
