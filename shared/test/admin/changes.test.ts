import { AUDIT_MESSAGE_MAX, changeSummary, changedPaths, valueAtPath } from '../../src';

describe('changes (the audit log’s before and after)', () => {
  test('changes: objects key by key, lists of plain values as one field, lists of records item by item', () => {
    expect(changedPaths({ a: 1, b: { c: 2, d: 3 } }, { a: 1, b: { c: 2, d: 4 }, e: 5 })).toEqual(['b.d', 'e']);
    expect(changedPaths({ days: [0, 7, 20] }, { days: [0, 7, 14] })).toEqual(['days']);
    expect(changedPaths({ days: [0, 7] }, { days: [0, 7] })).toEqual([]);
    const p = { id: 'a', rate: 5 };
    expect(
      changedPaths(
        { ps: [p] },
        {
          ps: [
            { ...p, rate: 8 },
            { id: 'b', rate: 1 },
          ],
        },
      ),
    ).toEqual(['ps.0.rate', 'ps.1']);
    expect(changedPaths({ ps: [p, p] }, { ps: [p] })).toEqual(['ps.1']);
    expect(changedPaths(null, { a: 1 })).toEqual(['']);
    expect(changedPaths({ a: null }, { a: null })).toEqual([]);
  });

  test('changes: the value at a path', () => {
    const v = { a: { b: [{ c: 1 }] } };
    expect(valueAtPath(v, 'a.b.0.c')).toBe(1);
    expect(valueAtPath(v, '')).toBe(v);
    expect(valueAtPath(v, 'a.x.y')).toBeUndefined();
    expect(valueAtPath(v, 'a.b.0.c.d')).toBeUndefined();
  });

  test('changes: the summary names each field once and fits the audit message', () => {
    const label = (p: string) => ({ a: '甲', b: '乙' })[p.split('.')[0]!];
    expect(changeSummary('修改回访节奏', ['a.1', 'a.2', 'b', 'zz'], label)).toBe('修改回访节奏：甲、乙、zz');
    expect(changeSummary('修改回访节奏', [], label)).toBe('修改回访节奏：无变化');
    const many = Array.from({ length: 80 }, (_, i) => `field${i}`);
    const line = changeSummary('修改', many, () => undefined);
    expect(line.length).toBeLessThanOrEqual(AUDIT_MESSAGE_MAX);
    expect(line).toMatch(/ 等 80 项$/);
    expect(changeSummary('修'.repeat(199), ['x'], () => undefined)).toHaveLength(AUDIT_MESSAGE_MAX);
  });
});
