import { checkCharacter } from '@clinic/shared';
import {
  LIUFANG,
  NEWCOMER,
  STAFF,
  WANGLI,
  ZHANGMIN,
  bookingInput,
  startClinic,
  type Clinic,
} from '../../test/support/clinic';

jest.setTimeout(120_000);

let clinic: Clinic;
beforeAll(async () => {
  clinic = await startClinic();
});
afterAll(async () => {
  await clinic.cloud.stop();
});

const card = (openid: string) => clinic.call('referral', 'getMyCard', {}, openid);
const qrCalls = async () =>
  ((await clinic.cloud.api('GET', '/outbox')).body as any[]).filter((e) => e.apiName === 'wxacode.getUnlimited');

describe('referral.getMyCard / revokeCard', () => {
  test('an existing customer gets one code, a share path, a stored QR and the benefits', async () => {
    const res = await card(WANGLI.openid);
    expect(res.body.ok).toBe(true);
    const c = res.body.data;
    expect(c.code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(c.scene).toBe(`r=${c.code}`);
    expect(c.sharePath).toBe(`pages/landing/index?code=${c.code}`);
    expect(c.qrFileId).toMatch(/^cloud:\/\/.+referral-cards\/.+\.png$/);
    expect(c.qrUrl).toMatch(/^http/);
    // Friends see the holder masked until the holder chooses otherwise.
    expect(c.shownAs).toEqual({ name: '王*' });
    const png = await fetch(c.qrUrl);
    expect(png.status).toBe(200);
    expect(
      Buffer.from(await png.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    expect(c.referrerBenefits.map((b: any) => b.title)).toEqual(['返利金 5%', '礼品：口红']);
    expect(c.refereeBenefits).toEqual([
      { kind: 'rebate', title: '返利金 5%', description: expect.stringMatching(/^您首次消费后/) },
    ]);
    const calls = await qrCalls();
    expect(calls).toHaveLength(1);
    expect(calls[0].params).toMatchObject({ scene: c.scene, page: 'pages/landing/index' });
  });

  test('the QR is reused, never regenerated while the code is active', async () => {
    const first = await card(WANGLI.openid);
    const again = await card(WANGLI.openid);
    expect(again.body.data).toMatchObject({ code: first.body.data.code, qrFileId: first.body.data.qrFileId });
    expect(await qrCalls()).toHaveLength(1);
  });

  test('concurrent first calls still issue exactly one active code', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => card(LIUFANG.openid)));
    expect(results.every((r) => r.body.ok)).toBe(true);
    expect(new Set(results.map((r) => r.body.data.code)).size).toBe(1);
    expect(clinic.cloud.db.find('referralCards', { customerId: LIUFANG.id, status: 'active' })).toHaveLength(1);
  });

  test('revoking frees the customer for a new code; the old one stops resolving', async () => {
    const old = (await card(ZHANGMIN.openid)).body.data.code;
    const revoked = await clinic.call('referral', 'revokeCard', {}, ZHANGMIN.openid);
    expect(revoked.body).toEqual({ ok: true, data: { revokedCode: old } });
    const again = await clinic.call('referral', 'revokeCard', {}, ZHANGMIN.openid);
    expect(again.body).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const fresh = (await card(ZHANGMIN.openid)).body.data;
    expect(fresh.code).not.toBe(old);
    expect(fresh.qrFileId).toBeDefined();
    const landing = await clinic.call('referral', 'resolveLanding', { code: old }, NEWCOMER);
    expect(landing.body).toEqual({ ok: false, code: 'INVALID_CODE', message: expect.stringMatching(/推荐码无效/) });
    const booking = await clinic.call(
      'booking',
      'create',
      bookingInput({ phone: '13500000001', referralCode: old }),
      NEWCOMER,
    );
    expect(booking.body).toMatchObject({ ok: false, code: 'INVALID_CODE' });
  });

  test.each([
    ['a newcomer', NEWCOMER],
    ['a staff member', STAFF],
    ['an unknown WeChat user', 'o-stranger'],
  ])('%s gets NOT_EXISTING_CUSTOMER and no card', async (_name, openid) => {
    const before = clinic.counts();
    for (const action of ['getMyCard', 'revokeCard', 'listMyReferrals']) {
      const res = await clinic.call('referral', action, {}, openid);
      expect(res.body).toEqual({ ok: false, code: 'NOT_EXISTING_CUSTOMER', message: expect.stringMatching(/推荐卡/) });
    }
    expect(clinic.counts()).toEqual(before);
  });

  test('a filed new customer (booked, not yet paying) gets no card either', async () => {
    await clinic.call('booking', 'create', bookingInput({ phone: '13500000002' }), 'o-filed-new');
    const res = await card('o-filed-new');
    expect(res.body).toMatchObject({ ok: false, code: 'NOT_EXISTING_CUSTOMER' });
  });
});

