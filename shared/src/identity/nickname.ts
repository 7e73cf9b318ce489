import * as z from 'zod/mini';
import '../locale';
import {
  normalizePersonName,
  PERSON_NAME_MAX_CHARS,
  PERSON_NAME_MAX_INPUT,
  type PersonNameProblem,
} from './person-name';

/**
 * The WeChat nickname a card holder chooses to show friends (`<input type="nickname">`). It is cleaned
 * exactly like a person's name (person-name.ts: zero-width characters dropped, NFKC, trimmed, control,
 * format and separator characters refused, 1–20 characters), with messages that speak of a nickname.
 */
export const NICKNAME_MESSAGES: Record<PersonNameProblem, string> = {
  empty: '请填写昵称',
  unsupported_chars: '昵称包含不支持的字符',
  too_long: `昵称不能超过 ${PERSON_NAME_MAX_CHARS} 个字`,
};

/** At most 20 characters, so at most 40 UTF-16 units (characters outside the BMP take two). */
export const NICKNAME_MAX_UNITS = PERSON_NAME_MAX_CHARS * 2;

export const nicknameSchema = z.pipe(
  z
    .string({ error: NICKNAME_MESSAGES.empty })
    .check(z.maxLength(PERSON_NAME_MAX_INPUT, { error: NICKNAME_MESSAGES.too_long })),
  z.transform((value: string, ctx) => {
    const result = normalizePersonName(value);
    if (!result.ok) {
      ctx.issues.push({ code: 'custom', message: NICKNAME_MESSAGES[result.reason], input: value });
      return z.NEVER;
    }
    return result.name;
  }),
);
