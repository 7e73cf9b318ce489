import { markDuplicates, rowChecker, type ImportStaff, type RowCells, type RowCheck, type RowContext } from '../../src';

const STORES = [
  { id: 'store-1', name: '悦美医疗美容 · 一店', importable: true },
  { id: 'store-2', name: '悦美医疗美容 · 二店', importable: false },
];
const member = (over: Partial<ImportStaff> & { id: string; name: string }): ImportStaff => ({
  storeId: 'store-1',
  department: 'cs2',
  active: true,
  ...over,
});
const STAFF: ImportStaff[] = [
  member({ id: 'chen', name: '陈静', phone: '13700000001' }),
  member({ id: 'li-1', name: '李娜', phone: '13700000002' }),
  member({ id: 'li-2', name: '李娜', phone: '13700000003' }),
  member({ id: 'sun-old', name: '孙悦', active: false }),
  member({ id: 'zhu', name: '朱婷', storeId: 'store-2', department: 'cs3' }),
  member({ id: 'wu', name: '吴兰', storeId: 'store-2' }),
  member({ id: 'wu-old', name: '吴兰', active: false }),
];
const CONTEXT: RowContext = { today: '2027-03-01', stores: STORES, staff: STAFF, defaultStoreId: 'store-1' };
const check = (cells: RowCells, ctx: RowContext = CONTEXT) => rowChecker(ctx)(cells, 2);
const problemsOf = (result: RowCheck) => (result.ok ? [] : result.problems.map((p) => p.reason));
const messageOf = (result: RowCheck) => (result.ok ? '' : result.problems.map((p) => p.message).join('；'));

