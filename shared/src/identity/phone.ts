import * as z from 'zod/mini';
import '../locale';

/**
 * Mainland mobile numbers identify a person (docs/business-rules.md §2: a person is filed once, ever, by
 * their normalised number). Canonical form: 11 digits, `1[3-9]xxxxxxxxx`, no prefix.
 */
export const CANONICAL_PHONE_RE = /^1[3-9]\d{9}$/;

export type PhoneProblem =
  'empty' | 'invalid_chars' | 'landline' | 'foreign' | 'too_short' | 'too_long' | 'invalid_prefix';

export const PHONE_MESSAGES: Record<PhoneProblem, string> = {
  empty: '请填写手机号码',
  invalid_chars: '手机号码只能包含数字',
  landline: '请填写手机号码，不支持座机号码',
  foreign: '暂不支持境外手机号码，请填写中国大陆手机号码',
  too_short: '手机号码位数不足，应为 11 位',
  too_long: '手机号码位数过多，应为 11 位',
  invalid_prefix: '不是有效的中国大陆手机号码',
};

export type PhoneResult = { ok: true; phone: string } | { ok: false; reason: PhoneProblem; message: string };

const bad = (reason: PhoneProblem): PhoneResult => ({ ok: false, reason, message: PHONE_MESSAGES[reason] });

// Separators people type or paste: spaces (incl. NBSP/ideographic), hyphens, dashes, dots, brackets.
const SEPARATORS = /[\s\-‐‑‒–—―().·]/g;

export function normalizePhone(raw: string): PhoneResult {
  // NFKC turns full-width digits and ＋ into ASCII.
  const compact = raw.normalize('NFKC').replace(SEPARATORS, '');
  if (compact === '') return bad('empty');
  if (!/^\+?\d+$/.test(compact)) return bad('invalid_chars');

  let digits = compact;
  if (digits.startsWith('+')) {
    if (!digits.startsWith('+86')) return bad('foreign');
    digits = digits.slice(3);
  } else if (digits.startsWith('0086')) {
    digits = digits.slice(4);
  } else if (digits.startsWith('00')) {
    return bad('foreign');
  } else if (digits.startsWith('86') && digits.length === 13) {
    digits = digits.slice(2);
  }

  // Area codes start with 0 (010-12345678, 0871-1234567); 7–8 digit local numbers never start with 1.
  if (digits.startsWith('0')) return bad('landline');
  if (!digits.startsWith('1'))
    return digits.length >= 7 && digits.length <= 8 ? bad('landline') : bad('invalid_prefix');
  if (digits.length < 11) return bad('too_short');
  if (digits.length > 11) return bad('too_long');
  if (!CANONICAL_PHONE_RE.test(digits)) return bad('invalid_prefix');
  return { ok: true, phone: digits };
}

/** A stored, already-canonical phone. */
export const canonicalPhoneSchema = z
  .string({ error: '请填写手机号码' })
  .check(z.regex(CANONICAL_PHONE_RE, { error: '手机号码格式不正确，应为 11 位中国大陆手机号码' }));

/** What a person types; parses to the canonical form or fails with a Chinese reason. */
export const phoneInputSchema = z.pipe(
  z.string({ error: '请填写手机号码' }).check(z.maxLength(32, { error: '手机号码过长' })),
  z.transform((value: string, ctx) => {
    const result = normalizePhone(value);
    if (!result.ok) {
      ctx.issues.push({ code: 'custom', message: result.message, input: value });
      return z.NEVER;
    }
    return result.phone;
  }),
);
