/**
 * 企业微信 `miniprogram_notice` (an application message that opens a page of the clinic's
 * mini-program): the limits the service enforces, checked before sending so that a message that
 * would be refused is a test failure, not a retry. Lengths are characters (the service documents
 * them in Chinese characters).
 */
export const WECOM_NOTICE_LIMITS = {
  title: { min: 4, max: 12 },
  description: { min: 4, max: 12 },
  items: 10,
  itemKey: 10,
  itemValue: 30,
  pageBytes: 1024,
} as const;

export interface WeComNotice {
  /** A page of the mini-program, without a leading slash (query allowed). */
  page: string;
  title: string;
  description?: string;
  /** Shown as key-value rows; the first one large when `emphasiseFirst`. */
  items: readonly { key: string; value: string }[];
  emphasiseFirst?: boolean;
}

const length = (s: string) => [...s].length;

/** What in the notice the service would refuse (empty: it is sendable). */
export function checkWeComNotice(notice: WeComNotice): string[] {
  const L = WECOM_NOTICE_LIMITS;
  const problems: string[] = [];
  const within = (what: string, s: string, min: number, max: number) => {
    if (length(s) < min || length(s) > max) problems.push(`${what} 应为 ${min}–${max} 个字（现为 ${length(s)}）`);
  };
  within('标题', notice.title, L.title.min, L.title.max);
  if (notice.description !== undefined) within('描述', notice.description, L.description.min, L.description.max);
  if (notice.items.length > L.items) problems.push(`内容最多 ${L.items} 项（现为 ${notice.items.length}）`);
  notice.items.forEach((item, i) => {
    if (length(item.key) > L.itemKey) problems.push(`第 ${i + 1} 项名称超过 ${L.itemKey} 个字`);
    if (length(item.value) > L.itemValue) problems.push(`第 ${i + 1} 项内容超过 ${L.itemValue} 个字`);
    if (item.key === '' && item.value === '') problems.push(`第 ${i + 1} 项为空`);
  });
  if (notice.page.startsWith('/')) problems.push('页面路径不能以 / 开头');
  if (new TextEncoder().encode(notice.page).length > L.pageBytes) problems.push(`页面路径超过 ${L.pageBytes} 字节`);
  return problems;
}

/** Cuts a value to `max` characters, marking the cut with an ellipsis (names, store names). */
export function fitWeComValue(text: string, max: number = WECOM_NOTICE_LIMITS.itemValue): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
