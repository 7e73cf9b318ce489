/**
 * Masking for display: staff lists and referral pages show who, not the full identity.
 * `13800138000` → `138****8000`; `张三` → `张*`; `欧阳娜娜` → `欧阳**`; a one-character name
 * `林` → `*` (its only character is the whole name, so nothing of it is shown).
 */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** Two-character surnames that must stay whole (欧阳**, not 欧***). */
export const COMPOUND_SURNAMES = new Set([
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '轩辕',
  '令狐',
  '钟离',
  '端木',
  '独孤',
  '南宫',
  '西门',
  '百里',
  '呼延',
  '澹台',
  '公冶',
  '太史',
  '申屠',
  '闻人',
  '万俟',
  '赫连',
  '濮阳',
  '淳于',
  '单于',
  '拓跋',
  '左丘',
  '第五',
  '梁丘',
]);

export function maskName(name: string): string {
  // Array.from keeps characters outside the BMP whole.
  const chars = Array.from(name.trim());
  // One character is the whole name: showing it would identify the person.
  if (chars.length <= 1) return '*'.repeat(chars.length);
  const head = chars.slice(0, 2).join('');
  const keep = chars.length > 2 && COMPOUND_SURNAMES.has(head) ? 2 : 1;
  return chars.slice(0, keep).join('') + '*'.repeat(chars.length - keep);
}
