import { WX_ERRCODE } from './errors';

/** wxacode.getUnlimited: the scene is 1–32 visible characters from this set (WeChat docs). */
export const SCENE_MAX_CHARS = 32;
const SCENE_CHARSET = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]*$/;

export interface RuleViolation {
  errcode: number;
  errmsg: string;
}

/** Length is checked first, so an over-long scene reports 40169 whatever it contains. */
export function checkScene(scene: unknown): RuleViolation | null {
  const text = typeof scene === 'number' ? String(scene) : scene;
  if (typeof text !== 'string' || text.length === 0 || [...text].length > SCENE_MAX_CHARS) {
    return { errcode: WX_ERRCODE.INVALID_SCENE_LENGTH, errmsg: 'invalid length for scene, or the data is not json' };
  }
  if (!SCENE_CHARSET.test(text)) return { errcode: WX_ERRCODE.INVALID_SCENE, errmsg: 'invalid scene' };
  return null;
}

/** The page is a path like `pages/index/index`: no leading "/" and no query string. */
export function checkPage(page: unknown): RuleViolation | null {
  if (page === undefined) return null;
  if (typeof page !== 'string' || page.startsWith('/') || page.includes('?')) {
    return { errcode: WX_ERRCODE.INVALID_PAGE, errmsg: 'invalid page hint' };
  }
  return null;
}
