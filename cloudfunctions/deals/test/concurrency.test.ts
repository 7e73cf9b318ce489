import { LIUFANG, MANAGER, STAFF, WANGLI, startClinic, type Clinic } from '../../test/support/clinic';
import { botulinum, checkedIn, newKey, referredNewcomer } from './deal-support';

jest.setTimeout(180_000);

/**
 * The local cloud's transactions are snapshot-isolated like the real ones (write-write conflicts
 * only), with 4 instances per function: these are real races, not sequential calls.
 */
let clinic: Clinic;
let codeA: string;
let codeB: string;
beforeAll(async () => {
  clinic = await startClinic();
  codeA = (await clinic.call('referral', 'getMyCard', {}, WANGLI.openid)).body.data.code;
  codeB = (await clinic.call('referral', 'getMyCard', {}, LIUFANG.openid)).body.data.code;
});
afterAll(async () => {
  await clinic.cloud.stop();
});

const record = (data: Record<string, unknown>, openid = STAFF) => clinic.call('deals', 'record', data, openid);
const credits = (query: Record<string, unknown>) =>
  clinic.cloud.db.find('rewardLedger', { type: 'credit', ...query }) as any[];

test('20 concurrent identical calls (a double tap, retries): one deal set, one credit per recipient, one answer', async () => {
  const referee = await referredNewcomer(clinic, codeA, '13900004001', 'o-race-1');
  await checkedIn(clinic, referee);
  const key = newKey();
  const data = {
    customerId: referee,
    items: [botulinum(), { productId: 'product-rejuvenation', amountFen: 98_000, paidFen: 98_000 }],
    idempotencyKey: key,
  };
  const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => record(data, i % 2 ? MANAGER : STAFF)));
  expect(answers.map((a) => a.body.ok)).toEqual(Array(20).fill(true));
  for (const a of answers) expect(a.body).toEqual(answers[0]!.body);
  expect(answers[0]!.body.data.dealIds).toEqual([`${key}_1`, `${key}_2`]);

  expect(clinic.cloud.db.find('deals', { customerId: referee })).toHaveLength(2);
  expect(clinic.cloud.db.find('dealRequests', { _id: key })).toHaveLength(1);
  // 5% of ¥3,960 to each side, and the referrer's lipstick: once.
  expect(credits({ refereeCustomerId: referee }).map((e) => [e.customerId, e.policyId, e.amount])).toEqual(
    expect.arrayContaining([
      [referee, 'rebate', 19_800],
      [WANGLI.id, 'rebate', 19_800],
      [WANGLI.id, 'lipstick', 1],
    ]),
  );
  expect(credits({ refereeCustomerId: referee })).toHaveLength(3);
  expect(clinic.cloud.db.find('customers', { _id: referee })[0]).toMatchObject({ kind: 'existing', accountVersion: 1 });
});

test('concurrent different checkouts of one new referee: every deal recorded, the reward credited once', async () => {
  const referee = await referredNewcomer(clinic, codeA, '13900004002', 'o-race-2', { slot: '10:30' });
  await checkedIn(clinic, referee);
  const answers = await Promise.all(
    Array.from({ length: 6 }, () => record({ customerId: referee, items: [botulinum()], idempotencyKey: newKey() })),
  );
  expect(answers.map((a) => a.body.ok)).toEqual(Array(6).fill(true));
  const rewarded = answers.filter((a) => a.body.data.credited.length > 0);
  expect(rewarded).toHaveLength(1);
  for (const a of answers.filter((x) => x !== rewarded[0])) {
    expect(a.body.data.noRewardReason).toBe('奖励仅在新客首次付款成交时发放');
  }
  expect(clinic.cloud.db.find('deals', { customerId: referee })).toHaveLength(6);
  expect(
    credits({ refereeCustomerId: referee })
      .map((e) => e.customerId)
      .sort(),
  ).toEqual(
    [referee, WANGLI.id].sort(), // the lipstick went to 王丽 with her first referral above
  );
  expect(clinic.cloud.db.find('customers', { _id: referee })[0]).toMatchObject({ accountVersion: 6 });
});

test('two friends of one referrer paying at the same moment: her lipstick (cap 1) is given once', async () => {
  const friends = await Promise.all([
    referredNewcomer(clinic, codeB, '13900004003', 'o-race-3', { slot: '11:00' }),
    referredNewcomer(clinic, codeB, '13900004004', 'o-race-4', { slot: '11:30' }),
  ]);
  for (const f of friends) await checkedIn(clinic, f);
  const answers = await Promise.all(
    friends.map((customerId) => record({ customerId, items: [botulinum()], idempotencyKey: newKey() })),
  );
  expect(answers.map((a) => a.body.ok)).toEqual([true, true]);
  expect(credits({ customerId: LIUFANG.id, policyId: 'lipstick' })).toHaveLength(1);
  expect(credits({ customerId: LIUFANG.id, policyId: 'rebate' })).toHaveLength(2);
  const skipped = answers.flatMap((a) => a.body.data.skipped);
  expect(skipped).toEqual([{ role: 'referrer', policyId: 'lipstick', reason: '已达该奖励的发放上限' }]);
});

test('concurrent uses of one balance never spend more than it holds', async () => {
  await checkedIn(clinic, WANGLI.id);
  // 王丽 holds 2 × ¥198.00 + ¥149.00 of rebate from the friends above.
  const before = (await clinic.call('referral', 'listMyRewards', {}, WANGLI.openid)).body.data.balanceFen;
  expect(before).toBe(19_800 + 14_900);
  const answers = await Promise.all(
    Array.from({ length: 5 }, () =>
      record({
        customerId: WANGLI.id,
        items: [botulinum()],
        idempotencyKey: newKey(),
        useRewards: [{ kind: 'rebate', amount: 10_000 }],
      }),
    ),
  );
  const spent = answers.filter((a) => a.body.ok);
  expect(spent).toHaveLength(3);
  for (const a of answers.filter((x) => !x.body.ok)) expect(a.body.code).toBe('INSUFFICIENT_BALANCE');
  const after = (await clinic.call('referral', 'listMyRewards', {}, WANGLI.openid)).body.data.balanceFen;
  expect(after).toBe(before - 30_000);
});

test('identical concurrent calls that spend a balance all get the first answer, and it is spent once', async () => {
  const before = (await clinic.call('referral', 'listMyRewards', {}, WANGLI.openid)).body.data.balanceFen;
  const data = {
    customerId: WANGLI.id,
    items: [botulinum()],
    idempotencyKey: newKey(),
    useRewards: [{ kind: 'rebate', amount: before }],
  };
  const answers = await Promise.all(Array.from({ length: 10 }, () => record(data)));
  for (const a of answers) expect(a.body).toEqual(answers[0]!.body);
  expect(answers[0]!.body).toMatchObject({ ok: true, data: { used: [{ kind: 'rebate', amount: before }] } });
  expect((await clinic.call('referral', 'listMyRewards', {}, WANGLI.openid)).body.data.balanceFen).toBe(0);
});
