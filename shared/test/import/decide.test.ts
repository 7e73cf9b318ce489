import {
  IMPORT_OUTCOMES,
  addCounts,
  countErrors,
  decideRow,
  emptyCounts,
  errorReasonLabel,
  importableStoreIds,
  importFolderOf,
  isAuditedSkip,
  needsAttention,
  outcomeOf,
  ownImportFileKind,
  ownerConflictAudit,
  reasonText,
  type CustomerOnRecord,
  type ImportRow,
} from '../../src';

const ROW: ImportRow = {
  row: 5,
  name: '王丽',
  phone: '13800138000',
  storeId: 'store-1',
  starLevel: 4,
  lastTreatmentDate: '2026-11-05',
};
const EXISTING: CustomerOnRecord = {
  customerId: 'cust-1',
  kind: 'existing',
  storeId: 'store-1',
  ownerStaffId: 'chen',
  starLevel: 3,
  lastTreatmentDate: '2026-06-01',
};

describe('import decisions for a phone on record (R1, R8)', () => {
  test('R1: nobody on record → a new 老客', () => {
    expect(decideRow(ROW, null, 'skip')).toEqual({ kind: 'create' });
    expect(decideRow(ROW, null, 'update')).toEqual({ kind: 'create' });
  });

  test('R1: a 新客 filed in this product keeps their filing: skipped whatever the policy', () => {
    const filed: CustomerOnRecord = { customerId: 'c-new', kind: 'new', storeId: 'store-1' };
    expect(decideRow(ROW, filed, 'update')).toEqual({ kind: 'skip', reason: 'filed_new', customerId: 'c-new' });
  });

  test('a customer of another store is not moved', () => {
    expect(decideRow(ROW, { ...EXISTING, storeId: 'store-2' }, 'update')).toEqual({
      kind: 'skip',
      reason: 'other_store',
      customerId: 'cust-1',
    });
  });

  test('R8: a row naming another owner — or an owner for an unowned 老客 — is skipped (audited)', () => {
    expect(decideRow({ ...ROW, ownerStaffId: 'li' }, EXISTING, 'update')).toMatchObject({ reason: 'owner_conflict' });
    const { ownerStaffId: _none, ...unowned } = EXISTING;
    expect(decideRow({ ...ROW, ownerStaffId: 'li' }, unowned, 'skip')).toMatchObject({ reason: 'owner_conflict' });
    expect(isAuditedSkip('owner_conflict')).toBe(true);
    expect(isAuditedSkip('existing')).toBe(false);
    // The same owner, or none in the row, is no attempt.
    expect(decideRow({ ...ROW, ownerStaffId: 'chen' }, EXISTING, 'skip')).toMatchObject({ reason: 'existing' });
  });

  test('policy skip: an existing 老客 is left as is', () => {
    expect(decideRow(ROW, EXISTING, 'skip')).toEqual({ kind: 'skip', reason: 'existing', customerId: 'cust-1' });
  });

  test('policy update: the CRM’s facts change — star level, note, and the treatment date only forward', () => {
    expect(decideRow({ ...ROW, note: '新' }, EXISTING, 'update')).toEqual({
      kind: 'update',
      customerId: 'cust-1',
      patch: { starLevel: 4, lastTreatmentDate: '2026-11-05', note: '新' },
    });
    const older = { ...ROW, starLevel: 3, lastTreatmentDate: '2026-01-01' };
    expect(decideRow(older, EXISTING, 'update')).toEqual({ kind: 'skip', reason: 'unchanged', customerId: 'cust-1' });
    const { lastTreatmentDate: _d, starLevel: _s, ...bare } = EXISTING;
    expect(decideRow(ROW, bare, 'update')).toMatchObject({ patch: { starLevel: 4, lastTreatmentDate: '2026-11-05' } });
    expect(
      decideRow(
        { ...ROW, note: '同' },
        { ...EXISTING, starLevel: 4, lastTreatmentDate: '2026-11-05', note: '同' },
        'update',
      ),
    ).toMatchObject({ kind: 'skip', reason: 'unchanged' });
    const { starLevel: _x, lastTreatmentDate: _y, ...nameOnly } = ROW;
    expect(decideRow(nameOnly, EXISTING, 'update')).toMatchObject({ reason: 'unchanged' });
  });

  test('R8: the audit entry of a refused owner change says who tried what', () => {
    const base = {
      id: 'a1',
      chainId: 'chain',
      at: '2027-03-01T01:00:00.000Z',
      actorId: 'mgr',
      customerId: 'cust-1',
      row: 7,
      ownerStaffId: 'li',
    };
    expect(ownerConflictAudit({ ...base, recordedOwnerStaffId: 'chen' })).toEqual({
      ...{ id: 'a1', chainId: 'chain', at: base.at, actorId: 'mgr' },
      action: 'import.reassign_owner',
      targetId: 'cust-1',
      outcome: 'rejected',
      rule: 'R8',
      message: '客户导入第 7 行将归属员工改为 li（系统记录：chen）：不允许补单和改单，未导入',
    });
    expect(ownerConflictAudit(base).message).toContain('系统记录：无');
  });
});

