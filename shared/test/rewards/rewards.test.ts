import {
  availableBalance,
  baseAmount,
  commissionFen,
  creditReferralRewards,
  DEFAULT_SETTINGS,
  expireRewards,
  parseSettings,
  remainingByCredit,
  rewardPolicySchema,
  rewardUsage,
  useReward,
  type CreditInput,
  type RewardLedgerEntry,
} from '../../src';

const deal = { id: 'd1', chainId: 'c1', customerId: 'new1', paidFen: 1_000_000, at: '2025-03-10T10:00:00+08:00' };
const input = (over: Partial<CreditInput> = {}): CreditInput => ({
  deal,
  refereeDeals: [deal],
  referrerCustomerId: 'old1',
  ledger: [],
  ...over,
});
const credits = (r: ReturnType<typeof creditReferralRewards>) => (r.credited ? r.entries : []);
const policy = (p: Record<string, unknown>) => rewardPolicySchema.parse(p);

describe('rewards (§8)', () => {
  test('default: 5% rebate to both referrer and referee, at the first paid deal, expiring after 365 days', () => {
    const r = creditReferralRewards(input(), DEFAULT_SETTINGS);
    expect(r).toEqual({
      credited: true,
      skipped: [],
      entries: [
        {
          id: 'd1:rebate:referrer',
          chainId: 'c1',
          customerId: 'old1',
          type: 'credit',
          policyId: 'rebate',
          kind: 'rebate',
          unit: 'fen',
          amount: 50_000,
          role: 'referrer',
          dealId: 'd1',
          refereeCustomerId: 'new1',
          referrerCustomerId: 'old1',
          at: deal.at,
          expiresOn: '2026-03-10',
        },
        {
          id: 'd1:rebate:referee',
          chainId: 'c1',
          customerId: 'new1',
          type: 'credit',
          policyId: 'rebate',
          kind: 'rebate',
          unit: 'fen',
          amount: 50_000,
          role: 'referee',
          dealId: 'd1',
          refereeCustomerId: 'new1',
          referrerCustomerId: 'old1',
          at: deal.at,
          expiresOn: '2026-03-10',
        },
      ],
    });
  });

  test('rounding: shares are rounded down to the fen, in integers', () => {
    const s = parseSettings({
      rewards: { policies: [policy({ id: 'r', kind: 'rebate', rateBp: 833, recipients: 'referrer' })] },
    });
    // 12345 × 8.33% = 1028.3385 → 1028 fen.
    expect(
      credits(
        creditReferralRewards(
          input({ deal: { ...deal, paidFen: 12_345 }, refereeDeals: [{ ...deal, paidFen: 12_345 }] }),
          s,
        ),
      )[0]?.amount,
    ).toBe(1028);
  });

  test('no reward without a referrer, for oneself, for an unpaid deal, or for a later deal', () => {
    expect(creditReferralRewards(input({ referrerCustomerId: undefined }), DEFAULT_SETTINGS)).toMatchObject({
      credited: false,
      reason: 'no_referrer',
    });
    expect(creditReferralRewards(input({ referrerCustomerId: 'new1' }), DEFAULT_SETTINGS)).toMatchObject({
      credited: false,
      reason: 'no_referrer',
    });
    const unpaid = { ...deal, paidFen: 0 };
    expect(creditReferralRewards(input({ deal: unpaid, refereeDeals: [unpaid] }), DEFAULT_SETTINGS)).toMatchObject({
      credited: false,
      reason: 'unpaid',
      message: '成交尚未付款，暂不发放奖励',
    });
    const earlier = { id: 'd0', paidFen: 100, at: '2025-03-01T10:00:00+08:00' };
    expect(creditReferralRewards(input({ refereeDeals: [deal, earlier] }), DEFAULT_SETTINGS)).toMatchObject({
      credited: false,
      reason: 'not_first_paid_deal',
    });
    // An earlier unpaid deal (a deposit-free booking) does not count as the first paid one.
    expect(
      creditReferralRewards(input({ refereeDeals: [deal, { ...earlier, paidFen: 0 }] }), DEFAULT_SETTINGS).credited,
    ).toBe(true);
    // Same instant: ordered by id.
    expect(
      creditReferralRewards(input({ refereeDeals: [{ ...earlier, id: 'd0', at: deal.at }, deal] }), DEFAULT_SETTINGS),
    ).toMatchObject({ credited: false });
    expect(
      creditReferralRewards(input({ refereeDeals: [deal, { ...earlier, id: 'd2', at: deal.at }] }), DEFAULT_SETTINGS)
        .credited,
    ).toBe(true);
    // The deal being recorded may not be in the list yet.
    expect(creditReferralRewards(input({ refereeDeals: [] }), DEFAULT_SETTINGS).credited).toBe(true);
  });

  test('exactly once per deal: a retry finds the credits already in the ledger', () => {
    const first = credits(creditReferralRewards(input(), DEFAULT_SETTINGS));
    expect(creditReferralRewards(input({ ledger: first }), DEFAULT_SETTINGS)).toEqual({
      credited: false,
      reason: 'already_credited',
      message: '该成交的奖励已发放',
    });
    const other = first.map((e) => ({ ...e, refereeCustomerId: 'someoneElse' }));
    expect(creditReferralRewards(input({ ledger: other }), DEFAULT_SETTINGS).credited).toBe(true);
    const usesOnly = first.map((e) => ({ ...e, type: 'use' as const }));
    expect(creditReferralRewards(input({ ledger: usesOnly }), DEFAULT_SETTINGS).credited).toBe(true);
  });

  test('caps per customer and per period (Shanghai calendar month or year)', () => {
    const s = parseSettings({
      rewards: {
        policies: [
          policy({
            id: 'r',
            kind: 'rebate',
            rateBp: 1000,
            recipients: 'referrer',
            capPerCustomer: 150_000,
            capPerPeriod: 80_000,
          }),
        ],
      },
    });
    const prior: RewardLedgerEntry = {
      ...credits(creditReferralRewards(input(), DEFAULT_SETTINGS))[0]!,
      id: 'x',
      policyId: 'r',
      amount: 60_000,
      refereeCustomerId: 'other',
      at: '2025-03-01T00:30:00+08:00',
    };
    // 10% of 10,000 yuan = 100,000 fen; month cap leaves 20,000.
    expect(credits(creditReferralRewards(input({ ledger: [prior] }), s))[0]?.amount).toBe(20_000);
    // Prior credit in February (Shanghai) does not count against March.
    const feb = { ...prior, at: '2025-02-28T16:30:00Z' }; // 00:30 on March 1 in Shanghai → March
    expect(credits(creditReferralRewards(input({ ledger: [feb] }), s))[0]?.amount).toBe(20_000);
    const febReally = { ...prior, at: '2025-02-28T15:30:00Z' };
    expect(credits(creditReferralRewards(input({ ledger: [febReally] }), s))[0]?.amount).toBe(80_000);
    // Lifetime cap: 140,000 already → 10,000 left.
    const lifetime = { ...prior, amount: 140_000, at: '2024-01-01T10:00:00+08:00' };
    expect(credits(creditReferralRewards(input({ ledger: [lifetime] }), s))[0]?.amount).toBe(10_000);
    const full = { ...prior, amount: 150_000, at: '2024-01-01T10:00:00+08:00' };
    expect(creditReferralRewards(input({ ledger: [full] }), s)).toEqual({
      credited: true,
      entries: [],
      skipped: [{ policyId: 'r', role: 'referrer', reason: 'cap_reached' }],
    });
    // Other customers' and other policies' credits do not count.
    expect(
      credits(
        creditReferralRewards(
          input({
            ledger: [
              { ...full, customerId: 'old2' },
              { ...full, policyId: 'q' },
            ],
          }),
          s,
        ),
      )[0]?.amount,
    ).toBe(80_000);
    const yearly = parseSettings({
      rewards: {
        policies: [
          policy({
            id: 'r',
            kind: 'rebate',
            rateBp: 1000,
            recipients: 'referrer',
            capPerPeriod: 80_000,
            period: 'year',
          }),
        ],
      },
    });
    expect(
      credits(creditReferralRewards(input({ ledger: [{ ...prior, at: '2025-01-05T10:00:00+08:00' }] }), yearly))[0]
        ?.amount,
    ).toBe(20_000);
    expect(
      credits(creditReferralRewards(input({ ledger: [{ ...prior, at: '2024-12-05T10:00:00+08:00' }] }), yearly))[0]
        ?.amount,
    ).toBe(80_000);
  });

  test('voucher, physical gift, points; minimum deal; never-expiring credits', () => {
    const s = parseSettings({
      rewards: {
        policies: [
          policy({ id: 'v', kind: 'gift_voucher', rateBp: 1000, recipients: 'referee', expiryDays: null }),
          policy({
            id: 'g',
            kind: 'physical_gift',
            giftName: '加油卡',
            giftValueFen: 50_000,
            recipients: 'referrer',
            capPerCustomer: 1,
          }),
          policy({ id: 'p', kind: 'points', pointsPerYuan: 2, recipients: 'referrer' }),
          policy({ id: 'm', kind: 'rebate', rateBp: 500, minDealFen: 2_000_000 }),
        ],
      },
    });
    const r = creditReferralRewards(input({ deal: { ...deal, paidFen: 1_000_099 }, refereeDeals: [] }), s);
    expect(r.credited && r.entries.map((e) => [e.id, e.unit, e.amount, e.expiresOn, e.giftName, e.valueFen])).toEqual([
      ['d1:v:referee', 'fen', 100_009, undefined, undefined, undefined],
      ['d1:g:referrer', 'item', 1, '2026-03-10', '加油卡', 50_000],
      ['d1:p:referrer', 'points', 20_000, '2026-03-10', undefined, undefined],
    ]);
    expect(r.credited && r.skipped).toEqual([
      { policyId: 'm', role: 'referrer', reason: 'below_minimum' },
      { policyId: 'm', role: 'referee', reason: 'below_minimum' },
    ]);
    // A tiny deal earns 0 fen: skipped as zero, not as capped.
    const tiny = { ...deal, paidFen: 1 };
    expect(creditReferralRewards(input({ deal: tiny, refereeDeals: [tiny] }), DEFAULT_SETTINGS)).toMatchObject({
      credited: true,
      entries: [],
      skipped: [{ reason: 'zero' }, { reason: 'zero' }],
    });
    expect(baseAmount(policy({ id: 'p', kind: 'points', pointsPerYuan: 3 }), 199)).toBe(3);
  });

  test('policy validation: rates, points and gift names are required for their kinds', () => {
    expect(rewardPolicySchema.safeParse({ id: 'r', kind: 'rebate' }).error?.issues[0]?.message).toBe(
      '返利金或抵扣券必须设置比例',
    );
    expect(rewardPolicySchema.safeParse({ id: 'r', kind: 'gift_voucher' }).success).toBe(false);
    expect(rewardPolicySchema.safeParse({ id: 'p', kind: 'points' }).error?.issues[0]?.message).toBe(
      '积分奖励必须设置每元积分',
    );
    expect(rewardPolicySchema.safeParse({ id: 'g', kind: 'physical_gift' }).error?.issues[0]?.message).toBe(
      '实物礼品必须填写礼品名称',
    );
    expect(rewardPolicySchema.safeParse({ id: 'r', kind: 'rebate', rateBp: 10_001 }).error?.issues[0]?.message).toBe(
      '返利比例不能超过 100%',
    );
    expect(rewardPolicySchema.safeParse({ id: 'r', kind: 'rebate', rateBp: 5.5 }).error?.issues[0]?.message).toContain(
      '整数',
    );
    expect(rewardPolicySchema.safeParse({ id: 'r', kind: 'rebate', rateBp: -1 }).error?.issues[0]?.message).toBe(
      '返利比例不能为负',
    );
    expect(rewardPolicySchema.safeParse({ id: 'r', kind: 'rebate', rateBp: 'x' }).error?.issues[0]?.message).toBe(
      '返利比例必须是数字',
    );
  });

  test('use, expiry and usage rate', () => {
    const base = credits(creditReferralRewards(input(), DEFAULT_SETTINGS));
    const s2 = credits(
      creditReferralRewards(
        input({ deal: { ...deal, id: 'd9', customerId: 'new2', at: '2025-01-05T10:00:00+08:00' }, refereeDeals: [] }),
        DEFAULT_SETTINGS,
      ),
    );
    const ledger = [...base, ...s2];
    const now = '2025-06-01T10:00:00+08:00';
    expect(availableBalance(ledger, 'old1', 'rebate', now)).toBe(100_000);
    expect(availableBalance(ledger, 'old1', 'points', now)).toBe(0);
    // Spends the credit that expires first (January's) before March's.
    const use = useReward(ledger, { customerId: 'old1', kind: 'rebate', amount: 70_000, useId: 'u1', at: now });
    expect(use.ok && use.entries.map((e) => [e.id, e.creditId, e.amount, e.type, e.expiresOn])).toEqual([
      ['u1:d9:rebate:referrer', 'd9:rebate:referrer', 50_000, 'use', undefined],
      ['u1:d1:rebate:referrer', 'd1:rebate:referrer', 20_000, 'use', undefined],
    ]);
    const after = [...ledger, ...(use.ok ? use.entries : [])];
    expect(availableBalance(after, 'old1', 'rebate', now)).toBe(30_000);
    expect(useReward(after, { customerId: 'old1', kind: 'rebate', amount: 30_001, useId: 'u2', at: now })).toEqual({
      ok: false,
      code: 'INSUFFICIENT_BALANCE',
      message: '可用余额不足（可用 30000）',
    });
    expect(useReward(after, { customerId: 'old1', kind: 'rebate', amount: 1, useId: 'u1', at: now })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: '该笔使用已记录',
    });
    expect(useReward(after, { customerId: 'old1', kind: 'rebate', amount: 0, useId: 'u3', at: now })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
    expect(useReward(after, { customerId: 'old1', kind: 'rebate', amount: 1.5, useId: 'u3', at: now })).toMatchObject({
      ok: false,
    });
    // After expiry (usable while today < expiresOn), nothing can be used and the rest expires once.
    const later = '2026-03-10T00:00:00+08:00';
    expect(availableBalance(after, 'old1', 'rebate', '2026-03-09T23:59:00+08:00')).toBe(30_000);
    expect(availableBalance(after, 'old1', 'rebate', later)).toBe(0);
    expect(useReward(after, { customerId: 'old1', kind: 'rebate', amount: 1, useId: 'u4', at: later })).toMatchObject({
      ok: false,
      code: 'INSUFFICIENT_BALANCE',
    });
    const expired = expireRewards(after, later);
    expect(expired.map((e) => [e.id, e.amount, e.customerId])).toEqual([
      ['d1:rebate:referrer:expire', 30_000, 'old1'],
      ['d1:rebate:referee:expire', 50_000, 'new1'],
      ['d9:rebate:referee:expire', 50_000, 'new2'],
    ]);
    const final = [...after, ...expired];
    expect(expireRewards(final, later)).toEqual([]);
    expect(remainingByCredit(final).get('d1:rebate:referrer')).toBe(0);
    expect(rewardUsage(final).fen).toEqual({
      credited: 200_000,
      used: 70_000,
      expired: 130_000,
      outstanding: 0,
      usageRateBp: 3500,
    });
    expect(rewardUsage([]).points).toEqual({ credited: 0, used: 0, expired: 0, outstanding: 0, usageRateBp: 0 });
    // Never-expiring credits stay usable and sort after dated ones.
    const forever = { ...base[0]!, id: 'f', expiresOn: undefined } as RewardLedgerEntry;
    expect(availableBalance([forever], 'old1', 'rebate', '2099-01-01T00:00:00+08:00')).toBe(50_000);
    const u = useReward([forever, base[0]!], {
      customerId: 'old1',
      kind: 'rebate',
      amount: 60_000,
      useId: 'u5',
      at: now,
    });
    expect(u.ok && u.entries.map((e) => e.creditId)).toEqual(['d1:rebate:referrer', 'f']);
    // Same expiry: the older credit first; spending stops once the amount is covered.
    const older = { ...base[0]!, id: 'old', at: '2025-01-01T10:00:00+08:00' };
    const newer = { ...base[0]!, id: 'new', at: '2025-02-01T10:00:00+08:00' };
    const partial = useReward([newer, older], { customerId: 'old1', kind: 'rebate', amount: 10, useId: 'u6', at: now });
    expect(partial.ok && partial.entries.map((e) => [e.creditId, e.amount])).toEqual([['old', 10]]);
    const partial2 = useReward([older, newer], {
      customerId: 'old1',
      kind: 'rebate',
      amount: 10,
      useId: 'u6',
      at: now,
    });
    expect(partial2.ok && partial2.entries.map((e) => [e.creditId, e.amount])).toEqual([['old', 10]]);
    // A use pointing at an unknown credit is ignored by balances.
    expect(remainingByCredit([{ ...base[0]!, type: 'use', id: 'z', creditId: 'nope' }]).size).toBe(0);
  });

  test('commission: per channel rate, else the default', () => {
    const s = parseSettings({ commissionBpByChannel: { referral: 800 }, defaultCommissionBp: 500 });
    expect(commissionFen(1_000_000, 'referral', s)).toBe(80_000);
    expect(commissionFen(1_000_000, 'search', s)).toBe(50_000);
  });
});