describe('referral.resolveLanding', () => {
  test('a valid code shows the masked referrer, the referee benefits and the clinic, nothing else', async () => {
    const { code, scene } = (await card(WANGLI.openid)).body.data;
    const byCode = await clinic.call('referral', 'resolveLanding', { code: code.toLowerCase() }, NEWCOMER);
    expect(byCode.body).toEqual({
      ok: true,
      data: {
        code,
        referrerDisplayName: '王*',
        benefits: [expect.objectContaining({ kind: 'rebate' })],
        clinic: expect.any(Object),
        keepDays: 30,
        referralTerms: { minLeadDays: 1 },
        // The referrer's store, where the friend's booking starts.
        storeId: 'store-1',
      },
    });
    // The clinic's licence, doctors and stores (referral/test/shown-profile.test.ts).
    expect(byCode.body.data.clinic.doctors.length).toBeGreaterThan(0);
    const byScene = await clinic.call('referral', 'resolveLanding', { scene: encodeURIComponent(scene) }, NEWCOMER);
    expect(byScene.body).toEqual(byCode.body);
  });

  test('the holder opening their own card is told so (ownCard), decided by their WeChat account', async () => {
    const { code, referralTerms } = (await card(WANGLI.openid)).body.data;
    expect(referralTerms).toEqual({ minLeadDays: 1 });
    const own = await clinic.call('referral', 'resolveLanding', { code }, WANGLI.openid);
    expect(own.body).toMatchObject({ ok: true, data: { code, ownCard: true, referrerDisplayName: '王*' } });
    // Another old customer, a newcomer and a stranger get the invitation.
    for (const openid of [LIUFANG.openid, NEWCOMER, 'o-stranger']) {
      const res = await clinic.call('referral', 'resolveLanding', { code }, openid);
      expect(res.body.ok).toBe(true);
      expect(res.body.data.ownCard).toBeUndefined();
    }
    // The request cannot claim it either way: the contract has no such input.
    const forged = await clinic.call('referral', 'resolveLanding', { code, ownCard: false }, WANGLI.openid);
    expect(forged.body).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });

  test('a mistyped code is refused without touching the database', async () => {
    const { code } = (await card(WANGLI.openid)).body.data;
    const typo = code.slice(0, 3) + (code[3] === 'A' ? 'B' : 'A') + code.slice(4);
    const res = await clinic.call('referral', 'resolveLanding', { code: typo }, NEWCOMER);
    expect(res.body).toEqual({ ok: false, code: 'INVALID_CODE', message: expect.stringMatching(/推荐码/) });
    expect(res.headers.get('x-db-round-trips')).toBe('0');
    const badScene = await clinic.call('referral', 'resolveLanding', { scene: 'x=1' }, NEWCOMER);
    expect(badScene.body).toMatchObject({ ok: false, code: 'INVALID_CODE' });
    expect(badScene.headers.get('x-db-round-trips')).toBe('0');
  });

  test('unknown and revoked codes get the same answer', async () => {
    const unknown = await clinic.call(
      'referral',
      'resolveLanding',
      { code: 'ABCDEFG' + checkCharacter('ABCDEFG') },
      NEWCOMER,
    );
    expect(unknown.body).toEqual({ ok: false, code: 'INVALID_CODE', message: '推荐码无效，请向推荐人确认或重新索取' });
  });
});

