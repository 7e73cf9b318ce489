import {
  AUDIT_KINDS,
  AUDIT_KIND_IDS,
  auditKindLabel,
  auditKindOf,
  dayRangeBounds,
  fileOrTouch,
  maskPhonesIn,
  maskPhonesInText,
  rejectReattribution,
  seesFullPhones,
  type Filing,
} from '../../src';

describe('audit log kinds', () => {
  test('audit kinds: each action written to the log has exactly one kind; older actions are 其他', () => {
    const actions = AUDIT_KIND_IDS.flatMap((k) => [...AUDIT_KINDS[k].actions]);
    expect(new Set(actions).size).toBe(actions.length);
    expect(auditKindOf('settings.update')).toBe('settings');
    expect(auditKindOf('task.reassign')).toBe('task_reassign');
    expect(auditKindOf('something.old')).toBe('other');
    expect(auditKindLabel('other')).toBe('其他');
    expect(auditKindLabel('refused_change')).toBe('拒绝改单（R8）');
  });

  test('R8: every refused change of a filing is listed as 拒绝改单', () => {
    const filing = { id: 'f1', chainId: 'c1', storeId: 's1', at: '2027-03-01T01:00:00.000Z' } as Filing;
    const ctx = { actorId: 'x', at: filing.at, auditId: 'a1' };
    for (const action of ['backfill', 'reassign_channel', 'reassign_owner'] as const) {
      expect(auditKindOf(rejectReattribution(filing, ctx, action).audit.action)).toBe('refused_change');
    }
    const claim = fileOrTouch(
      { customerId: 'c', filingId: 'f1', referrerCustomerId: 'r1', kind: 'new' },
      {
        filing: { ...filing, referrerCustomerId: 'r2' } as Filing,
        claimant: 'self',
        actorId: 'u',
        auditId: 'a2',
        via: '预约',
      },
    );
    expect(claim.kind === 'touch' && auditKindOf(claim.audit!.action)).toBe('refused_change');
  });
});

describe('what an audit reader sees', () => {
  test('audit phones: customers’ mobile numbers are masked below the chain, ids and amounts stay', () => {
    expect(seesFullPhones({ kind: 'chain', chainId: 'c' })).toBe(true);
    expect(seesFullPhones({ kind: 'store', chainId: 'c', storeId: 's' })).toBe(false);
    expect(seesFullPhones(null)).toBe(false);
    expect(maskPhonesInText('13800138000 与 13900139000；订单 213800138000，c13800138000')).toBe(
      '138****8000 与 139****9000；订单 213800138000，c138****8000',
    );
    expect(maskPhonesIn({ a: ['客户 13800138000'], b: 2, c: null, d: { e: '17000000001' } })).toEqual({
      a: ['客户 138****8000'],
      b: 2,
      c: null,
      d: { e: '170****0001' },
    });
  });

  test('audit dates: a range of Shanghai days is [midnight of the first, midnight after the last)', () => {
    expect(dayRangeBounds({ from: '2027-03-01', to: '2027-03-01' })).toEqual({
      from: '2027-02-28T16:00:00.000Z',
      to: '2027-03-01T16:00:00.000Z',
    });
    expect(dayRangeBounds({})).toEqual({});
    expect(dayRangeBounds({ to: '2027-12-31' })).toEqual({ to: '2027-12-31T16:00:00.000Z' });
  });
});
