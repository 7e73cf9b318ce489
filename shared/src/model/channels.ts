import * as z from 'zod/mini';

/** Level-1 channels (docs/business-rules.md §2). The list is a clinic setting; these are the defaults. */
export const DEFAULT_CHANNELS = {
  referral: '老带新',
  search: '搜索',
  ecommerce: '电商',
  social: '社交',
  phone: '电话',
  mini_program: '小程序',
  walk_in: '直接来院',
} as const;
export type ChannelId = keyof typeof DEFAULT_CHANNELS | (string & {});
export const channelIdSchema = z.string().check(z.minLength(1), z.maxLength(32), z.regex(/^[a-z][a-z0-9_]*$/));
