/**
 * The value limits of subscribe-message template keywords (订阅消息 → 模板参数值限制). A template's
 * keys are `<kind><n>` (`thing1`, `character_string4`, `phone_number5` …); a value outside its kind's
 * limit makes `subscribeMessage.send` answer **47003** — a bug in the message builder, never worth a
 * retry, so every builder's output goes through `checkTemplateData` in a test.
 */

export const TEMPLATE_FIELD_KINDS = [
  'thing',
  'number',
  'letter',
  'symbol',
  'character_string',
  'time',
  'date',
  'amount',
  'phone_number',
  'car_number',
  'name',
  'phrase',
] as const;
export type TemplateFieldKind = (typeof TEMPLATE_FIELD_KINDS)[number];

export type TemplateData = Readonly<Record<string, { value: string }>>;

export interface TemplateProblem {
  key: string;
  problem: 'empty' | 'too_long' | 'bad_format' | 'unknown_kind';
  /** What the kind allows, in words (for the test's failure message). */
  detail: string;
}

/** `thing` values: at most 20 characters (code points). */
export const THING_MAX = 20;

const codePoints = (text: string) => [...text].length;
const HAN = /\p{Script=Han}/u;
const ONLY_HAN = /^\p{Script=Han}+$/u;
const HH_MM = '([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d)?';
const YMD = '\\d{4}(-\\d{1,2}-\\d{1,2}|/\\d{1,2}/\\d{1,2}|年\\d{1,2}月\\d{1,2}日)';
const TIME_RE = new RegExp(`^(${YMD} )?${HH_MM}( ?[~-] ?(${YMD} )?${HH_MM})?$`);
const DATE_RE = new RegExp(`^${YMD}( ${HH_MM})?( ?[~-] ?${YMD}( ${HH_MM})?)?$`);

interface Limit {
  detail: string;
  /** Longest value allowed (code points), given the value (name: 10 Chinese or 20 other). */
  max: (value: string) => number;
  /** Characters/format allowed. */
  format: RegExp;
}

const LIMITS: Record<TemplateFieldKind, Limit> = {
  thing: { detail: '20 个以内字符', max: () => THING_MAX, format: /^[\s\S]+$/ },
  number: { detail: '32 位以内数字，可带小数', max: () => 32, format: /^\d+(\.\d+)?$/ },
  letter: { detail: '32 位以内字母', max: () => 32, format: /^[A-Za-z]+$/ },
  symbol: { detail: '5 位以内符号', max: () => 5, format: /^[^\p{L}\p{N}\s]+$/u },
  character_string: { detail: '32 位以内数字、字母或符号', max: () => 32, format: /^[\x21-\x7e]+$/ },
  time: { detail: '24 小时制时间（可带日期），如 15:01 或 2019-10-01 15:01', max: () => 40, format: TIME_RE },
  date: { detail: '日期（可带时间），如 2019-10-01 或 2019年10月1日 15:01', max: () => 40, format: DATE_RE },
  amount: {
    detail: '1 个币种符号 + 10 位以内数字（可带小数），结尾可带“元”',
    max: () => 14,
    format: /^[¥￥$€£]?\d{1,10}(\.\d{1,2})?元?$/,
  },
  phone_number: { detail: '17 位以内数字或符号', max: () => 17, format: /^[\d+\-() ]+$/ },
  car_number: { detail: '8 位以内车牌', max: () => 8, format: /^[\p{Script=Han}A-Za-z0-9]+$/u },
  name: {
    detail: '10 个以内汉字或 20 个以内字母',
    max: (value) => (HAN.test(value) ? 10 : 20),
    format: /^[\p{Script=Han}A-Za-z ·.]+$/u,
  },
  phrase: { detail: '5 个以内汉字', max: () => 5, format: ONLY_HAN },
};

/** The kind of a template key: `thing1` → `thing`, `character_string4` → `character_string`. */
export function fieldKindOf(key: string): TemplateFieldKind | undefined {
  const match = /^([a-z_]+?)\d+$/.exec(key);
  const kind = match?.[1];
  return (TEMPLATE_FIELD_KINDS as readonly string[]).includes(kind ?? '') ? (kind as TemplateFieldKind) : undefined;
}

/** Every value of `data` that WeChat would refuse with 47003; empty when the message can go out. */
export function checkTemplateData(data: TemplateData): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const [key, field] of Object.entries(data)) {
    const kind = fieldKindOf(key);
    if (!kind) {
      problems.push({ key, problem: 'unknown_kind', detail: `未知的模板参数类型：${key}` });
      continue;
    }
    const limit = LIMITS[kind];
    const value = field.value;
    if (value.trim() === '') problems.push({ key, problem: 'empty', detail: '不能为空' });
    else if (codePoints(value) > limit.max(value)) problems.push({ key, problem: 'too_long', detail: limit.detail });
    else if (!limit.format.test(value)) problems.push({ key, problem: 'bad_format', detail: limit.detail });
  }
  return problems;
}

/** A `thing` value: cut to 20 characters (code points, so no emoji or rare character is split). */
export function fitThing(text: string): string {
  return [...text].slice(0, THING_MAX).join('');
}
