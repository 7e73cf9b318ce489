import { parseCodeOfAnyLength, type CodeResult } from './code';

/** `wxacode.getUnlimited`: scene ≤ 32 visible characters of this set. */
export const SCENE_MAX_LENGTH = 32;
export const SCENE_CHARSET_RE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]*$/;

export function isValidScene(scene: string): boolean {
  return scene.length > 0 && scene.length <= SCENE_MAX_LENGTH && SCENE_CHARSET_RE.test(scene);
}

/** The scene string for a card's mini-program code: the clinic's prefix (`referralCode.scenePrefix`) and the code. */
export function sceneForCode(code: string, prefix = 'r='): string {
  const scene = `${prefix}${code}`;
  if (!isValidScene(scene)) throw new RangeError(`场景值不合规：${scene}`);
  return scene;
}

/**
 * Reads the code back from a landing page's scene, whatever prefix it was issued with: a clinic
 * may change `referralCode.scenePrefix`, and every card already printed must keep scanning. The
 * code is what follows the last `=` (codes never contain one), or the whole scene without one;
 * its check character is verified before any lookup. WeChat hands the page the scene URL-encoded
 * (`r%3DABCD2345`), so it is decoded once first.
 */
export function codeFromScene(scene: string): CodeResult {
  let decoded = scene;
  try {
    decoded = decodeURIComponent(scene);
  } catch {
    // Not percent-encoded after all; use as is.
  }
  const body = decoded.slice(decoded.lastIndexOf('=') + 1);
  const result = parseCodeOfAnyLength(body);
  return result.ok ? result : { ok: false, reason: result.reason, message: '二维码无效，请向推荐人重新索取' };
}