describe('import row checks', () => {
  test('a full row becomes what the import writes: canonical phone, star, date, store, owner and department, note', () => {
    expect(
      check({
        name: ' 王丽 ',
        phone: '+86 138-0013-8000',
        starLevel: '4星',
        lastTreatmentDate: '2026/11/05',
        ownerName: '陈静',
        store: '一店',
        note: '偏好周末',
      }),
    ).toEqual({
      ok: true,
      row: {
        row: 2,
        name: '王丽',
        phone: '13800138000',
        storeId: 'store-1',
        starLevel: 4,
        lastTreatmentDate: '2026-11-05',
        ownerStaffId: 'chen',
        ownerDepartment: 'cs2',
        note: '偏好周末',
      },
    });
  });

  test('only name and phone are required; an empty 门店 goes to the page’s store', () => {
    expect(check({ name: '王丽', phone: 13800138000 })).toEqual({
      ok: true,
      row: { row: 2, name: '王丽', phone: '13800138000', storeId: 'store-1' },
    });
  });

  test('every problem of a row is reported, in column order, with the phone kept when it was valid', () => {
    const result = check({
      name: '',
      phone: '13800138000',
      starLevel: 9,
      lastTreatmentDate: 'x',
      store: '火星店',
      note: '长'.repeat(201),
    });
    expect(result).toMatchObject({ ok: false, row: 2, phone: '13800138000' });
    expect(problemsOf(result)).toEqual(['bad_name', 'bad_star', 'bad_date', 'unknown_store', 'bad_note']);
    expect(messageOf(result)).toContain('备注不能超过 200 个字');
  });

  test('a row without its name and phone cells has both problems', () => {
    expect(problemsOf(check({}))).toEqual(['bad_name', 'bad_phone']);
  });

  test('§2: a bad phone says why, like every phone field of the product', () => {
    const result = check({ name: '王丽', phone: '010-12345678' });
    expect(result).toEqual({
      ok: false,
      row: 2,
      problems: [{ reason: 'bad_phone', message: '请填写手机号码，不支持座机号码' }],
    });
  });

  test('golden time: a treatment date after today or before 1990 is refused', () => {
    expect(messageOf(check({ name: '甲', phone: '13800138000', lastTreatmentDate: '2027-03-02' }))).toBe(
      '最近治疗日期 2027-03-02 晚于今天',
    );
    expect(check({ name: '甲', phone: '13800138000', lastTreatmentDate: '2027-03-01' }).ok).toBe(true);
    expect(messageOf(check({ name: '甲', phone: '13800138000', lastTreatmentDate: '1989-12-31' }))).toMatch(/过早/);
  });

  describe('store', () => {
    test('by id, by full name or by the end of one store’s name', () => {
      for (const store of ['store-1', '悦美医疗美容 · 一店', '悦美医疗美容·一店', '一店']) {
        expect(check({ name: '甲', phone: '13800138000', store })).toMatchObject({
          ok: true,
          row: { storeId: 'store-1' },
        });
      }
      // 「店」 ends both names: not one store.
      expect(problemsOf(check({ name: '甲', phone: '13800138000', store: '店' }))).toEqual(['unknown_store']);
    });

    test('§1 scope: a store the caller may not import into is refused, named or by default', () => {
      expect(messageOf(check({ name: '甲', phone: '13800138000', store: '二店' }))).toBe(
        '您无权导入到「悦美医疗美容 · 二店」',
      );
      const otherDefault = { ...CONTEXT, defaultStoreId: 'store-2' };
      expect(problemsOf(check({ name: '甲', phone: '13800138000' }, otherDefault))).toEqual(['store_out_of_scope']);
    });

    test('no 门店 and no store chosen on the page is a problem of the row', () => {
      const { defaultStoreId: _none, ...noDefault } = CONTEXT;
      expect(problemsOf(check({ name: '甲', phone: '13800138000' }, noDefault))).toEqual(['missing_store']);
      expect(
        problemsOf(check({ name: '甲', phone: '13800138000' }, { ...noDefault, defaultStoreId: 'store-9' })),
      ).toEqual(['missing_store']);
    });
  });

  describe('owner', () => {
    const row = (owner: RowCells) => check({ name: '甲', phone: '13800138000', ...owner });

    test('by 工号, else 员工手机号, else 归属员工; the first one given decides', () => {
      expect(row({ ownerId: 'chen' })).toMatchObject({ ok: true, row: { ownerStaffId: 'chen' } });
      expect(row({ ownerPhone: '137 0000 0002' })).toMatchObject({ ok: true, row: { ownerStaffId: 'li-1' } });
      expect(row({ ownerId: 'chen', ownerPhone: '13700000002', ownerName: '李娜' })).toMatchObject({
        ok: true,
        row: { ownerStaffId: 'chen' },
      });
      expect(row({ ownerPhone: '13700000003', ownerName: '陈静' })).toMatchObject({
        ok: true,
        row: { ownerStaffId: 'li-2' },
      });
    });

    test('an unknown 工号, phone or name is refused', () => {
      expect(messageOf(row({ ownerId: 'nobody' }))).toBe('找不到归属员工工号 nobody');
      expect(messageOf(row({ ownerPhone: '13700009999' }))).toBe('找不到归属员工手机号 13700009999');
      expect(messageOf(row({ ownerPhone: 'abc' }))).toBe('找不到归属员工手机号 abc');
      expect(messageOf(row({ ownerName: '查无此人' }))).toBe('找不到归属员工「查无此人」');
    });

    test('a name two colleagues of the store share needs the phone or 工号', () => {
      expect(problemsOf(row({ ownerName: '李娜' }))).toEqual(['ambiguous_owner']);
    });

    test('a name is looked for among the store’s active colleagues first', () => {
      // 吴兰 of store 1 has left; the active 吴兰 works at store 2.
      expect(messageOf(row({ ownerName: '吴兰' }))).toBe('归属员工「吴兰」已停用，请改为在职员工');
      expect(messageOf(row({ ownerName: '朱婷' }))).toBe('归属员工「朱婷」不在该行的门店');
      expect(problemsOf(row({ ownerName: '孙悦' }))).toEqual(['owner_inactive']);
      expect(problemsOf(row({ ownerId: 'sun-old' }))).toEqual(['owner_inactive']);
    });

    test('§1: an owner of another store is refused; with no store known, only the owner’s own problems count', () => {
      expect(problemsOf(row({ ownerId: 'zhu' }))).toEqual(['owner_not_in_store']);
      expect(problemsOf(row({ ownerId: 'zhu', store: '火星店' }))).toEqual(['unknown_store']);
      expect(problemsOf(row({ ownerId: 'nobody', store: '火星店' }))).toEqual(['unknown_store', 'unknown_owner']);
    });
  });
});

describe('duplicates in the file', () => {
  const checker = rowChecker(CONTEXT);
  test('the first row of a phone keeps it, later rows are duplicates naming it — also after a row with errors', () => {
    const checks = [
      checker({ name: '甲', phone: '13800138000', starLevel: 9 }, 2),
      checker({ name: '乙', phone: '+86 13800138000' }, 3),
      checker({ name: '丙', phone: '13800138001' }, 4),
      checker({ name: '', phone: '13800138001' }, 5),
      checker({ name: '丁', phone: 'bad' }, 6),
      checker({ name: '戊', phone: 'bad' }, 7),
    ];
    const marked = markDuplicates(checks);
    expect(marked.map(problemsOf)).toEqual([
      ['bad_star'],
      ['duplicate_in_file'],
      [],
      ['duplicate_in_file', 'bad_name'],
      ['bad_phone'],
      ['bad_phone'],
    ]);
    expect(messageOf(marked[1] as RowCheck)).toBe('与第 2 行的手机号重复，同一手机号只导入一次');
    expect(messageOf(marked[3] as RowCheck)).toMatch(/^与第 4 行的手机号重复/);
  });
});
