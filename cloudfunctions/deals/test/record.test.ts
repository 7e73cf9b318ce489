import { addDays, localDate } from '@clinic/shared';
import {
  CLINIC_NOW,
  LIUFANG,
  MANAGER,
  STAFF,
  WANGLI,
  ZHANGMIN,
  startClinic,
  type Clinic,
} from '../../test/support/clinic';
import { botulinum, checkedIn, dealCounts, newKey, referredNewcomer, setRewardPolicies } from './deal-support';

jest.setTimeout(180_000);

/** The demo clinic's reward settings: 5% rebate to both sides, a lipstick once per referrer. */
const REBATE = 14_900; // 5% of ¥2,980
const EXPIRES = addDays(localDate(CLINIC_NOW), 365);
const STORE_2_STAFF = 'demo-staff-doctor-assistant-1';

let clinic: Clinic;
let codeA: string; // 王丽's card
let refereeA: string;
const REFEREE_A = 'o-deal-referee-a';

beforeAll(async () => {
  clinic = await startClinic();
  codeA = (await clinic.call('referral', 'getMyCard', {}, WANGLI.openid)).body.data.code;
  refereeA = await referredNewcomer(clinic, codeA, '13900003001', REFEREE_A);
  await checkedIn(clinic, refereeA);
});
afterAll(async () => {
  await clinic.cloud.stop();
});

const record = (data: Record<string, unknown>, openid = STAFF) => clinic.call('deals', 'record', data, openid);
const ledgerOf = (customerId: string) => clinic.cloud.db.find('rewardLedger', { customerId }) as any[];
const customer = (id: string) => clinic.cloud.db.find('customers', { _id: id })[0] as any;
const referralOf = (id: string) => clinic.cloud.db.find('referrals', { _id: id })[0] as any;
const refused = (code: string, message: string | RegExp = /[\u4e00-\u9fa5]/) => ({
  ok: false,
  code,
  message: typeof message === 'string' ? message : expect.stringMatching(message),
});

let firstKey: string;
let firstAnswer: unknown;

