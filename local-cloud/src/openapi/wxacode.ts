import { createHash } from 'node:crypto';
import { WX_ERRCODE } from './errors';
import type { ApiHandler } from './handler';
import type { Rgba } from './png-writer';
import { renderQrPng } from './qr-png';
import { checkPage, checkScene } from './scene-rules';
import { wxError } from './wx-reply';

const DEFAULT_WIDTH = 430;
const MIN_WIDTH = 280;
const MAX_WIDTH = 1280;
const ENV_VERSIONS = ['release', 'trial', 'develop'];

/**
 * wxacode.getUnlimited: a real PNG QR code (not WeChat's round "sun code") for `<page>?scene=<scene>`,
 * also stored as `wxacode/<sha1>.png` so the gateway can show it. `check_path` is accepted but not
 * enforced: the stand-in does not know which pages the released mini-program has.
 */
export const getUnlimited: ApiHandler = (params, { storage }) => {
  const violation = checkScene(params.scene) ?? checkPage(params.page);
  if (violation) return wxError(violation.errcode, violation.errmsg);
  const envVersion = params.env_version ?? 'release';
  if (!ENV_VERSIONS.includes(envVersion as string)) return wxError(WX_ERRCODE.INVALID_ARGS, 'invalid args');

  const scene = String(params.scene);
  const page = typeof params.page === 'string' ? params.page : '';
  // The mini-program receives the scene URI-encoded in options.scene, as with real codes.
  const png = renderQrPng(`${page}?scene=${encodeURIComponent(scene)}`, {
    width: clampWidth(params.width),
    margin: 2,
    dark: lineColor(params),
    light: params.is_hyaline === true ? [255, 255, 255, 0] : [255, 255, 255, 255],
  });
  const sha1 = createHash('sha1').update(png).digest('hex');
  const fileId = storage.put(`wxacode/${sha1}.png`, png);
  return { type: 'binary', contentType: 'image/png', bytes: png, fileId };
};

/** The real API draws at roughly the requested width and clamps to 280–1280 px. */
function clampWidth(width: unknown): number {
  const n = typeof width === 'number' ? width : Number(width);
  if (!Number.isFinite(n)) return DEFAULT_WIDTH;
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.round(n)));
}

/** `line_color` ({r,g,b}, numbers or numeric strings) applies only when auto_color is off. */
function lineColor(params: Record<string, unknown>): Rgba {
  const color = params.line_color as Record<string, unknown> | undefined;
  if (params.auto_color === true || typeof color !== 'object' || color === null) return [0, 0, 0, 255];
  const channel = (v: unknown): number => Math.min(255, Math.max(0, Math.round(Number(v) || 0)));
  return [channel(color.r), channel(color.g), channel(color.b), 255];
}
