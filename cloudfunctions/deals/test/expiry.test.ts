import { STAFF, WANGLI, startClinic, type Clinic } from '../../test/support/clinic';
import { botulinum, checkedIn, newKey, referredNewcomer } from './deal-support';

jest.setTimeout(180_000);

/** §8 expiry: the deals function's daily timer (rewardExpiry, 03:00) writes off expired credits. */
let clinic: Clinic;
let referee: string;
const REFEREE = 'o-expiry-referee';
let dealId: string;
/** The seeded clinic's own credits (its last ten weeks), and how many still hold a balance: they expire within the year too. */
let seededCredits: number;
let seededExpiring: number;

beforeAll(async () => {
  clinic = await startClinic();
  const seeded = clinic.cloud.db.find('rewardLedger', {}) as any[];
  const used = (id: string) =>
    seeded.filter((e) => e.type === 'use' && e.creditId === id).reduce((s, e) => s + (e.amount as number), 0);
  const credits = seeded.filter((e) => e.type === 'credit');
  seededCredits = credits.length;
  seededExpiring = credits.filter((c) => c.amount - used(c.id) > 0).length;
  expect(credits.every((c) => !c.expiresOn || c.expiresOn < '2028-03-02')).toBe(true);
  const code = (await clinic.call('referral', 'getMyCard', {}, WANGLI.openid)).body.data.code;
  referee = await referredNewcomer(clinic, code, '13900006001', REFEREE);
  await checkedIn(clinic, referee);
  const first = await clinic.call(
    'deals',
    'record',
    { customerId: referee, items: [botulinum()], idempotencyKey: newKey() },
    STAFF,
  );
  dealId = first.body.data.dealIds[0];
  // The referee spends ¥40.00 of her ¥149.00 rebate at a second deal.
  const second = await clinic.call(
    'deals',
    'record',
    {
      customerId: referee,
      items: [botulinum()],
      idempotencyKey: newKey(),
      useRewards: [{ kind: 'rebate', amount: 4_000 }],
    },
    STAFF,
  );
  expect(second.body.ok).toBe(true);
});
afterAll(async () => {
  await clinic.cloud.stop();
});

const fire = () => clinic.cloud.api('POST', '/trigger/deals');
const expiries = () => clinic.cloud.db.find('rewardLedger', { type: 'expire' }) as any[];
const balance = async (openid: string) =>
  (await clinic.call('referral', 'listMyRewards', {}, openid)).body.data.balanceFen as number;

test('nothing has expired yet: the timer writes nothing', async () => {
  expect(await fire()).toMatchObject({ body: { ok: true, data: { credits: 0, expired: 0, done: true } } });
  expect(expiries()).toEqual([]);
  expect(await balance(REFEREE)).toBe(14_900 - 4_000);
});

test('after 365 days each credit’s remaining balance is written off once, however often the timer fires', async () => {
  clinic.cloud.clock.set(new Date('2028-03-01T19:00:00.000Z')); // 2028-03-02 03:00 in Shanghai
  const run = await fire();
  expect(run.body).toEqual({
    ok: true,
    data: { credits: 3 + seededCredits, expired: 3 + seededExpiring, pages: 1, done: true },
  });
  expect(
    expiries()
      .filter((e) => e.dealId === dealId)
      .map((e) => [e._id, e.customerId, e.amount, e.creditId])
      .sort(),
  ).toEqual(
    [
      [`${dealId}:lipstick:referrer:expire`, WANGLI.id, 1, `${dealId}:lipstick:referrer`],
      [`${dealId}:rebate:referee:expire`, referee, 14_900 - 4_000, `${dealId}:rebate:referee`],
      [`${dealId}:rebate:referrer:expire`, WANGLI.id, 14_900, `${dealId}:rebate:referrer`],
    ].sort(),
  );
  expect(await fire()).toMatchObject({ body: { ok: true, data: { expired: 0, done: true } } });
  expect(expiries()).toHaveLength(3 + seededExpiring);
  expect(await balance(REFEREE)).toBe(0);
  expect(await balance(WANGLI.openid)).toBe(0);
  const items = (await clinic.call('referral', 'listMyRewards', {}, REFEREE)).body.data.items;
  expect(items.map((i: any) => i.type).sort()).toEqual(['credit', 'expire', 'use']);
});

test('pages through more than 1000 expired credits (keyset on _id), then only what expired since', async () => {
  // Credits from a CRM import expiring 2028-03-10, one of them half used.
  const credits = Array.from({ length: 1_150 }, (_, i) => {
    const id = `import-${String(i).padStart(5, '0')}:rebate:referrer`;
    return {
      _id: id,
      id,
      chainId: 'chain-yuemei',
      customerId: 'cust-0100',
      type: 'credit',
      policyId: 'rebate',
      kind: 'rebate',
      unit: 'fen',
      amount: 1_000,
      role: 'referrer',
      dealId: `import-${i}`,
      refereeCustomerId: `cust-import-${i}`,
      referrerCustomerId: 'cust-0100',
      at: '2027-03-10T02:00:00.000Z',
      expiresOn: '2028-03-10',
    };
  });
  const use = {
    ...credits[1_100]!,
    _id: 'u-import:x',
    id: 'u-import:x',
    type: 'use',
    amount: 400,
    creditId: credits[1_100]!.id,
  };
  delete (use as { expiresOn?: string }).expiresOn;
  clinic.cloud.db.insertMany('rewardLedger', [...credits, use]);

  clinic.cloud.clock.set(new Date('2028-03-10T19:00:00.000Z'));
  const run = await fire();
  expect(run.body).toEqual({ ok: true, data: { credits: 1_150, expired: 1_150, pages: 2, done: true } });
  const written = clinic.cloud.db.find('rewardLedger', { type: 'expire', customerId: 'cust-0100' }) as any[];
  expect(written).toHaveLength(1_150);
  expect(written.find((e) => e.creditId === credits[1_100]!.id)).toMatchObject({ amount: 600 });
  // The credits written off on 2028-03-02 are not looked at again.
  expect(expiries()).toHaveLength(3 + seededExpiring + 1_150);
  expect(clinic.cloud.db.find('jobs', { _id: 'rewardExpiry' })).toEqual([
    expect.objectContaining({ doneThrough: '2028-03-11', scan: null }),
  ]);
  expect(await fire()).toMatchObject({ body: { data: { credits: 0, expired: 0 } } });
});
