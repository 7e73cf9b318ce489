import * as fc from 'fast-check';
import {
  bookingContract,
  customerSchema,
  normalizePersonName,
  parseActionInput,
  PERSON_NAME_MESSAGES,
  personNameSchema,
} from '../../src';

const accepted = (raw: string) => {
  const r = normalizePersonName(raw);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(raw)} to be accepted, got ${r.reason}`);
  return r.name;
};
const reason = (raw: string) => {
  const r = normalizePersonName(raw);
  return r.ok ? `accepted as ${JSON.stringify(r.name)}` : r.reason;
};

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

describe('person name: normal names are kept', () => {
  test('Chinese names, compound surnames and characters outside the BMP', () => {
    for (const name of ['张三', '林', '欧阳娜娜', '司马相如', '𠮷野家', '王㛃']) expect(accepted(name)).toBe(name);
  });
  test('names with a middle dot: 迪丽热巴·迪力木拉提', () => {
    expect(accepted('迪丽热巴·迪力木拉提')).toBe('迪丽热巴·迪力木拉提');
    expect(accepted('阿沛·阿旺晋美')).toBe('阿沛·阿旺晋美');
  });
  test('middle-dot look-alikes become ·', () => {
    for (const dot of ['・', '･', '•', '‧', '∙', '⋅', '·']) {
      expect(accepted(`迪丽热巴${dot}迪力木拉提`)).toBe('迪丽热巴·迪力木拉提');
    }
  });
  test('latin names keep their case, apostrophes, hyphens and inner spaces', () => {
    for (const name of ['Anna', 'Anna Müller', "O'Brien", 'Jean-Luc Picard', 'J. Smith', 'Zoë']) {
      expect(accepted(name)).toBe(name);
    }
  });
});

describe('person name: NFKC, trimming and inner whitespace', () => {
  test('full-width letters become ASCII; decomposed accents are composed', () => {
    expect(accepted('Ａｎｎａ')).toBe('Anna');
    expect(accepted('Mu\u0308ller')).toBe('Müller');
    expect(accepted('㈱林')).toBe('(株)林');
  });
  test('leading and trailing whitespace, line breaks included, is trimmed', () => {
    expect(accepted('  张三  ')).toBe('张三');
    expect(accepted('\n张三\t\r\n')).toBe('张三');
    expect(accepted('\u3000张三\u00A0')).toBe('张三');
  });
  test('runs of spaces inside (ASCII, ideographic, no-break, en/em) collapse to one', () => {
    expect(accepted('Anna    Li')).toBe('Anna Li');
    expect(accepted('张\u3000\u3000三')).toBe('张 三');
    expect(accepted('Anna\u00A0\u2003Li')).toBe('Anna Li');
  });
});

describe('person name: zero-width characters are removed', () => {
  test.each([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff])('%s inside, before and after the name', (cp) => {
    const zw = String.fromCodePoint(cp);
    expect(accepted(`张${zw}三`)).toBe('张三');
    expect(accepted(`${zw}张三${zw}`)).toBe('张三');
    expect(accepted(` ${zw} 张三`)).toBe('张三');
  });
  test('removed before normalisation, so what they separated is composed: e + ZWSP + ◌́ → é', () => {
    expect(accepted('Zoe\u200B\u0308')).toBe('Zoë');
    expect(accepted('e\u2060\u0301')).toBe('\u00E9');
  });
  test('a name made only of zero-width characters (and spaces) is empty: 请填写姓名', () => {
    expect(normalizePersonName('\u200B\u200C\u200D\u2060\uFEFF')).toEqual({
      ok: false,
      reason: 'empty',
      message: '请填写姓名',
    });
    expect(reason(' \u200B \u3000 \uFEFF ')).toBe('empty');
    expect(reason('')).toBe('empty');
    expect(reason('   ')).toBe('empty');
  });
});

describe('person name: unsupported characters are refused (姓名包含不支持的字符)', () => {
  test('NUL', () => {
    expect(normalizePersonName('张\u0000三')).toEqual({
      ok: false,
      reason: 'unsupported_chars',
      message: '姓名包含不支持的字符',
    });
    expect(reason('\u0000')).toBe('unsupported_chars');
    expect(reason('张三\u0000')).toBe('unsupported_chars');
  });
  test('every C0 control character inside a name (tabs and line breaks too), and DEL', () => {
    for (let cp = 0x00; cp <= 0x1f; cp++) {
      expect([hex(cp), reason(`张${String.fromCodePoint(cp)}三`)]).toEqual([hex(cp), 'unsupported_chars']);
    }
    expect(reason('张\u007F三')).toBe('unsupported_chars');
  });
  test('every C1 control character, also at the ends (trim does not remove them)', () => {
    for (let cp = 0x80; cp <= 0x9f; cp++) {
      expect([hex(cp), reason(`张三${String.fromCodePoint(cp)}`)]).toEqual([hex(cp), 'unsupported_chars']);
    }
  });
  test.each([0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c])(
    'bidi control %s',
    (cp) => {
      const c = String.fromCodePoint(cp);
      expect(reason(`${c}张三`)).toBe('unsupported_chars');
      expect(reason(`张${c}三`)).toBe('unsupported_chars');
      expect(reason(c)).toBe('unsupported_chars');
    },
  );
  test('the classic override attack: a name that displays reversed', () => {
    expect(reason('\u202E三张')).toBe('unsupported_chars');
    expect(reason('Anna\u2067Li\u2069')).toBe('unsupported_chars');
  });
  test('other invisible format characters and line/paragraph separators inside a name', () => {
    for (const cp of [0x00ad, 0x180e, 0x2061, 0x206a, 0xfff9, 0xe0041, 0x2028, 0x2029]) {
      expect([hex(cp), reason(`张${String.fromCodePoint(cp)}三`)]).toEqual([hex(cp), 'unsupported_chars']);
    }
  });
  test('lone surrogates (high, low, reversed pair), while a real pair is one character', () => {
    expect(reason('\uD842')).toBe('unsupported_chars');
    expect(reason('张\uDFB7')).toBe('unsupported_chars');
    expect(reason('\uDFB7\uD842')).toBe('unsupported_chars');
    expect(reason('林\uD83D')).toBe('unsupported_chars');
    expect(accepted('\uD842\uDFB7')).toBe('𠮷');
  });
});

describe('person name: 1–20 characters after normalisation, counted by code points', () => {
  test('20 characters pass, 21 do not', () => {
    expect(accepted('张'.repeat(20))).toBe('张'.repeat(20));
    expect(normalizePersonName('张'.repeat(21))).toEqual({
      ok: false,
      reason: 'too_long',
      message: '姓名不能超过 20 个字',
    });
  });
  test('characters outside the BMP count once (20 × 𠮷 is 40 UTF-16 units)', () => {
    expect(accepted('𠮷'.repeat(20))).toBe('𠮷'.repeat(20));
    expect(reason('𠮷'.repeat(21))).toBe('too_long');
  });
  test('counted after normalisation: removed zero-width characters and collapsed spaces do not count', () => {
    expect(accepted(`${'\u200B'.repeat(30)}${'张'.repeat(20)}`)).toBe('张'.repeat(20));
    expect(accepted(`${'A'.repeat(9)}${' '.repeat(30)}${'B'.repeat(10)}`)).toBe(`${'A'.repeat(9)} ${'B'.repeat(10)}`);
  });
  test('an NFKC expansion can make a name too long', () => {
    expect(accepted('㈱'.repeat(6))).toBe('(株)'.repeat(6));
    expect(reason('㈱'.repeat(7))).toBe('too_long');
  });
});

describe('person name: the zod schema (contract and stored records)', () => {
  test('parses to the normalised name', () => {
    expect(personNameSchema.parse(' 迪丽热巴・迪力木拉提\u200B ')).toBe('迪丽热巴·迪力木拉提');
  });
  test('fails with the rule’s Chinese message', () => {
    const messageOf = (input: unknown) => {
      const r = personNameSchema.safeParse(input);
      return r.success ? null : r.error.issues[0]?.message;
    };
    expect(messageOf('\u202E张三')).toBe(PERSON_NAME_MESSAGES.unsupported_chars);
    expect(messageOf('\u200B')).toBe('请填写姓名');
    expect(messageOf(undefined)).toBe('请填写姓名');
    expect(messageOf(42)).toBe('请填写姓名');
    expect(messageOf('张'.repeat(21))).toBe('姓名不能超过 20 个字');
    // Over 100 UTF-16 units is refused before normalisation, even if it would shrink to a valid name.
    expect(messageOf(`${'\u200B'.repeat(99)}张三`)).toBe('姓名不能超过 20 个字');
  });
  test('booking.create: the name field follows the rule', () => {
    const create = {
      storeId: 'store1',
      productId: 'prod1',
      date: '2025-03-10',
      slot: '14:30',
      name: '\u3000林\u200B ',
      phone: '13800138000',
      consentVersion: 'v1',
      sensitiveConsent: true,
    };
    expect(parseActionInput(bookingContract, 'create', create)).toMatchObject({ ok: true, data: { name: '林' } });
    expect(parseActionInput(bookingContract, 'create', { ...create, name: '张\u0000三' })).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: '姓名包含不支持的字符（字段 name）',
    });
    expect(parseActionInput(bookingContract, 'create', { ...create, name: '\u200B\u200D' })).toMatchObject({
      message: '请填写姓名（字段 name）',
    });
    expect(parseActionInput(bookingContract, 'create', { ...create, name: 'Anna\u202ELi' })).toMatchObject({
      ok: false,
    });
  });
  test('stored customers use it too', () => {
    const customer = {
      id: 'c1',
      chainId: 'chain1',
      storeId: 'store1',
      name: '李\u2066四',
      phone: '13800138000',
      kind: 'existing',
      createdAt: '2025-03-01T09:00:00+08:00',
    };
    expect(customerSchema.safeParse(customer).success).toBe(false);
    expect(customerSchema.parse({ ...customer, name: '李四' }).name).toBe('李四');
  });
});

describe('person name: properties', () => {
  const BAD = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;
  test('an accepted name is clean, trimmed, single-spaced, 1–20 code points, and normalising it again changes nothing', () => {
    const pieces = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 8 }),
      fc.string({ unit: 'binary', maxLength: 8 }),
      fc.constantFrom(
        '张',
        '·',
        ' ',
        '\u3000',
        '\u200B',
        '\uFEFF',
        '\u202E',
        '\u0000',
        '\t',
        '\uD800',
        '𠮷',
        'Ａ',
        'e',
        '\u0301',
        '・',
      ),
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 6 }), (parts) => {
        const r = normalizePersonName(parts.join(''));
        if (!r.ok) return;
        expect(BAD.test(r.name)).toBe(false);
        expect(r.name).toBe(r.name.trim());
        expect(r.name).not.toMatch(/\p{Zs}{2}/u);
        const length = Array.from(r.name).length;
        expect(length).toBeGreaterThanOrEqual(1);
        expect(length).toBeLessThanOrEqual(20);
        expect(normalizePersonName(r.name)).toEqual({ ok: true, name: r.name });
      }),
      { numRuns: 2000 },
    );
  });
});
