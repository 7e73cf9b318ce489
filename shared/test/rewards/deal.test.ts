import {
  DEFAULT_SETTINGS,
  creditFactsNeeded,
  dealIdFor,
  parseSettings,
  settleDeal,
  type DealFacts,
  type DealRecordRequest,
  type RewardLedgerEntry,
} from '../../src';

const AT = '2027-03-01T10:00:00.000Z';
const request = (over: Partial<DealRecordRequest> = {}): DealRecordRequest => ({
  requestId: 'req-0001',
  chainId: 'c1',
  storeId: 's1',
  customerId: 'new1',
  items: [{ productId: 'p1', amountFen: 300_000, paidFen: 300_000 }],
  useRewards: [],
  useKey: 'uabc',
  at: AT,
  staffId: 'staff-1',
  department: 'consulting',
  ...over,
});
const referral = { referrerCustomerId: 'old1', status: 'booked' as const, rewardCredited: false };
const facts = (over: Partial<DealFacts> = {}): DealFacts => ({
  customerKind: 'new',
  referral,
  previousDeals: [],
  ledger: [],
  ...over,
});
const settle = (req: Partial<DealRecordRequest> = {}, f: Partial<DealFacts> = {}, settings = DEFAULT_SETTINGS) =>
  settleDeal(request(req), facts(f), settings);
const ok = (r: ReturnType<typeof settleDeal>) => {
  if (!r.ok) throw new Error(r.message);
  return r;
};

const credit = (over: Partial<RewardLedgerEntry>): RewardLedgerEntry => ({
  id: 'd0:rebate:referee',
  chainId: 'c1',
  customerId: 'new1',
  type: 'credit',
  policyId: 'rebate',
  kind: 'rebate',
  unit: 'fen',
  amount: 10_000,
  role: 'referee',
  dealId: 'd0',
  refereeCustomerId: 'new1',
  referrerCustomerId: 'old1',
  at: '2027-01-01T10:00:00.000Z',
  expiresOn: '2028-01-01',
  ...over,
});

