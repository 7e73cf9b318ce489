import {
  avatarFolderOf,
  cloudPathOfFileId,
  customerSchema,
  isOwnAvatarFile,
  NICKNAME_MESSAGES,
  nicknameSchema,
  parseActionInput,
  referralContract,
  shownProfileRecord,
  shownProfileSchema,
  shownReferrer,
} from '../../src';

const OPENID = 'o-wangli';
const fileOf = (path: string) => `cloud://prod-1a2b.7072-prod-1a2b-1250000000/${path}`;
const AT = '2027-03-01T09:00:00.000+08:00';
const WANGLI = { name: '王丽' };

describe('shown referrer: what a friend sees of the person who invited them', () => {
  test('masked name and no avatar until the holder chooses to show their profile', () => {
    expect(shownReferrer(WANGLI, undefined)).toEqual({ name: '王*', chosen: false });
  });

  test('the nickname and avatar once the holder agreed to show them', () => {
    const profile = shownProfileRecord(
      { show: true, nickname: '丽丽 🌸', avatarFileId: fileOf('avatars/o/a.jpg') },
      AT,
    );
    expect(shownReferrer(WANGLI, profile)).toEqual({
      name: '丽丽 🌸',
      avatarFileId: fileOf('avatars/o/a.jpg'),
      chosen: true,
    });
  });

  test('a nickname without an avatar shows the nickname alone', () => {
    expect(shownReferrer(WANGLI, shownProfileRecord({ show: true, nickname: 'Lily' }, AT))).toEqual({
      name: 'Lily',
      chosen: true,
    });
  });

  test('withdrawn: masked again, and the record keeps only the decision and its time', () => {
    const withdrawn = shownProfileRecord({ show: false }, AT);
    expect(withdrawn).toEqual({ show: false, decidedAt: AT });
    expect(shownReferrer(WANGLI, withdrawn)).toEqual({ name: '王*', chosen: false });
  });

  test('a stored record that says show but carries a stale leftover is never shown', () => {
    // show:false with leftovers (a hand-edited record): nothing of them reaches friends.
    expect(shownReferrer(WANGLI, { show: false, nickname: 'Lily', avatarFileId: 'x', decidedAt: AT })).toEqual({
      name: '王*',
      chosen: false,
    });
    // show:true without a nickname, or with one today's rule refuses: masked, no avatar.
    expect(shownReferrer(WANGLI, { show: true, avatarFileId: 'x', decidedAt: AT })).toEqual({
      name: '王*',
      chosen: false,
    });
    expect(shownReferrer(WANGLI, { show: true, nickname: 'A\u202EB', avatarFileId: 'x', decidedAt: AT })).toEqual({
      name: '王*',
      chosen: false,
    });
  });

  test('the stored record is part of the customer schema, with its time', () => {
    expect(shownProfileSchema.safeParse({ show: true, nickname: 'Lily' }).success).toBe(false);
    const customer = {
      id: 'c1',
      chainId: 'chain',
      storeId: 's1',
      name: '王丽',
      phone: '13006181966',
      kind: 'existing',
      createdAt: AT,
      shownProfile: shownProfileRecord({ show: true, nickname: 'Lily' }, AT),
    };
    expect(customerSchema.parse(customer).shownProfile).toEqual({ show: true, nickname: 'Lily', decidedAt: AT });
    expect(
      customerSchema.safeParse({ ...customer, shownProfile: { show: true, decidedAt: 'yesterday' } }).success,
    ).toBe(false);
  });
});

