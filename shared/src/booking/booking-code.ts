import { CODE_ALPHABET, checkCharacter, type RandomInt } from '../referral-code/code';

/**
 * Booking codes: what staff scan (or type) at check-in. The referral codes' alphabet (no 0/O,
 * 1/I/L) and check character, but one character shorter (6 + 1), so the two never look alike.
 */
export const BOOKING_CODE_BODY_LENGTH = 6;

export function generateBookingCode(random: RandomInt): string {
  let body = '';
  for (let i = 0; i < BOOKING_CODE_BODY_LENGTH; i++) {
    const n = random(CODE_ALPHABET.length);
    if (!Number.isInteger(n) || n < 0 || n >= CODE_ALPHABET.length) throw new RangeError('随机数超出范围');
    body += CODE_ALPHABET[n];
  }
  return body + checkCharacter(body);
}

/** The canonical code, or null when it cannot be a booking code (typo, wrong length, bad check). */
export function parseBookingCode(raw: string): string | null {
  const code = raw.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== BOOKING_CODE_BODY_LENGTH + 1) return null;
  if ([...code].some((c) => !CODE_ALPHABET.includes(c))) return null;
  return checkCharacter(code.slice(0, -1)) === code.slice(-1) ? code : null;
}