describe('deals.record: the first paid deal (§8, R9, §1)', () => {
  test('credits the referrer and the referee once, 5% each plus the referrer’s lipstick, and makes the referee a 老客', async () => {
    expect(customer(refereeA).kind).toBe('new');
    firstKey = newKey();
    const res = await record({ customerId: refereeA, items: [botulinum()], idempotencyKey: firstKey });
    expect(res.body).toEqual({
      ok: true,
      data: {
        requestId: firstKey,
        dealIds: [`${firstKey}_1`],
        customerMaskedName: '林**',
        totals: { amountFen: 298_000, paidFen: 298_000, deductedFen: 0, pointsUsed: 0 },
        credited: [
          { role: 'referrer', maskedName: '王*', kind: 'rebate', amount: REBATE, unit: 'fen', expiresOn: EXPIRES },
          { role: 'referee', maskedName: '林**', kind: 'rebate', amount: REBATE, unit: 'fen', expiresOn: EXPIRES },
          {
            role: 'referrer',
            maskedName: '王*',
            kind: 'physical_gift',
            amount: 1,
            unit: 'item',
            expiresOn: EXPIRES,
            giftName: '口红',
          },
        ],
        skipped: [],
        used: [],
        becameExisting: true,
      },
    });
    firstAnswer = res.body;

    expect(clinic.cloud.db.find('deals', { customerId: refereeA })).toEqual([
      {
        _id: `${firstKey}_1`,
        id: `${firstKey}_1`,
        chainId: 'chain-yuemei',
        storeId: 'store-1',
        customerId: refereeA,
        productId: 'product-botulinum',
        at: expect.stringMatching(/^2027-03-01T01:/),
        amountFen: 298_000,
        paidFen: 298_000,
        staffId: 'staff-s1-consultant-1',
        department: 'cs2',
        requestId: firstKey,
      },
    ]);
    expect(ledgerOf(refereeA).map((e) => [e._id, e.type, e.amount])).toEqual([
      [`${firstKey}_1:rebate:referee`, 'credit', REBATE],
    ]);
    expect(ledgerOf(WANGLI.id).map((e) => [e._id, e.kind, e.amount, e.refereeCustomerId])).toEqual([
      [`${firstKey}_1:rebate:referrer`, 'rebate', REBATE, refereeA],
      [`${firstKey}_1:lipstick:referrer`, 'physical_gift', 1, refereeA],
    ]);
    expect(customer(refereeA)).toMatchObject({ kind: 'existing', accountVersion: 1 });
    expect(customer(WANGLI.id)).toMatchObject({ kind: 'existing', accountVersion: 1 });
    expect(referralOf(refereeA)).toMatchObject({
      status: 'dealt',
      rewardCredited: true,
      referrerCustomerId: WANGLI.id,
    });
  });

  test('the referrer sees the referral dealt with its reward, and both sides see their balance', async () => {
    const referrals = await clinic.call('referral', 'listMyReferrals', {}, WANGLI.openid);
    expect(referrals.body.data.items).toEqual([
      expect.objectContaining({ maskedName: '林**', status: 'dealt', rewardCredited: true }),
    ]);
    const mine = await clinic.call('referral', 'listMyRewards', {}, WANGLI.openid);
    expect(mine.body.data).toMatchObject({ balanceFen: REBATE, points: 0, pendingReferrals: 0 });
    expect(mine.body.data.items.map((i: any) => [i.type, i.kind, i.amount])).toEqual(
      expect.arrayContaining([
        ['credit', 'rebate', REBATE],
        ['credit', 'physical_gift', 1],
      ]),
    );
    const theirs = await clinic.call('referral', 'listMyRewards', {}, REFEREE_A);
    expect(theirs.body.data).toMatchObject({ balanceFen: REBATE });
    // A 老客 now: the referee gets a card of their own.
    expect((await clinic.call('referral', 'getMyCard', {}, REFEREE_A)).body.ok).toBe(true);
  });

  test('a retry with the same key answers the same and writes nothing more (also to the store manager)', async () => {
    const before = dealCounts(clinic);
    const again = await record({ customerId: refereeA, items: [botulinum()], idempotencyKey: firstKey });
    expect(again.body).toEqual(firstAnswer);
    const byManager = await record({ customerId: refereeA, items: [botulinum()], idempotencyKey: firstKey }, MANAGER);
    expect(byManager.body).toEqual(firstAnswer);
    expect(dealCounts(clinic)).toEqual(before);
    // The same key with another content is someone else's checkout: refused, nothing written.
    const other = await record({ customerId: refereeA, items: [botulinum(100_000)], idempotencyKey: firstKey });
    expect(other.body).toEqual(refused('CONFLICT', /录入编号已用于另一笔成交/));
    // Another store's staff learn nothing of it.
    const stranger = await record(
      { customerId: refereeA, items: [botulinum()], idempotencyKey: firstKey },
      STORE_2_STAFF,
    );
    expect(stranger.body).toEqual(refused('NOT_FOUND', '要找的内容不存在'));
    expect(dealCounts(clinic)).toEqual(before);
  });

  test('a second deal credits nothing, and says why', async () => {
    const ledger = clinic.count('rewardLedger');
    const res = await record({ customerId: refereeA, items: [botulinum()], idempotencyKey: newKey() });
    expect(res.body.data).toMatchObject({
      credited: [],
      noRewardReason: '奖励仅在新客首次付款成交时发放',
      becameExisting: false,
    });
    expect(clinic.count('rewardLedger')).toBe(ledger);
    expect(clinic.count('deals', { customerId: refereeA })).toBe(2);
  });

  test('a rebate used at a later deal reduces the balance; more than is left is INSUFFICIENT_BALANCE', async () => {
    const key = newKey();
    const res = await record({
      customerId: refereeA,
      items: [botulinum(288_000)],
      idempotencyKey: key,
      useRewards: [{ kind: 'rebate', amount: 10_000 }],
    });
    expect(res.body.data).toMatchObject({
      totals: { amountFen: 298_000, paidFen: 288_000, deductedFen: 10_000, pointsUsed: 0 },
      used: [{ kind: 'rebate', amount: 10_000, unit: 'fen' }],
      credited: [],
    });
    expect(ledgerOf(refereeA).filter((e) => e.type === 'use')).toEqual([
      expect.objectContaining({ amount: 10_000, creditId: `${firstKey}_1:rebate:referee`, customerId: refereeA }),
    ]);
    const rewards = await clinic.call('referral', 'listMyRewards', {}, REFEREE_A);
    expect(rewards.body.data.balanceFen).toBe(REBATE - 10_000);
    expect(rewards.body.data.items[0]).toMatchObject({ type: 'use', kind: 'rebate', amount: 10_000 });

    const before = dealCounts(clinic);
    const tooMuch = await record({
      customerId: refereeA,
      items: [botulinum()],
      idempotencyKey: newKey(),
      useRewards: [{ kind: 'rebate', amount: 5_000 }],
    });
    expect(tooMuch.body).toEqual(refused('INSUFFICIENT_BALANCE', '返利金可用余额不足（可用 ¥49.00）'));
    const points = await record({
      customerId: refereeA,
      items: [botulinum()],
      idempotencyKey: newKey(),
      useRewards: [{ kind: 'points', amount: 1 }],
    });
    expect(points.body).toEqual(refused('INSUFFICIENT_BALANCE', '积分可用余额不足（可用 0 积分）'));
    expect(dealCounts(clinic)).toEqual(before);
  });

  test('R9: an existing customer without a referrer earns nothing and may spend her own referral rebate', async () => {
    await checkedIn(clinic, WANGLI.id);
    const res = await record({
      customerId: WANGLI.id,
      items: [botulinum(), { productId: 'product-rejuvenation', amountFen: 98_000, paidFen: 90_000 }],
      idempotencyKey: newKey(),
      useRewards: [{ kind: 'rebate', amount: 4_900 }],
    });
    expect(res.body.data).toMatchObject({
      dealIds: [expect.stringMatching(/_1$/), expect.stringMatching(/_2$/)],
      totals: { amountFen: 396_000, paidFen: 388_000, deductedFen: 4_900 },
      credited: [],
      noRewardReason: '该顾客没有推荐人',
      becameExisting: false,
    });
    const rewards = await clinic.call('referral', 'listMyRewards', {}, WANGLI.openid);
    expect(rewards.body.data.balanceFen).toBe(REBATE - 4_900);
  });
});