describe('import outcomes and counts', () => {
  test('every decision has its outcome; counts add up', () => {
    expect(outcomeOf({ kind: 'create' })).toBe('created');
    expect(outcomeOf({ kind: 'update', customerId: 'c', patch: {} })).toBe('updated');
    expect(outcomeOf({ kind: 'skip', reason: 'filed_new', customerId: 'c' })).toBe('filed_new');
    const counts = addCounts(emptyCounts(), { created: 2, error: 1 });
    expect(addCounts(counts, { created: 1 })).toMatchObject({ created: 3, error: 1, updated: 0 });
    expect(Object.keys(emptyCounts())).toEqual(Object.keys(IMPORT_OUTCOMES));
  });

  test('the rows a person must look at: errors and the skips that are not the policy’s own', () => {
    expect(
      ['filed_new', 'other_store', 'owner_conflict', 'existing', 'unchanged'].map((r) => needsAttention(r as never)),
    ).toEqual([true, true, true, false, false]);
  });

  test('errors are counted per problem, a row once per kind of problem', () => {
    const problems = (...reasons: string[]) => reasons.map((reason) => ({ reason, message: reason })) as never;
    expect(
      countErrors([
        { ok: false, row: 2, problems: problems('bad_star', 'bad_date', 'bad_date') },
        { ok: false, row: 3, problems: problems('bad_star') },
        { ok: true, row: ROW },
      ]),
    ).toEqual({ bad_star: 2, bad_date: 1 });
    expect(reasonText({ problems: [{ message: 'a' }, { message: 'b' }] })).toBe('a；b');
    expect(reasonText({ skip: 'existing' })).toMatch(/跳过/);
    expect(errorReasonLabel('bad_phone')).toBe('手机号有误');
  });
});

describe('import scope and files', () => {
  test('§1: a store manager imports into their store; the general manager and an admin into any of the chain', () => {
    const stores = ['store-1', 'store-2'];
    expect(importableStoreIds({ storeId: 'store-2', managerKind: 'store_manager' }, stores)).toEqual(['store-2']);
    expect(importableStoreIds({ storeId: 'store-1', managerKind: 'general_manager' }, stores)).toEqual(stores);
    expect(importableStoreIds({ storeId: 'store-1', admin: true }, stores)).toEqual(stores);
    expect(importableStoreIds({ storeId: 'store-1', managerKind: 'channel_lead' }, stores)).toEqual(['store-1']);
  });

  test('only a spreadsheet in the caller’s own folder is theirs to import', () => {
    expect(importFolderOf('o-1')).toBe('imports/o-1');
    const id = (path: string) => `cloud://env.bucket/${path}`;
    expect(ownImportFileKind(id('imports/o-1/1764-a.xlsx'), 'o-1')).toBe('xlsx');
    expect(ownImportFileKind(id('imports/o-1/1764-a.CSV'), 'o-1')).toBe('csv');
    for (const [fileId, openid] of [
      [id('imports/o-2/1764-a.xlsx'), 'o-1'],
      [id('imports/o-1/sub/a.xlsx'), 'o-1'],
      [id('imports/o-1/a..xlsx'), 'o-1'],
      [id('imports/o-1/a.pdf'), 'o-1'],
      [id('avatars/o-1/a.xlsx'), 'o-1'],
      ['imports/o-1/a.xlsx', 'o-1'],
      [id(`imports/o-1/${'a'.repeat(250)}.xlsx`), 'o-1'],
      [id('imports/o-1/a.xlsx'), ''],
    ] as const) {
      expect([fileId, ownImportFileKind(fileId, openid)]).toEqual([fileId, null]);
    }
  });
});
