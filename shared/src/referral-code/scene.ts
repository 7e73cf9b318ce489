import { parseReferralCode, type CodeResult } from './code';

/** `wxacode.getUnlimited`: scene ≤ 32 visible characters of this set. */
export const SCENE_MAX_LENGTH = 32;
export const SCENE_CHARSET_RE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]*$/;

export function isValidScene(scene: string): boolean {
  return scene.length > 0 && scene.length <= SCENE_MAX_LENGTH && SCENE_CHARSET_RE.test(scene);
}

/** The scene string for a card's mini-program code, e.g. `r=ABCD2345`. */
export function sceneForCode(code: string, prefix = 'r='): string {
  const scene = `${prefix}${code}`;
  if (!isValidScene(scene)) throw new RangeError(`场景值不合规：${scene}`);
  return scene;
}

/**
 * Reads the code back from a landing page's scene. WeChat hands the page the scene URL-encoded
 * (`r%3DABCD2345`), so it is decoded once first.
 */
export function codeFromScene(scene: string, prefix = 'r=', bodyLength = 7): CodeResult {
  let decoded = scene;
  try {
    decoded = decodeURIComponent(scene);
  } catch {
    // Not percent-encoded after all; use as is.
  }
  if (!decoded.startsWith(prefix)) {
    return { ok: false, reason: 'invalid_chars', message: '二维码无效，请向推荐人重新索取' };
  }
  return parseReferralCode(decoded.slice(prefix.length), bodyLength);
}