describe('deals (§8, §1, R9)', () => {
  test('one deal per item, ids <requestId>_<n>, with the staff member and the request', () => {
    const r = ok(
      settle({
        items: [
          { productId: 'p1', amountFen: 300_000, paidFen: 280_000 },
          { productId: 'p2', amountFen: 100_000, paidFen: 0 },
        ],
      }),
    );
    expect(r.deals).toEqual([
      {
        id: 'req-0001_1',
        chainId: 'c1',
        storeId: 's1',
        customerId: 'new1',
        productId: 'p1',
        at: AT,
        amountFen: 300_000,
        paidFen: 280_000,
        staffId: 'staff-1',
        department: 'consulting',
        requestId: 'req-0001',
      },
      expect.objectContaining({ id: 'req-0001_2', productId: 'p2', paidFen: 0 }),
    ]);
    expect(r.totals).toEqual({ amountFen: 400_000, paidFen: 280_000, deductedFen: 0, pointsUsed: 0 });
    expect(dealIdFor('k', 9)).toBe('k_10');
    const anonymous = ok(settle({ staffId: undefined, department: undefined }));
    expect(anonymous.deals[0]).not.toHaveProperty('staffId');
    expect(anonymous.deals[0]).not.toHaveProperty('department');
  });

  test('§8: the first paid checkout credits both sides 5% of its paid total, filed under its first paid item', () => {
    const r = ok(
      settle({
        items: [
          { productId: 'p1', amountFen: 100_000, paidFen: 0 },
          { productId: 'p2', amountFen: 200_000, paidFen: 200_000 },
          { productId: 'p3', amountFen: 100_000, paidFen: 100_000 },
        ],
      }),
    );
    expect(r.credits.map((e) => [e.id, e.customerId, e.amount, e.role])).toEqual([
      ['req-0001_2:rebate:referrer', 'old1', 15_000, 'referrer'],
      ['req-0001_2:rebate:referee', 'new1', 15_000, 'referee'],
    ]);
    expect(r.noRewardReason).toBeUndefined();
    expect(r.referralUpdate).toEqual({ status: 'dealt', rewardCredited: true });
  });

  test('§1: a new customer’s first paid deal makes them an existing customer; an unpaid one does not', () => {
    expect(ok(settle()).becomesExisting).toBe(true);
    expect(ok(settle({}, { customerKind: 'existing' })).becomesExisting).toBe(false);
    const unpaid = ok(settle({ items: [{ productId: 'p1', amountFen: 300_000, paidFen: 0 }] }));
    expect(unpaid.becomesExisting).toBe(false);
    expect(unpaid.credits).toEqual([]);
    expect(unpaid.noRewardReason).toBe('成交尚未付款，暂不发放奖励');
    expect(unpaid.referralUpdate).toBeUndefined();
  });

  test('§8: an unpaid deal before does not count; a paid one before means no reward now', () => {
    const afterUnpaid = ok(settle({}, { previousDeals: [{ id: 'd0', paidFen: 0, at: '2027-02-01T10:00:00Z' }] }));
    expect(afterUnpaid.credits).toHaveLength(2);
    const afterPaid = ok(settle({}, { previousDeals: [{ id: 'd0', paidFen: 1, at: '2027-02-01T10:00:00Z' }] }));
    expect(afterPaid.credits).toEqual([]);
    expect(afterPaid.noRewardReason).toBe('奖励仅在新客首次付款成交时发放');
    // The referee had paid before the relationship was recorded: it is dealt, without a reward.
    expect(afterPaid.referralUpdate).toEqual({ status: 'dealt', rewardCredited: false });
  });

  test('R9: the relationship decides — none, or a self-relationship, credits nothing', () => {
    expect(ok(settle({}, { referral: undefined })).noRewardReason).toBe('该顾客没有推荐人');
    const self = ok(settle({}, { referral: { ...referral, referrerCustomerId: 'new1' } }));
    expect(self.noRewardReason).toBe('该顾客没有推荐人');
    expect(ok(settle({}, { referral: undefined })).referralUpdate).toBeUndefined();
  });

  test('§8: a dealt or already credited relationship credits nothing and needs no more facts', () => {
    const dealt = { ...referral, status: 'dealt' as const };
    expect(creditFactsNeeded('new1', dealt, request().items)).toBe(false);
    expect(ok(settle({}, { referral: dealt })).noRewardReason).toBe('奖励仅在新客首次付款成交时发放');
    expect(ok(settle({}, { referral: dealt })).referralUpdate).toBeUndefined();
    const credited = { ...referral, rewardCredited: true };
    expect(ok(settle({}, { referral: credited })).noRewardReason).toBe('该成交的奖励已发放');
    expect(creditFactsNeeded('new1', referral, request().items)).toBe(true);
    expect(creditFactsNeeded('new1', undefined, request().items)).toBe(false);
    expect(creditFactsNeeded('new1', referral, [{ productId: 'p', amountFen: 1, paidFen: 0 }])).toBe(false);
  });

  test('§8: a credit in the ledger for this referee means no second one (already credited)', () => {
    const r = ok(settle({}, { ledger: [credit({})] }));
    expect(r.credits).toEqual([]);
    expect(r.noRewardReason).toBe('该成交的奖励已发放');
  });

  test('§8 caps: a capped policy is reduced or skipped, with the reason per side', () => {
    const settings = parseSettings({
      rewards: {
        policies: [
          { id: 'rebate', kind: 'rebate', rateBp: 500, capPerCustomer: 20_000 },
          { id: 'gift', kind: 'physical_gift', recipients: 'referrer', giftName: '口红', capPerCustomer: 1 },
        ],
      },
    });
    const referrerLedger = [
      credit({
        id: 'x:rebate:referrer',
        customerId: 'old1',
        role: 'referrer',
        refereeCustomerId: 'other',
        amount: 12_000,
      }),
      credit({
        id: 'x:gift:referrer',
        customerId: 'old1',
        role: 'referrer',
        refereeCustomerId: 'other',
        policyId: 'gift',
        kind: 'physical_gift',
        unit: 'item',
        amount: 1,
      }),
    ];
    const r = ok(settle({}, { ledger: referrerLedger }, settings));
    expect(r.credits.map((e) => [e.customerId, e.policyId, e.amount])).toEqual([
      ['old1', 'rebate', 8_000],
      ['new1', 'rebate', 15_000],
    ]);
    expect(r.skipped).toEqual([{ policyId: 'gift', role: 'referrer', reason: 'cap_reached' }]);
    expect(r.noRewardReason).toBeUndefined();

    const allCapped = parseSettings({
      rewards: {
        policies: [{ id: 'gift', kind: 'physical_gift', recipients: 'referrer', giftName: '口红', capPerCustomer: 1 }],
      },
    });
    const none = ok(settle({}, { ledger: referrerLedger }, allCapped));
    expect(none.credits).toEqual([]);
    expect(none.noRewardReason).toBe('已达该奖励的发放上限');
    expect(none.referralUpdate).toEqual({ status: 'dealt', rewardCredited: false });
    const noPolicies = ok(settle({}, {}, parseSettings({ rewards: { policies: [] } })));
    expect(noPolicies.noRewardReason).toBe('诊所当前没有推荐奖励');
  });

  test('§8 use: rewards are spent from what was usable before this deal, with deterministic short ids', () => {
    const ledger = [
      credit({ id: 'a:rebate:referee', amount: 6_000, expiresOn: '2027-06-01' }),
      credit({ id: 'b:rebate:referee', amount: 9_000, expiresOn: '2027-12-01' }),
      credit({ id: 'c:points:referee', policyId: 'points', kind: 'points', unit: 'points', amount: 500 }),
    ];
    const r = ok(
      settle(
        {
          useRewards: [
            { kind: 'rebate', amount: 10_000 },
            { kind: 'points', amount: 200 },
          ],
        },
        { customerKind: 'existing', referral: undefined, ledger },
      ),
    );
    expect(r.uses.map((u) => [u.id, u.type, u.amount, u.creditId])).toEqual([
      ['uabcr:a:rebate:referee', 'use', 6_000, 'a:rebate:referee'],
      ['uabcr:b:rebate:referee', 'use', 4_000, 'b:rebate:referee'],
      ['uabcp:c:points:referee', 'use', 200, 'c:points:referee'],
    ]);
    expect(r.totals).toMatchObject({ deductedFen: 10_000, pointsUsed: 200 });
  });

  test('§8 use: more than the balance is INSUFFICIENT_BALANCE with what is left; no more than the deal is worth', () => {
    const ledger = [credit({ amount: 6_000 })];
    expect(settle({ useRewards: [{ kind: 'rebate', amount: 6_001 }] }, { ledger })).toEqual({
      ok: false,
      code: 'INSUFFICIENT_BALANCE',
      message: '返利金可用余额不足（可用 ¥60.00）',
    });
    expect(settle({ useRewards: [{ kind: 'points', amount: 1 }] }, { ledger })).toEqual({
      ok: false,
      code: 'INSUFFICIENT_BALANCE',
      message: '积分可用余额不足（可用 0 积分）',
    });
    expect(
      settle(
        { items: [{ productId: 'p', amountFen: 5_000, paidFen: 0 }], useRewards: [{ kind: 'rebate', amount: 6_000 }] },
        { ledger },
      ),
    ).toEqual({ ok: false, code: 'INVALID_INPUT', message: '抵扣金额不能超过成交金额' });
    // An amount useReward refuses outright (not a positive integer) keeps its own message.
    expect(settle({ useRewards: [{ kind: 'rebate', amount: 0 }] }, { ledger })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
  });
});
