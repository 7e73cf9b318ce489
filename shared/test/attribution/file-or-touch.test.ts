import {
  defaultOwner,
  fileOrTouch,
  filingSchema,
  referrerOwner,
  staffSchema,
  type FilingAttempt,
  type PersonOnRecord,
  type Staff,
} from '../../src';

const filing = filingSchema.parse({
  id: 'f-new',
  chainId: 'c1',
  storeId: 's1',
  customerId: 'c-new',
  phone: '13800138000',
  at: '2027-03-01T10:00:00+08:00',
  channel: 'referral',
  level: 1,
  source: 'card',
  referrerCustomerId: 'old2',
});
const attempt = (over: Partial<FilingAttempt> = {}): FilingAttempt => ({
  filing,
  claimant: 'self',
  actorId: 'u1',
  auditId: 'a1',
  via: '推荐码 ABCD2345',
  ...over,
});
const person = (over: Partial<PersonOnRecord> = {}): PersonOnRecord => ({
  customerId: 'c-filed',
  filingId: 'f-first',
  referrerCustomerId: null,
  kind: 'new',
  ...over,
});

describe('fileOrTouch (R1, R8, R9 over the person on record)', () => {
  test('R1: an unknown phone is filed for the first time, with its referrer', () => {
    expect(fileOrTouch(null, attempt())).toEqual({
      kind: 'first',
      filing: { ...filing, isTouch: false },
      rule: 'R1',
      referrerCustomerId: 'old2',
    });
    const { referrerCustomerId: _none, ...plain } = filing;
    expect(fileOrTouch(null, attempt({ filing: plain }))).toEqual({
      kind: 'first',
      filing: { ...plain, isTouch: false },
      rule: 'R1',
    });
  });

  test('R1: a filed person’s new attempt is a touch on their record and changes nothing', () => {
    const r = fileOrTouch(person({ referrerCustomerId: 'old2' }), attempt());
    expect(r).toEqual({
      kind: 'touch',
      filing: { ...filing, customerId: 'c-filed', isTouch: true },
      rule: 'R1',
      referrerCustomerId: 'old2',
    });
    const { referrerCustomerId: _none, ...plain } = filing;
    expect(fileOrTouch(person(), attempt({ filing: plain }))).toEqual({
      kind: 'touch',
      filing: { ...plain, customerId: 'c-filed', isTouch: true },
      rule: 'R1',
    });
  });

  test('R8: claiming another referrer for a filed person is refused and audited', () => {
    const r = fileOrTouch(person({ referrerCustomerId: 'old1' }), attempt());
    expect(r).toMatchObject({ kind: 'touch', rule: 'R8', referrerCustomerId: 'old1' });
    expect(r.kind === 'touch' && r.newReferrerCustomerId).toBeFalsy();
    expect(r.kind === 'touch' && r.audit).toEqual({
      id: 'a1',
      chainId: 'c1',
      at: filing.at,
      actorId: 'u1',
      action: 'filing.claim_referrer',
      targetId: 'f-first',
      storeId: filing.storeId,
      outcome: 'rejected',
      rule: 'R8',
      message:
        '已建档客户经推荐码 ABCD2345再次登记推荐人：不允许补单和改单，渠道与归属不变（原推荐人：old1），记为接触',
    });
    // A person known before this product (no filing of ours) is audited by customer id.
    const crm = fileOrTouch(person({ filingId: null }), attempt({ claimant: 'other' }));
    expect(crm.kind === 'touch' && crm.audit?.targetId).toBe('c-filed');
    expect(crm.kind === 'touch' && crm.audit?.message).toContain('原推荐人：无');
  });

  test('R9: a late claim gives a new customer without a referrer their relationship — from themselves or staff only', () => {
    for (const claimant of ['self', 'staff'] as const) {
      expect(fileOrTouch(person(), attempt({ claimant }))).toMatchObject({
        kind: 'touch',
        rule: 'R8',
        newReferrerCustomerId: 'old2',
        referrerCustomerId: 'old2',
      });
    }
    // Someone who merely typed the phone cannot make anyone this person's referrer.
    const stranger = fileOrTouch(person(), attempt({ claimant: 'other' }));
    expect(stranger).toMatchObject({ kind: 'touch', rule: 'R8' });
    expect(stranger.kind === 'touch' && stranger.newReferrerCustomerId).toBeUndefined();
    expect(stranger.kind === 'touch' && stranger.referrerCustomerId).toBeUndefined();
    // An old customer (already paying) gains no referral relationship.
    const paying = fileOrTouch(person({ kind: 'existing' }), attempt());
    expect(paying.kind === 'touch' && paying.newReferrerCustomerId).toBeUndefined();
  });
});

const staff = (over: Partial<Staff> & { id: string }): Staff =>
  staffSchema.parse({ chainId: 'c1', storeId: 's1', name: '员工', post: 'consultant', department: 'cs2', ...over });

describe('owner of a filing (§2, §4)', () => {
  test('§4: a level-1 老带新 filing is credited to the referrer’s owner', () => {
    expect(referrerOwner('referral', { ownerStaffId: 'st1', ownerDepartment: 'cs3' })).toEqual({
      staffId: 'st1',
      department: 'cs3',
    });
    expect(referrerOwner('referral', { ownerStaffId: 'st1' })).toEqual({ staffId: 'st1' });
    expect(referrerOwner('mini_program', { ownerStaffId: 'st1' })).toBeUndefined();
    expect(referrerOwner('referral', {})).toBeUndefined();
    expect(referrerOwner('referral', undefined)).toBeUndefined();
  });

  test('§2: other filings go to the store’s call centre (not a manager or the verification group), else the store manager', () => {
    const team = [
      staff({ id: 'z-manager', post: 'consultant', managerKind: 'store_manager' }),
      staff({ id: 'c-followup', post: 'call_centre', department: 'cs4_followup' }),
      staff({ id: 'b-lead', post: 'call_centre', managerKind: 'channel_lead' }),
      staff({ id: 'd-call', post: 'call_centre', department: 'cs3' }),
      staff({ id: 'a-call-gone', post: 'call_centre', active: false }),
      staff({ id: 'c-call', post: 'call_centre', department: 'cs2' }),
    ];
    expect(defaultOwner(team)).toEqual({ staffId: 'c-call', department: 'cs2' });
    expect(defaultOwner([...team].reverse())).toEqual({ staffId: 'c-call', department: 'cs2' });
    expect(defaultOwner(team.filter((s) => s.id !== 'c-call' && s.id !== 'd-call'))).toEqual({
      staffId: 'z-manager',
      department: 'cs2',
    });
    expect(defaultOwner([staff({ id: 'n1', post: 'nurse' })])).toBeUndefined();
  });
});
