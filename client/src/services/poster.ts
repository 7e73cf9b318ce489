/**
 * Drawing the referral poster on the device, saving it and sharing it. The layout is pure
 * (utils/poster); here are the canvases — the browser's (H5: a PNG data URL) and weapp's Canvas 2d
 * node (a temp file) — and what each platform offers to keep or send the picture.
 */
import Taro from '@tarojs/taro';
import { drawQr } from '../utils/qr';
import {
  paintPoster,
  posterLayout,
  type PosterContent,
  type PosterCtx,
  type PosterImages,
  type PosterLayout,
  type PosterTemplateId,
} from '../utils/poster';

export type PosterResult = { ok: true; src: string; width: number; height: number } | { ok: false; message: string };

export interface PosterJob {
  template: PosterTemplateId;
  content: PosterContent;
  /** The mini-program code image; without it (or if it fails to load) a QR of `qrFallbackText` is drawn. */
  qrUrl?: string;
  qrFallbackText: string;
}

/** Poster px → image px: 600 → 1200 wide, sharp on every phone. */
const SCALE = 2;

interface ImageLike {
  src: string;
}

function loadInto<T extends ImageLike>(image: T, src: string): Promise<T | null> {
  return new Promise((resolve) => {
    const handlers = image as unknown as { onload: () => void; onerror: () => void };
    handlers.onload = () => resolve(image);
    handlers.onerror = () => resolve(null);
    image.src = src;
  });
}

function measureWith(ctx: PosterCtx) {
  return (text: string, font: string) => {
    ctx.font = font;
    return ctx.measureText(text).width;
  };
}

function paint(
  ctx: PosterCtx & { scale: (x: number, y: number) => void },
  layout: PosterLayout,
  images: PosterImages,
  qrText: string,
) {
  ctx.scale(SCALE, SCALE);
  paintPoster(ctx, layout, images, (x, y, size) => drawQr(ctx, qrText, x, y, size));
}

/** H5: draws on a detached <canvas>. Images load anonymously, so one from elsewhere without CORS is skipped, never tainting. */
export async function renderPosterH5(job: PosterJob): Promise<PosterResult> {
  if (process.env.TARO_ENV !== 'h5') return { ok: false, message: '仅浏览器可用' };
  try {
    return await drawH5(job);
  } catch {
    return { ok: false, message: '海报生成失败，请稍后重试' };
  }
}

async function drawH5(job: PosterJob): Promise<PosterResult> {
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d') as unknown as (PosterCtx & { scale: (x: number, y: number) => void }) | null;
  if (!ctx) return { ok: false, message: '当前浏览器不支持生成海报' };
  const layout = posterLayout(job.template, job.content, measureWith(ctx));
  canvas.width = layout.width * SCALE;
  canvas.height = layout.height * SCALE;
  const load = (src: string | undefined) => {
    if (!src) return Promise.resolve(null);
    const image = new Image();
    image.crossOrigin = 'anonymous';
    return loadInto(image, src);
  };
  const [qr, avatar] = await Promise.all([load(job.qrUrl), load(job.content.referrer.avatarUrl)]);
  paint(ctx, layout, { qr, avatar }, job.qrFallbackText);
  return { ok: true, src: canvas.toDataURL('image/png'), width: canvas.width, height: canvas.height };
}

interface WeappCanvas {
  width: number;
  height: number;
  getContext: (type: '2d') => unknown;
  createImage: () => ImageLike;
}

/** weapp: a remote picture (cloud temp URL, WeChat avatar) is downloaded first: canvas images need a local path. */
async function loadWeappImage(canvas: WeappCanvas, src: string | undefined): Promise<ImageLike | null> {
  if (!src) return null;
  try {
    const info = await Taro.getImageInfo({ src });
    return await loadInto(canvas.createImage(), info.path);
  } catch {
    return null;
  }
}

/** weapp: draws on the page's `<Canvas type="2d" id={canvasId}>`, returns a temp file path. */
export async function renderPosterWeapp(canvasId: string, job: PosterJob): Promise<PosterResult> {
  try {
    return await drawWeapp(canvasId, job);
  } catch {
    return { ok: false, message: '海报生成失败，请稍后重试' };
  }
}

