import {
  AUDIT_EXPORT_HEADERS,
  auditCursorText,
  auditExportRows,
  auditKindLabel,
  mergeAuditPages,
  parseAuditCursor,
  ruleLabel,
  shanghaiMinute,
  sourcesFor,
  sourcesToRead,
  type AuditItem,
  type AuditMergeCursor,
  type AuditPosition,
  type AuditSource,
} from '../../src';

/** Sources as sorted arrays; a page reads `limit` rows after each source's position. */
type Data = Partial<Record<AuditSource, AuditPosition[]>>;
const desc = (rows: AuditPosition[]) =>
  [...rows].sort((a, b) => (a.at !== b.at ? (a.at < b.at ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
const afterPos = (r: AuditPosition, p: AuditPosition) => r.at < p.at || (r.at === p.at && r.id < p.id);

function page(data: Data, sources: AuditSource[], cursor: AuditMergeCursor | undefined, limit: number) {
  const pages = sourcesToRead(sources, cursor).map(({ source, after }) => ({
    source,
    asked: limit,
    rows: desc(data[source] ?? [])
      .filter((r) => !after || afterPos(r, after))
      .slice(0, limit),
  }));
  return mergeAuditPages(sources, cursor, pages, limit);
}

function readAll(data: Data, sources: AuditSource[], limit: number) {
  const seen: string[] = [];
  let cursor: AuditMergeCursor | undefined;
  let pages = 0;
  do {
    const res = page(data, sources, cursor, limit);
    seen.push(...res.rows.map((r) => `${r.source}:${r.id}`));
    // Every cursor survives its text form.
    cursor = res.next ? (parseAuditCursor(auditCursorText(res.next), sources) ?? undefined) : undefined;
    pages++;
  } while (cursor && pages < 100);
  return { seen, pages };
}

const T = (n: number) => `2027-02-10T0${n}:00:00.000Z`;

describe('audit merge: one newest-first list over the log, filings, deals and rewards', () => {
  test('ties at the same instant: every row exactly once across pages, by source then id desc', () => {
    const data: Data = {
      log: Array.from({ length: 7 }, (_, i) => ({ at: T(1), id: `l${i}` })),
      filing: Array.from({ length: 5 }, (_, i) => ({ at: T(1), id: `f${i}` })),
      deal: Array.from({ length: 6 }, (_, i) => ({ at: T(i % 2 ? 1 : 2), id: `d${i}` })),
      reward: [],
    };
    const { seen, pages } = readAll(data, ['log', 'filing', 'deal', 'reward'], 4);
    expect(seen).toHaveLength(18);
    expect(new Set(seen).size).toBe(18);
    expect(pages).toBe(5);
    // Newest first: the three deals at 02:00, then the 01:00 tie by source (log, filing, deal), ids desc.
    expect(seen.slice(0, 5)).toEqual(['deal:d4', 'deal:d2', 'deal:d0', 'log:l6', 'log:l5']);
    expect(seen.slice(10, 15)).toEqual(['filing:f4', 'filing:f3', 'filing:f2', 'filing:f1', 'filing:f0']);
  });

  test('a source running out is marked end and not read again; the others go on', () => {
    const data: Data = {
      log: [{ at: T(5), id: 'a' }],
      deal: Array.from({ length: 5 }, (_, i) => ({ at: T(4 - (i % 3)), id: `d${i}` })),
    };
    const first = page(data, ['log', 'deal'], undefined, 3);
    expect(first.rows.map((r) => r.id)).toEqual(['a', 'd3', 'd0']);
    expect(first.next).toEqual({ log: 'end', deal: { at: T(4), id: 'd0' } });
    expect(sourcesToRead(['log', 'deal'], first.next)).toEqual([{ source: 'deal', after: { at: T(4), id: 'd0' } }]);
    const second = page(data, ['log', 'deal'], first.next, 3);
    expect(second.rows.map((r) => r.id)).toEqual(['d4', 'd1', 'd2']);
    // The deals came back full: one more read answers that they ran out.
    expect(second.next).toEqual({ log: 'end', deal: { at: T(2), id: 'd2' } });
    const third = page(data, ['log', 'deal'], second.next, 3);
    expect(third).toEqual({ rows: [] });
  });

  test('a source read but not reached keeps its position (nothing of it is skipped)', () => {
    const data: Data = {
      log: Array.from({ length: 3 }, (_, i) => ({ at: T(8), id: `l${i}` })),
      reward: [{ at: T(1), id: 'r0' }],
    };
    const first = page(data, ['log', 'reward'], undefined, 3);
    expect(first.rows.map((r) => r.id)).toEqual(['l2', 'l1', 'l0']);
    expect(first.next).toEqual({ log: { at: T(8), id: 'l0' } });
    expect(page(data, ['log', 'reward'], first.next, 3)).toEqual({
      rows: [expect.objectContaining({ id: 'r0', source: 'reward' })],
    });
  });

  test('a filter that needs one source only reads that one; a colleague filter leaves out rewards', () => {
    expect(sourcesFor({ kind: 'deal' })).toEqual(['deal']);
    expect(sourcesFor({ kind: 'filing', actorId: 's1' })).toEqual(['filing']);
    expect(sourcesFor({ kind: 'settings' })).toEqual(['log']);
    expect(sourcesFor({ kind: 'refused_change' })).toEqual(['log']);
    expect(sourcesFor({})).toEqual(['log', 'filing', 'deal', 'reward']);
    expect(sourcesFor({ actorId: 's1' })).toEqual(['log', 'filing', 'deal']);
    const data: Data = { deal: [{ at: T(1), id: 'd1' }], log: [{ at: T(2), id: 'l1' }] };
    expect(readAll(data, sourcesFor({ kind: 'deal' }), 10).seen).toEqual(['deal:d1']);
  });

  test('a forged cursor is refused: not JSON, another shape, a bad time or id, a source the filter does not read', () => {
    const ok = auditCursorText({ log: { at: T(1), id: 'seed_001' }, reward: 'end' });
    expect(parseAuditCursor(ok, ['log', 'reward'])).toEqual({ log: { at: T(1), id: 'seed_001' }, reward: 'end' });
    expect(parseAuditCursor(auditCursorText({ reward: { at: T(1), id: 'd_1:p1:referrer' } }), ['reward'])).toEqual({
      reward: { at: T(1), id: 'd_1:p1:referrer' },
    });
    for (const forged of [
      'not json',
      '[]',
      '{}',
      '["2027-02-10T01:00:00.000Z","x"]',
      '{"l":1}',
      '{"l":["yesterday","x"]}',
      '{"l":["2027-02-10T01:00:00.000Z","x y"]}',
      '{"l":["2027-02-10T01:00:00.000Z",{"$gt":""}]}',
      '{"l":["2027-02-10T01:00:00.000Z","x","y"]}',
      '{"x":0}',
    ]) {
      expect(parseAuditCursor(forged, ['log', 'reward'])).toBeNull();
    }
    // A cursor of the unfiltered list used under 成交 only.
    expect(parseAuditCursor(ok, ['deal'])).toBeNull();
  });
});

describe('audit export rows', () => {
  const base: AuditItem = {
    id: 'deal_1',
    source: 'deal',
    at: '2027-02-10T01:30:00.000Z',
    kind: 'deal',
    kindLabel: '成交',
    action: 'deal.record',
    outcome: 'allowed',
    targetId: 'c1',
    message: '成交 热玛吉 ¥12,800.00',
    changes: [],
  };

  test('export rows: Chinese headers, Shanghai time, amounts in yuan, rule by name, changes as lines', () => {
    expect(AUDIT_EXPORT_HEADERS[0]).toBe('时间');
    const rows = auditExportRows([
      {
        ...base,
        actorName: '高峰',
        storeName: '一店',
        customerName: '王丽',
        customerPhone: '139****0001',
        amountText: '¥12,800.00',
      },
      {
        ...base,
        id: 'f1',
        source: 'filing',
        kind: 'filing',
        kindLabel: '建档',
        rule: 'R1',
        ruleLabel: ruleLabel('R1'),
        channelLabel: '老带新',
        message: '建档',
      },
      {
        ...base,
        id: 'd1:p:referrer',
        source: 'reward',
        kind: 'reward',
        kindLabel: '奖励',
        rewardTypeLabel: '发放',
        amountText: '50 积分',
      },
      {
        ...base,
        id: 's1',
        source: 'log',
        kind: 'settings',
        kindLabel: '设置变更',
        outcome: 'rejected',
        changes: [{ path: 'a', label: '目标', before: 1000, after: null }],
      },
    ]);
    expect(rows[0]).toEqual([
      '2027-02-10 09:30',
      '成交',
      '一店',
      '高峰',
      '王丽',
      '139****0001',
      '成交 热玛吉 ¥12,800.00',
      '',
      '',
      '¥12,800.00',
      '',
      '已生效',
      'deal_1',
    ]);
    expect(rows[0]).toHaveLength(AUDIT_EXPORT_HEADERS.length);
    expect(rows[1]).toEqual(expect.arrayContaining(['R1 首次建档优先', '老带新', '顾客自助', '全连锁']));
    expect(rows[2]?.slice(1, 4)).toEqual(['奖励·发放', '全连锁', '系统']);
    expect(rows[3]?.[10]).toBe('目标：1000 → 不限');
    expect(rows[3]?.[11]).toBe('已拒绝');
  });

  test('labels: kinds of records and rules by name; an unknown rule or time stays as it is', () => {
    expect(auditKindLabel('filing')).toBe('建档');
    expect(auditKindLabel('deal')).toBe('成交');
    expect(auditKindLabel('reward')).toBe('奖励');
    expect(ruleLabel('R2')).toBe('R2 提前建档天数');
    expect(ruleLabel('X9')).toBe('X9');
    expect(shanghaiMinute('2027-02-10T16:00:00.000Z')).toBe('2027-02-11 00:00');
    expect(shanghaiMinute('bad')).toBe('bad');
  });
});
