import { CONTRACTS, ERROR_CATALOGUE, dealsContract, parseActionInput } from '../../src';

const record = {
  customerId: 'cust-1',
  items: [{ productId: 'product-botulinum', amountFen: 298_000, paidFen: 298_000 }],
  idempotencyKey: 'k-2027-0001',
};
const parse = (data: unknown) => parseActionInput(dealsContract, 'record', data);

describe('deals contract', () => {
  test('deals.record accepts a checkout with optional reward uses; registered in CONTRACTS', () => {
    expect(CONTRACTS.deals).toBe(dealsContract);
    expect(parse(record)).toEqual({ ok: true, data: record });
    const uses = {
      ...record,
      useRewards: [
        { kind: 'rebate', amount: 100 },
        { kind: 'points', amount: 5 },
      ],
    };
    expect(parse(uses)).toEqual({ ok: true, data: uses });
    expect(ERROR_CATALOGUE.NOT_CHECKED_IN).toBe('顾客尚未到院签到，请先签到再录入成交');
  });

  test.each([
    [
      'negative fen',
      { ...record, items: [{ productId: 'p', amountFen: -1, paidFen: 0 }] },
      '金额不能为负（字段 items.0.amountFen）',
    ],
    [
      'fractional fen',
      { ...record, items: [{ productId: 'p', amountFen: 1.5, paidFen: 0 }] },
      '金额必须是整数（单位：分）（字段 items.0.amountFen）',
    ],
    [
      'paid above amount',
      { ...record, items: [{ productId: 'p', amountFen: 100, paidFen: 101 }] },
      '实付金额不能大于成交金额（字段 items.0.paidFen）',
    ],
    ['no item', { ...record, items: [] }, '请至少录入一个成交项目（字段 items）'],
    ['11 items', { ...record, items: Array(11).fill(record.items[0]) }, '一次最多录入 10 个成交项目（字段 items）'],
    [
      'a total beyond safe integers',
      { ...record, items: [0, 1].map(() => ({ productId: 'p', amountFen: Number.MAX_SAFE_INTEGER, paidFen: 0 })) },
      '成交金额合计过大（字段 items）',
    ],
    [
      'short key',
      { ...record, idempotencyKey: 'abc' },
      '录入编号应为 8–64 位字母、数字、_ 或 -（字段 idempotencyKey）',
    ],
    [
      'key with a dot',
      { ...record, idempotencyKey: 'abcdefgh.1' },
      '录入编号应为 8–64 位字母、数字、_ 或 -（字段 idempotencyKey）',
    ],
    [
      'long key',
      { ...record, idempotencyKey: 'k'.repeat(65) },
      '录入编号应为 8–64 位字母、数字、_ 或 -（字段 idempotencyKey）',
    ],
    ['missing key', { customerId: 'c', items: record.items }, '缺少录入编号（字段 idempotencyKey）'],
    [
      'a physical gift',
      { ...record, useRewards: [{ kind: 'physical_gift', amount: 1 }] },
      '可使用的奖励只有返利金、抵扣券和积分（字段 useRewards.0.kind）',
    ],
    [
      'zero use',
      { ...record, useRewards: [{ kind: 'rebate', amount: 0 }] },
      '使用数量必须是正整数（金额单位：分）（字段 useRewards.0.amount）',
    ],
    [
      'a kind twice',
      {
        ...record,
        useRewards: [
          { kind: 'rebate', amount: 1 },
          { kind: 'rebate', amount: 2 },
        ],
      },
      '每种奖励只能填写一次（字段 useRewards）',
    ],
  ])('deals.record refuses %s with a Chinese message naming the field', (_what, data, message) => {
    expect(parse(data)).toEqual({ ok: false, code: 'INVALID_INPUT', message });
  });

  test('deals.record refuses unknown keys, at the top and in an item', () => {
    expect(parse({ ...record, staffId: 'me' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(parse({ ...record, items: [{ ...record.items[0], discount: 1 }] })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/[\u4e00-\u9fa5].*（字段 items\.0）/),
    });
  });
});
