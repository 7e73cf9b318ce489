import { isLocalDate, type LocalDate } from '../time/shanghai';

/** A cell as the spreadsheet reader hands it over: text, a number, a date (xlsx date cells), a boolean or nothing. */
export type CellValue = string | number | boolean | Date | null;

const pad = (n: number) => String(n).padStart(2, '0');

/** A date cell's calendar day. Spreadsheet dates carry no zone: readers give them as UTC midnight. */
export function dateOfCell(value: Date): LocalDate | null {
  if (Number.isNaN(value.getTime())) return null;
  return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
}

/** The text of a cell, as a person would read it in Excel. */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return dateOfCell(value) ?? '';
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  return value.trim();
}

/** Excel's day 0 of its 1900 date system is 1899-12-30 (with its Feb 29 1900, day 60). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** 9999-12-31: the largest serial Excel shows as a date. */
const EXCEL_MAX_SERIAL = 2_958_465;

const DATE_PATTERNS: readonly RegExp[] = [
  // 2026-11-05, 2026/11/5, 2026.11.05, optionally with a time after it
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/,
  // 2026年11月5日
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
  // 20261105
  /^(\d{4})(\d{2})(\d{2})$/,
];

/**
 * A calendar date from what a CRM export puts in a date column: a date cell, an Excel serial number
 * (a date cell saved as a plain number) or text in the usual Chinese forms. Null when it is none of
 * these or not a real date (2026-02-30).
 */
export function parseCellDate(value: CellValue): LocalDate | null {
  if (value instanceof Date) return dateOfCell(value);
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 1 || value > EXCEL_MAX_SERIAL) return null;
    return dateOfCell(new Date(EXCEL_EPOCH_MS + value * DAY_MS));
  }
  const text = cellText(value).normalize('NFKC');
  for (const pattern of DATE_PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const [, y, m, d] = match as unknown as [string, string, string, string];
    const date = `${y}-${pad(Number(m))}-${pad(Number(d))}`;
    return isLocalDate(date) ? date : null;
  }
  return null;
}

const CHINESE_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5 };

/**
 * A star level 1–5 from `4`, `4.0`, `4星`, `4 星级`, `四星` or `★★★★`. Null when it is something
 * else (0, 6, `4.5`, `很好`); undefined when the cell is empty.
 */
export function parseStarLevel(value: CellValue): number | null | undefined {
  const text = cellText(value).normalize('NFKC').replace(/\s/g, '');
  if (text === '') return undefined;
  if (/^★{1,5}$/.test(text)) return text.length;
  const match = /^(\d+(?:\.0+)?|[一二两三四五])(?:星级?|级)?$/.exec(text);
  if (!match) return null;
  const token = match[1] as string;
  const level = CHINESE_DIGITS[token] ?? Number(token);
  return level >= 1 && level <= 5 ? level : null;
}
