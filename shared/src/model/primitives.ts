import * as z from 'zod/mini';
import '../locale';
import { isLocalDate } from '../time/shanghai';

/** Database ids and other opaque keys: bounded, no operator characters. */
export const idSchema = z
  .string({ error: '缺少编号' })
  .check(
    z.minLength(1, { error: '编号不能为空' }),
    z.maxLength(64, { error: '编号过长' }),
    z.regex(/^[0-9A-Za-z_-]+$/, { error: '编号格式不正确' }),
  );

/** An instant, ISO 8601 with an explicit offset (`2025-03-01T09:30:00+08:00` or `…Z`). */
export const instantSchema = z.iso.datetime({ offset: true, error: '时间格式不正确，应为 ISO 8601 且带时区' });

/** A calendar month, e.g. 2027-03. */
export const monthSchema = z
  .string({ error: '请选择月份' })
  .check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份格式应为 YYYY-MM' }));

/** A local calendar date in Asia/Shanghai. */
export const localDateSchema = z
  .string({ error: '请选择日期' })
  .check(z.refine(isLocalDate, { error: '日期格式不正确，应为 YYYY-MM-DD 且为真实存在的日期' }));

/** A booking slot start, `HH:mm`, 24-hour clock. */
export const timeOfDaySchema = z
  .string({ error: '请选择时间' })
  .check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: '时间格式不正确，应为 HH:mm' }));

/** Money is integer fen (分) everywhere; never floating point. */
export const fenSchema = z
  .number({ error: '金额必须是数字' })
  .check(
    z.int({ error: '金额必须是整数（单位：分）' }),
    z.gte(0, { error: '金额不能为负' }),
    z.lte(Number.MAX_SAFE_INTEGER, { error: '金额过大' }),
  );

/** A person's name (normalised, control and bidi characters refused): the rule lives in identity/person-name.ts. */
export { personNameSchema } from '../identity/person-name';

export const shortTextSchema = z.string().check(z.maxLength(200, { error: '内容不能超过 200 个字' }));

/** The codes of a label table (`{ code: '中文名' }`) as the non-empty tuple `z.enum` takes. */
export function labelCodes<K extends string>(labels: Readonly<Record<K, string>>): [K, ...K[]] {
  return Object.keys(labels) as [K, ...K[]];
}