describe('shown referrer: the nickname rule', () => {
  const parse = (raw: string) => {
    const r = nicknameSchema.safeParse(raw);
    return r.success ? r.data : r.error.issues[0]?.message;
  };

  test('trimmed and normalised like a name; emoji and latin letters are fine', () => {
    expect(parse('  丽丽 🌸  ')).toBe('丽丽 🌸');
    expect(parse('Ｌｉｌｙ')).toBe('Lily');
    expect(parse('小\u200B丽')).toBe('小丽');
  });

  test('empty, control and bidi characters, and more than 20 characters are refused in Chinese', () => {
    expect(parse('   ')).toBe(NICKNAME_MESSAGES.empty);
    expect(parse('丽\u0007丽')).toBe(NICKNAME_MESSAGES.unsupported_chars);
    expect(parse('丽\n丽')).toBe(NICKNAME_MESSAGES.unsupported_chars);
    expect(parse('abc\u202Eabc')).toBe(NICKNAME_MESSAGES.unsupported_chars);
    expect(parse('丽'.repeat(21))).toBe(NICKNAME_MESSAGES.too_long);
    expect(parse('丽'.repeat(20))).toBe('丽'.repeat(20));
    expect(NICKNAME_MESSAGES.too_long).toBe('昵称不能超过 20 个字');
  });

  test('setShownProfile: showing needs a nickname; withdrawing takes nothing else', () => {
    const input = (data: unknown) => parseActionInput(referralContract, 'setShownProfile', data);
    expect(input({ show: true, nickname: ' Lily ' })).toEqual({ ok: true, data: { show: true, nickname: 'Lily' } });
    expect(input({ show: true })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(input({ show: true, nickname: '丽\u0000' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('昵称包含不支持的字符'),
    });
    expect(input({ show: false })).toEqual({ ok: true, data: { show: false } });
    expect(input({ show: false, nickname: 'Lily' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(input({ show: true, nickname: 'Lily', avatarFileId: 'x'.repeat(257) })).toMatchObject({ ok: false });
  });
});

describe('shown referrer: only an avatar the holder uploaded into their own folder', () => {
  test('the folder is named by the OPENID', () => {
    expect(avatarFolderOf(OPENID)).toBe('avatars/o-wangli');
  });

  test('a file of the caller’s folder is theirs', () => {
    expect(isOwnAvatarFile(fileOf('avatars/o-wangli/1764-ab12.jpg'), OPENID)).toBe(true);
    expect(cloudPathOfFileId(fileOf('avatars/o-wangli/a.png'))).toBe('avatars/o-wangli/a.png');
  });

  test('another holder’s folder, a clinic picture, a lookalike folder or a sub-folder is refused', () => {
    for (const path of [
      'avatars/o-other/a.jpg',
      'clinic/doctors/doctor-1.png',
      'avatars/o-wangli-2/a.jpg',
      'avatars/o-wangli/sub/a.jpg',
      'avatars/o-wangli/../o-other/a.jpg',
      'avatars/o-wangli/..',
      'avatars/o-wangli/',
      'xavatars/o-wangli/a.jpg',
    ]) {
      expect([path, isOwnAvatarFile(fileOf(path), OPENID)]).toEqual([path, false]);
    }
  });

  test('only a whole cloud fileID counts: no text before it, nothing longer than the stored field', () => {
    expect(isOwnAvatarFile(`x${fileOf('avatars/o-wangli/a.jpg')}`, OPENID)).toBe(false);
    expect(isOwnAvatarFile(`${fileOf('avatars/o-wangli/a.jpg')}\nother`, OPENID)).toBe(false);
    expect(isOwnAvatarFile('https://evil.example/cloud://env-1.bucket/avatars/o-wangli/a.jpg', OPENID)).toBe(false);
    // AVATAR_FILE_ID_MAX (256) is the longest fileID kept: one more character (here, in the env) is refused.
    const ofLength = (n: number) => {
      const tail = '/avatars/o-wangli/a.jpg';
      return `cloud://${'e'.repeat(n - 'cloud://'.length - tail.length)}${tail}`;
    };
    expect(ofLength(256)).toHaveLength(256);
    expect(isOwnAvatarFile(ofLength(256), OPENID)).toBe(true);
    expect(isOwnAvatarFile(ofLength(257), OPENID)).toBe(false);
  });

  test('anything that is not a fileID, an empty caller or an oversized fileID is refused', () => {
    expect(isOwnAvatarFile('avatars/o-wangli/a.jpg', OPENID)).toBe(false);
    expect(isOwnAvatarFile('https://example.invalid/avatars/o-wangli/a.jpg', OPENID)).toBe(false);
    expect(isOwnAvatarFile(fileOf('avatars//a.jpg'), '')).toBe(false);
    expect(isOwnAvatarFile(fileOf(`avatars/o-wangli/${'a'.repeat(300)}.jpg`), OPENID)).toBe(false);
    expect(cloudPathOfFileId('cloud://env.bucket')).toBeNull();
  });
});
