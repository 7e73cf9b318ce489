import { IMPORT_COLUMN_KEYS, IMPORT_COLUMNS, mapHeaders, normalizeHeader, templateTable } from '../../src';

describe('import template columns (found by their Chinese header)', () => {
  test('the template lists every column once, with an example row the checks accept in shape', () => {
    const { headers, rows } = templateTable();
    expect(headers).toEqual([
      '姓名',
      '手机号',
      '星级',
      '最近治疗日期',
      '归属员工',
      '员工手机号',
      '工号',
      '门店',
      '备注',
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveLength(headers.length);
    expect(IMPORT_COLUMN_KEYS.filter((k) => IMPORT_COLUMNS[k].required)).toEqual(['name', 'phone']);
  });

  test('headers are compared without width, spaces, a required mark or a (必填) note', () => {
    expect(normalizeHeader(' 手机号 *')).toBe('手机号');
    expect(normalizeHeader('姓名(必填)')).toBe('姓名');
    expect(normalizeHeader('姓名（必填）')).toBe('姓名');
    expect(normalizeHeader('星级（选填）')).toBe('星级');
  });

  test('a CRM export’s own headers (aliases) map to the template columns; others are ignored', () => {
    const mapping = mapHeaders([
      '客户姓名',
      '会员卡号',
      '手机号码*',
      '客户星级',
      '最后治疗日期',
      '所属门店',
      '',
      '专属客服',
    ]);
    expect(mapping).toEqual({
      ok: true,
      columns: { name: 0, phone: 2, starLevel: 3, lastTreatmentDate: 4, store: 5, ownerName: 7 },
      ignored: ['会员卡号'],
    });
  });

  test('a column given twice counts once (the first)', () => {
    const mapping = mapHeaders(['姓名', '手机号', '手机', '姓名']);
    expect(mapping).toMatchObject({ ok: true, columns: { name: 0, phone: 1 } });
  });

  test('a file without a required column is refused, naming what is missing', () => {
    expect(mapHeaders(['姓名', '星级'])).toEqual({
      ok: false,
      missing: ['phone'],
      message: '文件缺少必填列：手机号（请使用导入模板的表头）',
    });
    expect(mapHeaders([])).toMatchObject({
      ok: false,
      missing: ['name', 'phone'],
      message: expect.stringContaining('姓名、手机号'),
    });
  });
});
