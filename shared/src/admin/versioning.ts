/**
 * Optimistic concurrency for what managers edit (the settings, a store, a product): each carries a
 * version that every saved change moves on by one; a save names the version it was made from and
 * is refused when someone saved in between, so nobody overwrites a change they never saw.
 */
export const STALE_VERSION_CODE = 'STALE_VERSION';

export interface VersionHolder {
  byName?: string;
}

export type VersionCheck = { ok: true; next: number } | { ok: false; code: typeof STALE_VERSION_CODE; message: string };

export function checkVersion(current: number, expected: number, last: VersionHolder = {}): VersionCheck {
  if (current === expected) return { ok: true, next: current + 1 };
  const who = last.byName ? `${last.byName} ` : '其他同事';
  return {
    ok: false,
    code: STALE_VERSION_CODE,
    message: `${who}刚刚保存了新的内容（第 ${current} 版），您的修改未保存。请刷新后在最新内容上重新修改`,
  };
}
