import * as z from 'zod/mini';
import '../locale';

/**
 * A person's name as typed into a form (booking, staff desk) and as stored on customers, staff and
 * bookings. What is kept is what staff will read and what masking will show, so the name is
 * normalised once, here:
 *
 * 1. Zero-width characters are removed (U+200B–U+200D, U+2060, U+FEFF): invisible, they would make
 *    two equal-looking names differ.
 * 2. NFKC: full-width letters and digits become ASCII, ideographic and no-break spaces become
 *    plain spaces, compatibility forms (㈱ → (株)) are spelled out, accents are composed.
 * 3. Leading and trailing whitespace is trimmed.
 * 4. Refused with 姓名包含不支持的字符: control characters (C0 incl. NUL, DEL, C1; also tabs and line
 *    breaks inside the name), every other format character (bidi overrides, embeddings and isolates
 *    U+202A–U+202E, U+2066–U+2069, the marks U+200E/U+200F/U+061C, soft hyphens …), line and
 *    paragraph separators, and lone surrogates (a half of a character that cannot be displayed).
 * 5. Runs of spaces inside the name become one space; the middle-dot look-alikes people type
 *    (・ • ‧ ∙ ⋅) become the · (U+00B7) of 迪丽热巴·迪力木拉提.
 * 6. Nothing left → 请填写姓名; more than 20 characters (code points, so 𠮷 counts once) → too long.
 *
 * Digits, punctuation and emoji are not refused: a nickname such as "Anna 🌸" is the customer's
 * choice, and staff confirm the real name at the desk.
 */

export const PERSON_NAME_MAX_CHARS = 20;
/** Raw input above this many UTF-16 units is refused before any work (nothing that long normalises to 20). */
export const PERSON_NAME_MAX_INPUT = 100;

export type PersonNameProblem = 'empty' | 'unsupported_chars' | 'too_long';

export const PERSON_NAME_MESSAGES: Record<PersonNameProblem, string> = {
  empty: '请填写姓名',
  unsupported_chars: '姓名包含不支持的字符',
  too_long: `姓名不能超过 ${PERSON_NAME_MAX_CHARS} 个字`,
};

export type PersonNameResult = { ok: true; name: string } | { ok: false; reason: PersonNameProblem; message: string };

const bad = (reason: PersonNameProblem): PersonNameResult => ({
  ok: false,
  reason,
  message: PERSON_NAME_MESSAGES[reason],
});

/** Invisible characters that are dropped rather than refused. */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/gu;
/**
 * Cc = C0 (incl. NUL), DEL and C1; Cf = format characters, the bidi controls among them; Zl/Zp = line and
 * paragraph separators; Cs = surrogate code points, which a `u` regex only sees when they are unpaired.
 */
const UNSUPPORTED = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;
const SPACES = /\p{Zs}+/gu;
const MIDDLE_DOTS = /[\u30FB\u2022\u2027\u2219\u22C5]/gu;

export function normalizePersonName(raw: string): PersonNameResult {
  // Lone surrogates first: normalisation leaves them in place, but they must never be stored.
  if (/\p{Cs}/u.test(raw)) return bad('unsupported_chars');
  // Zero-width characters go before NFKC, so that what they separated is normalised together.
  const name = raw.replace(ZERO_WIDTH, '').normalize('NFKC').trim();
  if (UNSUPPORTED.test(name)) return bad('unsupported_chars');
  const tidy = name.replace(SPACES, ' ').replace(MIDDLE_DOTS, '·');
  if (tidy === '') return bad('empty');
  if (Array.from(tidy).length > PERSON_NAME_MAX_CHARS) return bad('too_long');
  return { ok: true, name: tidy };
}

/** A person's name in a contract or a stored record: parses to the normalised name or fails in Chinese. */
export const personNameSchema = z.pipe(
  z
    .string({ error: PERSON_NAME_MESSAGES.empty })
    .check(z.maxLength(PERSON_NAME_MAX_INPUT, { error: PERSON_NAME_MESSAGES.too_long })),
  z.transform((value: string, ctx) => {
    const result = normalizePersonName(value);
    if (!result.ok) {
      ctx.issues.push({ code: 'custom', message: result.message, input: value });
      return z.NEVER;
    }
    return result.name;
  }),
);