describe('deals.record: unpaid deals and caps', () => {
  let refereeB: string;
  beforeAll(async () => {
    refereeB = await referredNewcomer(clinic, codeA, '13900003002', 'o-deal-referee-b', { slot: '10:30' });
    await checkedIn(clinic, refereeB);
  });

  test('an unpaid deal (paidFen 0) credits nothing; a later paid one does (the lipstick is capped once per referrer)', async () => {
    const unpaid = await record({ customerId: refereeB, items: [botulinum(0)], idempotencyKey: newKey() });
    expect(unpaid.body.data).toMatchObject({
      credited: [],
      noRewardReason: '成交尚未付款，暂不发放奖励',
      becameExisting: false,
    });
    expect(customer(refereeB).kind).toBe('new');
    // Checked in (已到院), not yet a paying customer (no 已成交).
    expect(referralOf(refereeB)).toMatchObject({ status: 'visited', rewardCredited: false });
    expect(ledgerOf(refereeB)).toEqual([]);

    const paid = await record({ customerId: refereeB, items: [botulinum()], idempotencyKey: newKey() });
    expect(paid.body.data).toMatchObject({
      credited: [
        { role: 'referrer', maskedName: '王*', kind: 'rebate', amount: REBATE },
        { role: 'referee', maskedName: '林**', kind: 'rebate', amount: REBATE },
      ],
      skipped: [{ role: 'referrer', policyId: 'lipstick', reason: '已达该奖励的发放上限' }],
      becameExisting: true,
    });
    expect(paid.body.data.noRewardReason).toBeUndefined();
    expect(referralOf(refereeB)).toMatchObject({ status: 'dealt', rewardCredited: true });
  });

  test('capPerCustomer: the referrer gets what is left under the cap, the referee the full rebate', async () => {
    setRewardPolicies(clinic, [
      { id: 'rebate', kind: 'rebate', recipients: 'both', rateBp: 500, capPerCustomer: 35_000 },
    ]);
    try {
      const refereeC = await referredNewcomer(clinic, codeA, '13900003003', 'o-deal-referee-c', { slot: '11:00' });
      await checkedIn(clinic, refereeC);
      const res = await record({ customerId: refereeC, items: [botulinum()], idempotencyKey: newKey() });
      // 王丽 had 2 × ¥149.00 from this policy: ¥52.00 is left under the ¥350.00 cap.
      expect(res.body.data.credited).toEqual([
        expect.objectContaining({ role: 'referrer', amount: 35_000 - 2 * REBATE }),
        expect.objectContaining({ role: 'referee', amount: REBATE }),
      ]);
      const refereeD = await referredNewcomer(clinic, codeA, '13900003004', 'o-deal-referee-d', { slot: '11:30' });
      await checkedIn(clinic, refereeD);
      const capped = await record({ customerId: refereeD, items: [botulinum()], idempotencyKey: newKey() });
      expect(capped.body.data).toMatchObject({
        credited: [expect.objectContaining({ role: 'referee', amount: REBATE })],
        skipped: [{ role: 'referrer', policyId: 'rebate', reason: '已达该奖励的发放上限' }],
      });
    } finally {
      setRewardPolicies(clinic, [
        { id: 'rebate', kind: 'rebate', recipients: 'both', rateBp: 500, expiryDays: 365 },
        {
          id: 'lipstick',
          kind: 'physical_gift',
          recipients: 'referrer',
          giftName: '口红',
          giftValueFen: 32_000,
          capPerCustomer: 1,
        },
      ]);
    }
  });
});

