import fc from 'fast-check';
import {
  activeCardOf,
  CODE_ALPHABET,
  codeFromScene,
  checkCharacter,
  detectSelfReferral,
  generateReferralCode,
  generateUniqueReferralCode,
  isValidReferralCode,
  isValidScene,
  issueCard,
  MAX_CODE_LENGTH,
  normalizeCodeInput,
  parseCodeOfAnyLength,
  parseReferralCode,
  referralCodeInputSchema,
  resolveCard,
  revokeCard,
  sceneForCode,
  type CardHolder,
  type ReferralCard,
} from '../../src';

const seq = (values: number[]) => {
  let i = 0;
  return () => values[i++ % values.length] as number;
};
const code = generateReferralCode(seq([0, 5, 10, 15, 20, 25, 30]));

describe('referral codes', () => {
  test('alphabet has no 0/O/1/I/L and 31 symbols', () => {
    expect(CODE_ALPHABET).toHaveLength(31);
    expect(CODE_ALPHABET).not.toMatch(/[01OIL]/);
    expect(new Set(CODE_ALPHABET).size).toBe(31);
  });

  test('codes are 8 characters: 7 random plus a check character', () => {
    expect(code).toBe('27CHPUZ' + checkCharacter('27CHPUZ'));
    expect(code).toHaveLength(8);
    expect(parseReferralCode(code)).toEqual({ ok: true, code });
    expect(generateReferralCode(seq([1]), 5)).toHaveLength(6);
  });

  test('a random source out of range is refused', () => {
    expect(() => generateReferralCode(() => 31)).toThrow('随机数超出范围');
    expect(() => generateReferralCode(() => -1)).toThrow();
    expect(() => generateReferralCode(() => 0.5)).toThrow();
  });

  test('typed input is normalised: case, spaces, hyphens, full-width', () => {
    const lower = `${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`;
    expect(parseReferralCode(lower)).toEqual({ ok: true, code });
    const fullWidth = code.replace(/[A-Z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    expect(parseReferralCode(` ${fullWidth} `)).toEqual({ ok: true, code });
    expect(referralCodeInputSchema.parse(lower)).toBe(code);
    expect(referralCodeInputSchema.safeParse('x').error?.issues[0]?.message).toBe('推荐码位数不对，请核对后重新输入');
    expect(referralCodeInputSchema.safeParse('A'.repeat(33)).error?.issues[0]?.message).toBe('推荐码过长');
  });

  test('normalizeCodeInput is what a field shows of typed input: folded, spaces and hyphens gone, upper case', () => {
    expect(normalizeCodeInput(' 34mj-w8ar ')).toBe('34MJW8AR');
    expect(normalizeCodeInput('３４ｍｊ　w8ar')).toBe('34MJW8AR');
    // It does not judge: a wrong character stays for parseReferralCode to explain.
    expect(normalizeCodeInput('o1')).toBe('O1');
    expect(MAX_CODE_LENGTH).toBe(13);
  });

  test('mistypes are caught before any lookup, with a reason', () => {
    expect(parseReferralCode('')).toMatchObject({ ok: false, reason: 'empty', message: '请输入推荐码' });
    expect(parseReferralCode('ABCD0EFG')).toMatchObject({ ok: false, reason: 'ambiguous_chars' });
    expect(parseReferralCode('ABCDIEFG').ok).toBe(false);
    expect(parseReferralCode('ABCD#EFG')).toMatchObject({ ok: false, reason: 'invalid_chars' });
    expect(parseReferralCode(code.slice(1))).toMatchObject({ ok: false, reason: 'wrong_length' });
    expect(parseReferralCode(code + 'A')).toMatchObject({ ok: false, reason: 'wrong_length' });
    expect(isValidReferralCode(code)).toBe(true);
    expect(isValidReferralCode('2222222A')).toBe(false);
  });

  test('every single substitution and adjacent swap is detected (property)', () => {
    const idx = fc.integer({ min: 0, max: 30 });
    fc.assert(
      fc.property(
        fc.array(idx, { minLength: 7, maxLength: 7 }),
        fc.integer({ min: 0, max: 7 }),
        fc.integer({ min: 1, max: 30 }),
        (body, pos, delta) => {
          const c = generateReferralCode(seq(body));
          const chars = c.split('');
          chars[pos] = CODE_ALPHABET[(CODE_ALPHABET.indexOf(chars[pos] as string) + delta) % 31] as string;
          expect(parseReferralCode(chars.join(''))).toMatchObject({
            ok: false,
            reason: 'checksum',
            message: '推荐码有误，请核对后重新输入',
          });
        },
      ),
    );
    fc.assert(
      fc.property(fc.array(idx, { minLength: 7, maxLength: 7 }), fc.integer({ min: 0, max: 6 }), (body, pos) => {
        const c = generateReferralCode(seq(body));
        fc.pre(c[pos] !== c[pos + 1]);
        const swapped = c.slice(0, pos) + c[pos + 1] + c[pos] + c.slice(pos + 2);
        expect(parseReferralCode(swapped).ok).toBe(false);
      }),
    );
  });

  test('codes reveal neither id nor phone: they come only from the random source', () => {
    // Same random draws → same code whoever the customer is; nothing else goes in.
    expect(generateReferralCode(seq([3, 1, 4, 1, 5, 9, 2]))).toBe(generateReferralCode(seq([3, 1, 4, 1, 5, 9, 2])));
    // The generator takes only the random source and a length: no id or phone can reach it.
    expect(generateReferralCode.length).toBe(1);
    expect(generateReferralCode(seq([3, 1, 4, 1, 5, 9, 2]))).not.toBe(generateReferralCode(seq([3, 1, 4, 1, 5, 9, 3])));
  });

  test('unique generation retries on a taken code and gives up after the attempts', () => {
    const taken = new Set([generateReferralCode(seq([0]))]);
    const r = generateUniqueReferralCode(seq([0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1]), (c) => taken.has(c));
    expect(r).toBe(generateReferralCode(seq([1])));
    expect(() => generateUniqueReferralCode(seq([0]), () => true)).toThrow('无法生成不重复的推荐码');
  });
});

describe('wxacode scene', () => {
  test('scene fits 32 visible characters with its prefix, and reads back', () => {
    const scene = sceneForCode(code);
    expect(scene).toBe(`r=${code}`);
    expect(isValidScene(scene)).toBe(true);
    expect(codeFromScene(scene)).toEqual({ ok: true, code });
    expect(codeFromScene(encodeURIComponent(scene))).toEqual({ ok: true, code });
    expect(codeFromScene('%E0%A4%A')).toMatchObject({ ok: false, message: '二维码无效，请向推荐人重新索取' });
    expect(codeFromScene('r=ABCDEFGH').ok).toBe(false);
    expect(codeFromScene('r=').ok).toBe(false);
  });
  test('scene prefix: a card issued under any prefix the clinic ever set keeps scanning', () => {
    // The prefix is a setting read when issuing; resolving ignores it (printed cards outlive settings).
    expect(codeFromScene(sceneForCode(code, 'ref='))).toEqual({ ok: true, code });
    expect(codeFromScene(`x=${code}`)).toEqual({ ok: true, code });
    expect(codeFromScene(code)).toEqual({ ok: true, code });
    expect(codeFromScene(encodeURIComponent(`a=b=${code}`))).toEqual({ ok: true, code });
    // Codes of another configured length resolve by their own length.
    const long = generateReferralCode(seq([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), 10);
    expect(codeFromScene(`r=${long}`)).toEqual({ ok: true, code: long });
    expect(parseCodeOfAnyLength(long.toLowerCase())).toEqual({ ok: true, code: long });
    expect(parseCodeOfAnyLength('2')).toMatchObject({ ok: false });
  });
  test('scene rules: length and charset', () => {
    expect(isValidScene('')).toBe(false);
    expect(isValidScene('a'.repeat(32))).toBe(true);
    expect(isValidScene('a'.repeat(33))).toBe(false);
    expect(isValidScene('r=中文')).toBe(false);
    expect(() => sceneForCode(code, 'x'.repeat(25))).toThrow('场景值不合规');
  });
});

describe('referral cards (over the holder document)', () => {
  const old = { id: 'old1', chainId: 'c1', kind: 'existing' as const };
  const now = '2025-03-01T10:00:00+08:00';
  const later = '2025-03-02T10:00:00+08:00';
  test('one active card per existing customer; issuing again returns it', () => {
    const first = issueCard(null, old, code, now);
    expect(first).toEqual({
      ok: true,
      created: true,
      active: { code, issuedAt: now },
      card: { code, customerId: 'old1', chainId: 'c1', status: 'active', issuedAt: now },
      holder: {
        customerId: 'old1',
        chainId: 'c1',
        activeCode: code,
        issuedAt: now,
        qrFileId: null,
        lastRevokedCode: null,
        updatedAt: now,
      },
    });
    const holder = first.ok && first.created ? first.holder : null;
    expect(issueCard(holder, old, 'OTHERCODE', later)).toEqual({
      ok: true,
      created: false,
      active: { code, issuedAt: now },
    });
    expect(activeCardOf({ ...(holder as CardHolder), qrFileId: 'cloud://qr' })).toEqual({
      code,
      issuedAt: now,
      qrFileId: 'cloud://qr',
    });
    expect(activeCardOf(null)).toBeUndefined();
    expect(issueCard(null, { ...old, kind: 'new' }, code, now)).toMatchObject({
      ok: false,
      code: 'NOT_EXISTING_CUSTOMER',
    });
  });
  test('revoking frees the customer for a new code; a revoked code never resolves', () => {
    const card: ReferralCard = { code, customerId: 'old1', chainId: 'c1', status: 'active', issuedAt: now };
    const issued = issueCard(null, old, code, now);
    const holder = issued.ok && issued.created ? issued.holder : null;
    const r = revokeCard(holder, later);
    expect(r).toEqual({
      ok: true,
      revokedCode: code,
      card: { status: 'revoked', revokedAt: later },
      holder: { ...holder, activeCode: null, issuedAt: null, qrFileId: null, lastRevokedCode: code, updatedAt: later },
    });
    const revokedHolder = r.ok ? r.holder : null;
    expect(revokeCard(revokedHolder, later)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(revokeCard(null, later)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    // The next issue starts a new card and remembers the revoked code.
    const again = issueCard(revokedHolder, old, 'NEWCODE2', later);
    expect(again).toMatchObject({ ok: true, created: true, holder: { activeCode: 'NEWCODE2', lastRevokedCode: code } });
    expect(resolveCard({ ...card, status: 'revoked', revokedAt: later })).toBeUndefined();
    expect(resolveCard(null)).toBeUndefined();
    expect(resolveCard(card)).toBe(card);
    expect(resolveCard(card, 'c1')).toBe(card);
    expect(resolveCard(card, 'c2')).toBeUndefined();
  });
  test('self-referral: same person, phone or OPENID', () => {
    const me = { customerId: 'old1', phone: '13800138000', openids: ['o1', 'o2'] };
    expect(detectSelfReferral(me, { customerId: 'old1' })).toBe('same_person');
    expect(detectSelfReferral(me, { phone: '13800138000' })).toBe('same_phone');
    expect(detectSelfReferral(me, { openids: ['o2'] })).toBe('same_openid');
    expect(detectSelfReferral(me, { customerId: 'n', phone: '13900139000', openids: ['o3'] })).toBeNull();
    expect(detectSelfReferral({}, {})).toBeNull();
  });
});
