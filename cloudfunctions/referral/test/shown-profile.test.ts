import { DEMO_CHAIN_ID } from '../../../local-cloud/src/dev/seed/demo-identities';
import { LIUFANG, NEWCOMER, WANGLI, startClinic, type Clinic } from '../../test/support/clinic';

/**
 * The invitation that builds trust: the referrer's WeChat nickname and avatar, only while they agree
 * (referral.setShownProfile), and the clinic's licence, doctors and stores (resolveLanding).
 */
jest.setTimeout(120_000);

let clinic: Clinic;
let code = '';
beforeAll(async () => {
  clinic = await startClinic();
  code = (await clinic.call('referral', 'getMyCard', {}, WANGLI.openid)).body.data.code;
});
afterAll(async () => {
  await clinic.cloud.stop();
});

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** What the H5 client does in place of wx.cloud.uploadFile (POST /api/storage/upload). */
async function upload(openid: string, cloudPath: string): Promise<string> {
  const res = await fetch(`${clinic.cloud.url}/api/storage/upload`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-demo-openid': openid },
    body: JSON.stringify({ cloudPath, contentBase64: PNG.toString('base64') }),
  });
  const body = (await res.json()) as { ok: boolean; fileID: string };
  expect(body.ok).toBe(true);
  return body.fileID;
}

const choose = (data: unknown, openid = WANGLI.openid) => clinic.call('referral', 'setShownProfile', data, openid);
const landing = async () => (await clinic.call('referral', 'resolveLanding', { code }, NEWCOMER)).body;
const stored = () => (clinic.cloud.db.find('customers', { _id: WANGLI.id })[0] as any).shownProfile;

describe('referral.setShownProfile', () => {
  test('opting in: the card and the landing show the nickname and the avatar, with the time of the choice', async () => {
    const card = (await clinic.call('referral', 'getMyCard', {}, WANGLI.openid)).body.data;
    expect(card.shownAs).toEqual({ name: '王*' });
    expect(card.shownProfile).toEqual({ show: false, avatarFolder: `avatars/${WANGLI.openid}` });

    const avatar = await upload(WANGLI.openid, `${card.shownProfile.avatarFolder}/1764-a.png`);
    const res = await choose({ show: true, nickname: '  丽丽 🌸 ', avatarFileId: avatar });
    expect(res.body.ok).toBe(true);
    expect(res.body.data.shownAs).toEqual({ name: '丽丽 🌸', avatarUrl: expect.stringMatching(/^http.+1764-a\.png$/) });
    expect(res.body.data.shownProfile).toMatchObject({ show: true, nickname: '丽丽 🌸', avatarFileId: avatar });
    expect(stored()).toEqual({ show: true, nickname: '丽丽 🌸', avatarFileId: avatar, decidedAt: expect.any(String) });
    expect(Number.isNaN(Date.parse(stored().decidedAt))).toBe(false);

    const again = (await clinic.call('referral', 'getMyCard', {}, WANGLI.openid)).body.data;
    expect(again.shownAs).toEqual(res.body.data.shownAs);
    const seen = await landing();
    expect(seen.data).toMatchObject({
      referrerDisplayName: '丽丽 🌸',
      referrerAvatarUrl: res.body.data.shownAs.avatarUrl,
    });
    const image = await fetch(seen.data.referrerAvatarUrl);
    expect(image.status).toBe(200);
  });

  test('withdrawing: friends see the masked name again; the nickname and the avatar are no longer kept', async () => {
    const avatarUrl = (await landing()).data.referrerAvatarUrl;
    const res = await choose({ show: false });
    expect(res.body).toEqual({
      ok: true,
      data: {
        shownAs: { name: '王*' },
        shownProfile: { show: false, decidedAt: expect.any(String), avatarFolder: `avatars/${WANGLI.openid}` },
      },
    });
    expect(stored()).toEqual({ show: false, decidedAt: expect.any(String) });
    const seen = await landing();
    expect(seen.data.referrerDisplayName).toBe('王*');
    expect(seen.data).not.toHaveProperty('referrerAvatarUrl');
    // The withdrawn avatar is deleted from storage.
    expect((await fetch(avatarUrl)).status).toBe(404);
  });

  test('a nickname alone is shown without an avatar; a new avatar replaces (and deletes) the old one', async () => {
    expect((await choose({ show: true, nickname: 'Lily' })).body.data.shownAs).toEqual({ name: 'Lily' });
    expect((await landing()).data).toMatchObject({ referrerDisplayName: 'Lily' });
    const first = await upload(WANGLI.openid, `avatars/${WANGLI.openid}/first.png`);
    const firstUrl = (await choose({ show: true, nickname: 'Lily', avatarFileId: first })).body.data.shownAs.avatarUrl;
    const second = await upload(WANGLI.openid, `avatars/${WANGLI.openid}/second.png`);
    await choose({ show: true, nickname: 'Lily', avatarFileId: second });
    expect(stored().avatarFileId).toBe(second);
    expect((await fetch(firstUrl)).status).toBe(404);
    // Keeping the same avatar (a nickname change) keeps its file.
    const kept = await choose({ show: true, nickname: 'Lily 王', avatarFileId: second });
    expect((await fetch(kept.body.data.shownAs.avatarUrl)).status).toBe(200);
  });

  test('an avatar outside the caller’s own folder is refused, and nothing is written', async () => {
    const before = stored();
    const others = await upload(LIUFANG.openid, `avatars/${LIUFANG.openid}/mine.png`);
    const doctor = (clinic.cloud.db.find('settings', { _id: DEMO_CHAIN_ID })[0] as any).clinicProfile.doctors[0]
      .photoFileId as string;
    const lookalike = await upload(WANGLI.openid, `avatars/${WANGLI.openid}-x/a.png`);
    for (const avatarFileId of [others, doctor, lookalike, others.replace(LIUFANG.openid, `${WANGLI.openid}/..`)]) {
      const res = await choose({ show: true, nickname: 'Lily', avatarFileId });
      expect(res.body).toEqual({ ok: false, code: 'FORBIDDEN', message: '只能使用您本人上传的头像，请重新选择头像' });
    }
    // In the caller's folder, but never uploaded.
    const missing = others.replace(`${LIUFANG.openid}/mine.png`, `${WANGLI.openid}/never.png`);
    expect((await choose({ show: true, nickname: 'Lily', avatarFileId: missing })).body).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: '头像上传未完成，请重新选择头像',
    });
    expect(stored()).toEqual(before);
  });

  test('a bad nickname is refused in Chinese, and nothing is written', async () => {
    const before = stored();
    for (const [nickname, message] of [
      ['   ', '请填写昵称'],
      ['丽\u0007丽', '昵称包含不支持的字符'],
      ['abc\u202Edef', '昵称包含不支持的字符'],
      ['丽'.repeat(21), '昵称不能超过 20 个字'],
    ]) {
      const res = await choose({ show: true, nickname });
      expect(res.body).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining(message!) });
    }
    expect((await choose({ show: true })).body).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(stored()).toEqual(before);
  });

  test('only a card holder (老客) chooses; a newcomer is told how to become one', async () => {
    const res = await choose({ show: true, nickname: 'Lily' }, NEWCOMER);
    expect(res.body).toMatchObject({ ok: false, code: 'NOT_EXISTING_CUSTOMER' });
  });
});