describe('deals.record refuses, writing nothing', () => {
  test('a customer who has not checked in: NOT_CHECKED_IN', async () => {
    const notYet = await referredNewcomer(clinic, codeA, '13900003005', 'o-deal-not-yet', { slot: '14:00' });
    const before = dealCounts(clinic);
    const res = await record({ customerId: notYet, items: [botulinum()], idempotencyKey: newKey() });
    expect(res.body).toEqual(refused('NOT_CHECKED_IN', '顾客尚未到院签到，请先签到再录入成交'));
    expect(dealCounts(clinic)).toEqual(before);
  });

  test('another store’s customer looks like no customer at all: NOT_FOUND', async () => {
    await checkedIn(clinic, ZHANGMIN.id, 'store-2');
    const before = dealCounts(clinic);
    for (const openid of [STAFF, MANAGER]) {
      const res = await record({ customerId: ZHANGMIN.id, items: [botulinum()], idempotencyKey: newKey() }, openid);
      expect(res.body).toEqual(refused('NOT_FOUND', '要找的内容不存在'));
    }
    const unknown = await record({ customerId: 'cust-9999', items: [botulinum()], idempotencyKey: newKey() });
    expect(unknown.body).toEqual(refused('NOT_FOUND', '要找的内容不存在'));
    expect(dealCounts(clinic)).toEqual(before);
    // The store's own staff record it.
    const own = await record(
      { customerId: ZHANGMIN.id, items: [botulinum()], idempotencyKey: newKey() },
      STORE_2_STAFF,
    );
    expect(own.body.data).toMatchObject({ credited: [], noRewardReason: '该顾客没有推荐人' });
    expect(clinic.cloud.db.find('deals', { _id: own.body.data.dealIds[0] })[0]).toMatchObject({
      storeId: 'store-2',
      staffId: 'staff-s2-assistant-1',
      department: 'medical',
    });
  });

  test('products must exist, be active, of the chain and offered at the customer’s store', async () => {
    await checkedIn(clinic, LIUFANG.id);
    const before = dealCounts(clinic);
    const unknown = await record({
      customerId: LIUFANG.id,
      items: [botulinum(), { productId: 'product-nope', amountFen: 1, paidFen: 1 }],
      idempotencyKey: newKey(),
    });
    expect(unknown.body).toEqual(refused('PRODUCT_NOT_FOUND', '第 2 项：项目不存在或已下架，请重新选择项目'));
    const notAtStore = await record(
      {
        customerId: ZHANGMIN.id,
        items: [{ productId: 'product-breast', amountFen: 3_880_000, paidFen: 3_880_000 }],
        idempotencyKey: newKey(),
      },
      STORE_2_STAFF,
    );
    expect(notAtStore.body).toEqual(refused('PRODUCT_NOT_AT_STORE', '该门店暂不提供此项目，请选择其他门店或项目'));
    expect(dealCounts(clinic)).toEqual(before);
  });

  const valid = () => ({ customerId: LIUFANG.id, items: [botulinum()], idempotencyKey: newKey() });
  test.each<[string, () => unknown, string | RegExp]>([
    ['a negative amount', () => ({ ...valid(), items: [botulinum(0, -1)] }), '金额不能为负（字段 items.0.amountFen）'],
    ['a negative payment', () => ({ ...valid(), items: [botulinum(-5)] }), '金额不能为负（字段 items.0.paidFen）'],
    [
      'paid above the amount',
      () => ({ ...valid(), items: [botulinum(298_001)] }),
      '实付金额不能大于成交金额（字段 items.0.paidFen）',
    ],
    ['an unknown key', () => ({ ...valid(), staffId: 'staff-x' }), /[\u4e00-\u9fa5]/],
    ['an unknown item key', () => ({ ...valid(), items: [{ ...botulinum(), rebate: 1 }] }), /字段 items\.0/],
    [
      '11 items',
      () => ({ ...valid(), items: Array.from({ length: 11 }, () => botulinum()) }),
      '一次最多录入 10 个成交项目（字段 items）',
    ],
    ['no items', () => ({ ...valid(), items: [] }), '请至少录入一个成交项目（字段 items）'],
    [
      'a short key',
      () => ({ ...valid(), idempotencyKey: 'short' }),
      '录入编号应为 8–64 位字母、数字、_ 或 -（字段 idempotencyKey）',
    ],
    ['a key with spaces', () => ({ ...valid(), idempotencyKey: 'key with spaces' }), /录入编号/],
    ['an operator key', () => ({ ...valid(), customerId: { $ne: null } }), '输入内容包含不允许的字段'],
    [
      'a physical gift to spend',
      () => ({ ...valid(), useRewards: [{ kind: 'physical_gift', amount: 1 }] }),
      /可使用的奖励/,
    ],
    [
      'a deduction above what the deal is worth',
      () => ({
        ...valid(),
        customerId: refereeA,
        items: [botulinum(0, 100)],
        useRewards: [{ kind: 'rebate', amount: 101 }],
      }),
      '抵扣金额不能超过成交金额',
    ],
  ])('%s: INVALID_INPUT with a Chinese message', async (_what, data, message) => {
    const before = dealCounts(clinic);
    const res = await record(data() as Record<string, unknown>);
    expect(res.body).toEqual(refused('INVALID_INPUT', typeof message === 'string' ? message : /[\u4e00-\u9fa5]/));
    if (typeof message !== 'string') expect(res.body.message).toMatch(message);
    expect(dealCounts(clinic)).toEqual(before);
  });
});
