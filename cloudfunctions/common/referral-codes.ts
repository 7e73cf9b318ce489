import { DEFAULT_SETTINGS, codeFromScene, parseReferralCode, type CodeResult } from '@clinic/shared';

const normalise = (raw: string) => raw.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();

/**
 * A typed code, checked (alphabet, check character) before any database read. The length is taken
 * from the code itself (5–12 body characters), so codes issued before a clinic changed
 * `referralCode.bodyLength` keep resolving.
 */
export function parseTypedCode(raw: string): CodeResult {
  const bodyLength = Math.min(12, Math.max(5, normalise(raw).length - 1));
  return parseReferralCode(raw, bodyLength);
}

/** The code in a scanned scene (`r=XXXXXXXX`, possibly URI-encoded), checked the same way. */
export function parseScene(scene: string): CodeResult {
  const prefix = DEFAULT_SETTINGS.referralCode.scenePrefix;
  let decoded = scene;
  try {
    decoded = decodeURIComponent(scene);
  } catch {
    // not percent-encoded
  }
  if (!decoded.startsWith(prefix)) return codeFromScene(scene, prefix);
  return parseTypedCode(decoded.slice(prefix.length));
}

export const LANDING_PAGE = 'pages/landing/index';
export const sharePathFor = (code: string) => `${LANDING_PAGE}?code=${code}`;
