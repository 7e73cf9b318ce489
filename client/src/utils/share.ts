/** Share paths and the landing page's route parameters. */
import { codeFromScene, PAGE_PATHS, parseCodeOfAnyLength } from '@clinic/shared';
import { CLINIC_NAME } from '../constants';

/** The title of a shared card (chats, Moments). */
export const SHARE_TITLE = `${CLINIC_NAME}：好友邀请您一起变美，新客专享礼遇`;
export const LANDING_PATH = PAGE_PATHS.landing;

/** `pages/landing/index?code=XXXX`: what a chat share opens (the function returns the same). */
export function sharePathFor(code: string): string {
  return `${LANDING_PATH}?code=${encodeURIComponent(code)}`;
}

/** The H5 address of the landing page (hash router), for copying in the browser. */
export function h5LandingUrl(origin: string, code: string): string {
  return `${origin}/#/${sharePathFor(code)}`;
}

/**
 * What the landing page resolves: a `code` (chat share, Moments, a copied link) or a scanned
 * mini-program code's `scene` (WeChat passes it URL-encoded: `r%3DXXXX` → `r=XXXX`).
 */
export function landingSource(
  params: Partial<Record<string, string | undefined>>,
): { code: string } | { scene: string } | null {
  const code = params.code?.trim();
  if (code) return { code: safeDecode(code) };
  const scene = params.scene?.trim();
  if (scene) return { scene: safeDecode(scene) };
  return null;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * The code a landing source stands for, canonical, when it is well-formed (only such a code can
 * have been kept on the device); null for a typo.
 */
export function codeOfSource(source: { code: string } | { scene: string }): string | null {
  const parsed = 'code' in source ? parseCodeOfAnyLength(source.code) : codeFromScene(source.scene);
  return parsed.ok ? parsed.code : null;
}