describe('referral.resolveLanding: the clinic', () => {
  /** Sets one settings field of the demo chain (settings are read on every call). */
  function setSetting(path: string, value: unknown): void {
    const reply = clinic.cloud.db.handle('database.modifyDocument', {
      collectionName: 'settings',
      queryType: 'DOC',
      query: JSON.stringify({ _id: DEMO_CHAIN_ID }),
      data: JSON.stringify({ $set: { [path]: value } }),
      multi: false,
      merge: true,
      upsert: false,
    }) as { data?: { updated?: number } };
    if (reply.data?.updated !== 1) throw new Error(`settings not updated: ${JSON.stringify(reply)}`);
  }

  test('the licence, the doctors with their photos and the stores, the referrer’s store first', async () => {
    const { clinic: shown } = (await landing()).data;
    expect(shown).toMatchObject({ institutionName: '昆明悦美医疗美容门诊部', licenceNumber: 'PDY80317253010217D1492' });
    expect(shown.doctors.map((d: any) => [d.name, d.title])).toEqual([
      ['李静怡', '主任医师'],
      ['周明哲', '副主任医师'],
      ['陈雨桐', '主治医师'],
    ]);
    expect(shown.doctors[0]).toMatchObject({
      licenceNumber: '110530100031288',
      photoUrl: expect.stringMatching(/^http/),
    });
    expect(shown.stores.map((s: any) => s.id)).toEqual(['store-1', 'store-2']);
    expect(shown.stores[0]).toMatchObject({
      name: '悦美医疗美容 · 一店',
      address: expect.stringContaining('东风西路'),
    });
    expect(shown.stores[0].photoUrls).toHaveLength(2);
    const photo = await fetch(shown.stores[0].photoUrls[0]);
    expect(photo.status).toBe(200);
    expect(
      Buffer.from(await photo.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  });

  test('a referee gift shows what it is worth', async () => {
    const policies = (clinic.cloud.db.find('settings', { _id: DEMO_CHAIN_ID })[0] as any).rewards.policies;
    setSetting('rewards.policies', [
      ...policies,
      { id: 'mask', kind: 'physical_gift', recipients: 'referee', giftName: '修护面膜', giftValueFen: 19_900 },
    ]);
    try {
      const { benefits } = (await landing()).data;
      expect(benefits.map((b: any) => [b.title, b.valueFen])).toEqual([
        ['返利金 5%', undefined],
        ['礼品：修护面膜', 19_900],
      ]);
    } finally {
      setSetting('rewards.policies', policies);
    }
  });

  test('a clinic that filled in nothing: no licence, no doctors; the stores with their addresses', async () => {
    const profile = (clinic.cloud.db.find('settings', { _id: DEMO_CHAIN_ID })[0] as any).clinicProfile;
    setSetting('clinicProfile', {});
    try {
      const { clinic: shown } = (await landing()).data;
      expect(shown).not.toHaveProperty('licenceNumber');
      expect(shown.doctors).toEqual([]);
      expect(shown.stores).toHaveLength(2);
    } finally {
      setSetting('clinicProfile', profile);
    }
  });
});