async function drawWeapp(canvasId: string, job: PosterJob): Promise<PosterResult> {
  const canvas = await new Promise<WeappCanvas | undefined>((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${canvasId}`)
      .fields({ node: true, size: true })
      .exec((res: { node?: WeappCanvas }[]) => resolve(res?.[0]?.node));
  });
  if (!canvas) return { ok: false, message: '海报画布未就绪，请稍后重试' };
  const ctx = canvas.getContext('2d') as PosterCtx & { scale: (x: number, y: number) => void };
  const layout = posterLayout(job.template, job.content, measureWith(ctx));
  canvas.width = layout.width * SCALE;
  canvas.height = layout.height * SCALE;
  const [qr, avatar] = await Promise.all([
    loadWeappImage(canvas, job.qrUrl),
    loadWeappImage(canvas, job.content.referrer.avatarUrl),
  ]);
  paint(ctx, layout, { qr, avatar }, job.qrFallbackText);
  const file = await Taro.canvasToTempFilePath({ canvas: canvas as never, fileType: 'png' } as never);
  return { ok: true, src: file.tempFilePath, width: canvas.width, height: canvas.height };
}

export interface PosterAction {
  ok: boolean;
  /** A toast to show; none when the person simply closed a menu. */
  message?: string;
}

const cancelled = (e: unknown) => /cancel/i.test(String((e as { errMsg?: string } | null)?.errMsg ?? ''));

/** weapp: saves the poster to the album (asks for the album permission the first time). */
export async function savePosterToAlbum(tempFilePath: string): Promise<PosterAction> {
  try {
    await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath });
    return { ok: true, message: '海报已保存到相册' };
  } catch (e) {
    const errMsg = String((e as { errMsg?: string } | null)?.errMsg ?? '');
    if (/auth|deny|denied/i.test(errMsg)) {
      return { ok: false, message: '需要相册权限才能保存，请在右上角 ··· → 设置 中开启' };
    }
    if (cancelled(e)) return { ok: false };
    return { ok: false, message: '保存失败，请长按海报图片保存' };
  }
}

/**
 * weapp: WeChat's own share sheet for a picture (发送给朋友 / 分享到朋友圈 / 收藏 / 保存; base library
 * ≥ 2.14.3). Older clients get the picture full screen, where a long press offers the same.
 */
export async function sharePosterWeapp(tempFilePath: string): Promise<PosterAction> {
  // Taro 4.2.1 passes wx.showShareImageMenu through without promisifying it: callbacks work either way.
  type Callbacks = { path: string; success: () => void; fail: (e: unknown) => void };
  const taro = Taro as unknown as { showShareImageMenu?: (o: Callbacks) => unknown };
  if (typeof taro.showShareImageMenu === 'function' && Taro.canIUse('showShareImageMenu')) {
    const shown = await new Promise<{ ok: true } | { ok: false; error: unknown }>((resolve) => {
      const answer = (taro.showShareImageMenu as (o: Callbacks) => unknown)({
        path: tempFilePath,
        success: () => resolve({ ok: true }),
        fail: (error) => resolve({ ok: false, error }),
      }) as Promise<unknown> | undefined;
      // A promisified call reports through its promise too; the first answer wins.
      answer?.then?.(
        () => resolve({ ok: true }),
        (error: unknown) => resolve({ ok: false, error }),
      );
    });
    if (shown.ok || cancelled(shown.error)) return { ok: true };
    // Refused for another reason: the preview below still lets them send it.
  }
  try {
    await Taro.previewImage({ urls: [tempFilePath], current: tempFilePath });
    return { ok: true, message: '长按图片即可发送给朋友或保存' };
  } catch {
    return { ok: false, message: '请长按海报图片发送给朋友' };
  }
}

/** H5: the poster as a PNG file (for the Web Share API), from its data URL. */
export function posterFileH5(dataUrl: string, fileName: string): File | null {
  const comma = dataUrl.indexOf(',');
  if (!dataUrl.startsWith('data:image/png;base64,') || comma < 0 || typeof File === 'undefined') return null;
  const binary = atob(dataUrl.slice(comma + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new File([bytes], fileName, { type: 'image/png' });
}

/** H5: whether this browser can hand the PNG to the system's share sheet (most phones; few desktops). */
export function canSharePosterH5(file: File | null): file is File {
  if (!file || typeof navigator === 'undefined' || typeof navigator.share !== 'function') return false;
  try {
    return typeof navigator.canShare === 'function' && navigator.canShare({ files: [file] });
  } catch {
    return false;
  }
}

export async function sharePosterH5(file: File, title: string): Promise<PosterAction> {
  try {
    await navigator.share({ files: [file], title });
    return { ok: true };
  } catch (e) {
    if ((e as { name?: string } | null)?.name === 'AbortError') return { ok: true };
    return { ok: false, message: '分享失败，请保存海报后发送' };
  }
}
