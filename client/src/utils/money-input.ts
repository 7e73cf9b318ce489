/**
 * Money typed in yuan (元) by staff → integer fen (分), exactly: the text is split at the decimal
 * point and never goes through a float multiplication ("2980.5" → 298050, "0.07" → 7).
 */

export const MONEY_MESSAGES = {
  empty: '请输入金额',
  format: '金额格式不正确，请输入数字，例如 2980 或 2980.50',
  decimals: '金额最多保留两位小数（精确到分）',
  tooLarge: '金额过大，请核对',
} as const;

export type FenParse = { ok: true; fen: number } | { ok: false; message: string };

/** Largest yuan amount accepted (10 billion yuan: far beyond any checkout, well inside safe integers). */
export const MAX_YUAN = 10_000_000_000;

/**
 * Yuan text → fen. Spaces, a leading ¥/￥ and thousands commas are tolerated; a sign, letters,
 * more than two decimals or several points are refused with a reason.
 */
export function yuanToFen(text: string): FenParse {
  const tidy = text
    .replace(/[\s,，]/g, '')
    .replace(/^[¥￥]/, '')
    .replace(/。/g, '.');
  if (!tidy) return { ok: false, message: MONEY_MESSAGES.empty };
  const match = /^(\d*)(?:\.(\d*))?$/.exec(tidy);
  if (!match || (match[1] === '' && (match[2] ?? '') === '')) return { ok: false, message: MONEY_MESSAGES.format };
  const whole = match[1] ?? '';
  const decimals = match[2] ?? '';
  if (decimals.length > 2) return { ok: false, message: MONEY_MESSAGES.decimals };
  const yuan = whole === '' ? 0 : Number(whole);
  if (!Number.isSafeInteger(yuan) || yuan > MAX_YUAN) return { ok: false, message: MONEY_MESSAGES.tooLarge };
  const fen = yuan * 100 + Number(decimals.padEnd(2, '0'));
  return { ok: true, fen };
}
