import * as z from 'zod/mini';
import '../locale';

/**
 * Referral codes: random (so they reveal neither the customer id nor the phone), short, typed by
 * people. The alphabet leaves out 0/O and 1/I/L, which are read and typed ambiguously.
 * 31 symbols is a prime, so a weighted mod-31 check character catches every single substituted
 * character and every swap of two adjacent characters before any database lookup.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const BASE = CODE_ALPHABET.length; // 31

/** A source of uniform integers in [0, n); the cloud function passes crypto.randomInt. */
export type RandomInt = (n: number) => number;

function checkValue(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    // Weights 1..len are distinct and non-zero mod 31 for len < 31.
    sum += CODE_ALPHABET.indexOf(body[i] as string) * (i + 1);
  }
  return (BASE - (sum % BASE)) % BASE;
}

export function checkCharacter(body: string): string {
  return CODE_ALPHABET[checkValue(body)] as string;
}

export function generateReferralCode(random: RandomInt, bodyLength = 7): string {
  let body = '';
  for (let i = 0; i < bodyLength; i++) {
    const n = random(BASE);
    if (!Number.isInteger(n) || n < 0 || n >= BASE) throw new RangeError('随机数超出范围');
    body += CODE_ALPHABET[n];
  }
  return body + checkCharacter(body);
}

/** Draws until a code is free; `isTaken` is answered from data the caller already holds. */
export function generateUniqueReferralCode(
  random: RandomInt,
  isTaken: (code: string) => boolean,
  bodyLength = 7,
  maxAttempts = 8,
): string {
  for (let i = 0; i < maxAttempts; i++) {
    const code = generateReferralCode(random, bodyLength);
    if (!isTaken(code)) return code;
  }
  throw new Error('无法生成不重复的推荐码');
}

export type CodeProblem = 'empty' | 'ambiguous_chars' | 'invalid_chars' | 'wrong_length' | 'checksum';
export const CODE_MESSAGES: Record<CodeProblem, string> = {
  empty: '请输入推荐码',
  ambiguous_chars: '推荐码中没有 0、O、1、I、L，请核对后重新输入',
  invalid_chars: '推荐码只包含数字和字母',
  wrong_length: '推荐码位数不对，请核对后重新输入',
  checksum: '推荐码有误，请核对后重新输入',
};
export type CodeResult = { ok: true; code: string } | { ok: false; reason: CodeProblem; message: string };

/**
 * What a person typed or pasted, as the code it stands for: full-width characters folded (NFKC),
 * spaces and hyphens dropped, upper case. Says nothing about validity (`parseReferralCode` does).
 */
export function normalizeCodeInput(raw: string): string {
  return raw.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
}

/**
 * Normalises what a person typed (case, spaces, hyphens, full-width) and verifies the check
 * character. Only a code that passes is worth a database lookup.
 */
export function parseReferralCode(raw: string, bodyLength = 7): CodeResult {
  const fail = (reason: CodeProblem): CodeResult => ({ ok: false, reason, message: CODE_MESSAGES[reason] });
  const code = normalizeCodeInput(raw);
  if (code === '') return fail('empty');
  if (/[01OIL]/.test(code)) return fail('ambiguous_chars');
  if (!/^[2-9A-Z]+$/.test(code)) return fail('invalid_chars');
  if (code.length !== bodyLength + 1) return fail('wrong_length');
  const body = code.slice(0, -1);
  if (checkCharacter(body) !== code.slice(-1)) return fail('checksum');
  return { ok: true, code };
}

/** Shortest and longest code bodies a clinic may configure (`referralCode.bodyLength`). */
export const MIN_CODE_BODY = 5;
export const MAX_CODE_BODY = 12;
/** The longest code a clinic may issue (body + check character), for input fields. */
export const MAX_CODE_LENGTH = MAX_CODE_BODY + 1;

/**
 * A code of any configurable length: the length is read off the code itself, so codes issued
 * before a clinic changed `referralCode.bodyLength` keep resolving. The check character still
 * has to match, so a typo is refused before any database read.
 */
export function parseCodeOfAnyLength(raw: string): CodeResult {
  const length = normalizeCodeInput(raw).length;
  const bodyLength = Math.min(MAX_CODE_BODY, Math.max(MIN_CODE_BODY, length - 1));
  return parseReferralCode(raw, bodyLength);
}

export function isValidReferralCode(raw: string, bodyLength = 7): boolean {
  return parseReferralCode(raw, bodyLength).ok;
}

/** Input schema for a typed code (default length); parses to the canonical upper-case code. */
export const referralCodeInputSchema = z.pipe(
  z.string({ error: '请输入推荐码' }).check(z.maxLength(32, { error: '推荐码过长' })),
  z.transform((value: string, ctx) => {
    const result = parseReferralCode(value);
    if (!result.ok) {
      ctx.issues.push({ code: 'custom', message: result.message, input: value });
      return z.NEVER;
    }
    return result.code;
  }),
);