describe('my referrals and rewards', () => {
  test('listMyReferrals pages through the people the caller referred, masked, newest first', async () => {
    const { code } = (await card(LIUFANG.openid)).body.data;
    for (let i = 0; i < 5; i++) {
      const res = await clinic.call(
        'booking',
        'create',
        bookingInput({ name: `赵${'一二三四五'[i]}`, phone: `1350000010${i}`, slot: `1${i}:00`, referralCode: code }),
        `o-ref-${i}`,
      );
      expect(res.body.ok).toBe(true);
    }
    const seen: any[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await clinic.call(
        'referral',
        'listMyReferrals',
        { limit: 2, ...(cursor ? { cursor } : {}) },
        LIUFANG.openid,
      );
      expect(res.body.ok).toBe(true);
      expect(res.body.data.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.data.items);
      cursor = res.body.data.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(5);
    expect(new Set(seen.map((s) => s.maskedPhone)).size).toBe(5);
    expect(seen[0]).toEqual({
      maskedName: '赵*',
      maskedPhone: expect.stringMatching(/^135\*{4}\d{4}$/),
      filedOn: '2027-03-01',
      status: 'booked',
      rewardCredited: false,
    });
    // Nobody else sees them.
    const other = await clinic.call('referral', 'listMyReferrals', {}, WANGLI.openid);
    expect(other.body.data.items.map((i: any) => i.maskedPhone)).not.toEqual(
      expect.arrayContaining(seen.map((s) => s.maskedPhone)),
    );
    const bad = await clinic.call('referral', 'listMyReferrals', { cursor: 'nonsense' }, LIUFANG.openid);
    expect(bad.body).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });

  test('listMyRewards: the ledger (credit, use, expire), balance and pages', async () => {
    const base = {
      chainId: 'chain-yuemei',
      customerId: LIUFANG.id,
      policyId: 'rebate',
      kind: 'rebate',
      unit: 'fen',
      role: 'referrer',
      dealId: 'deal-x',
      refereeCustomerId: 'cust-0200',
      referrerCustomerId: LIUFANG.id,
    };
    clinic.cloud.db.insertMany('rewardLedger', [
      {
        _id: 'r1',
        id: 'r1',
        ...base,
        type: 'credit',
        amount: 10_000,
        at: '2027-01-10T10:00:00.000Z',
        expiresOn: '2028-01-10',
      },
      { _id: 'r2', id: 'r2', ...base, type: 'use', amount: 2_500, creditId: 'r1', at: '2027-02-01T10:00:00.000Z' },
      {
        _id: 'r3',
        id: 'r3',
        ...base,
        type: 'credit',
        amount: 4_000,
        at: '2026-01-10T10:00:00.000Z',
        expiresOn: '2027-01-10',
      },
      { _id: 'r4', id: 'r4', ...base, type: 'expire', amount: 4_000, creditId: 'r3', at: '2027-01-10T00:00:00.000Z' },
      {
        _id: 'r5',
        id: 'r5',
        ...base,
        kind: 'physical_gift',
        unit: 'item',
        policyId: 'lipstick',
        type: 'credit',
        amount: 1,
        giftName: '口红',
        at: '2027-01-10T10:00:01.000Z',
      },
    ]);
    const first = await clinic.call('referral', 'listMyRewards', { limit: 3 }, LIUFANG.openid);
    expect(first.body.ok).toBe(true);
    expect(first.body.data).toMatchObject({ balanceFen: 7_500, points: 0, pendingReferrals: expect.any(Number) });
    expect(first.body.data.items.map((i: any) => i.id)).toEqual(['r2', 'r5', 'r1']);
    const second = await clinic.call(
      'referral',
      'listMyRewards',
      { limit: 3, cursor: first.body.data.nextCursor },
      LIUFANG.openid,
    );
    expect(second.body.data.items.map((i: any) => i.id)).toEqual(['r4', 'r3']);
    expect(second.body.data.nextCursor).toBeUndefined();
    // Someone without any record sees an empty ledger.
    const none = await clinic.call('referral', 'listMyRewards', {}, 'o-nobody');
    expect(none.body.data).toEqual({ balanceFen: 0, points: 0, items: [], pendingReferrals: 0 });
    const tooMany = await clinic.call('referral', 'listMyRewards', { limit: 500 }, LIUFANG.openid);
    expect(tooMany.body).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringMatching(/50/) });
  });
});
