/**
 * Drawing the referral poster on the device and saving it. The layout is pure (utils/poster);
 * here are the canvases: the browser's (H5: a PNG data URL for an <a download>) and weapp's
 * Canvas 2d node (a temp file saved to the album).
 */
import Taro from '@tarojs/taro';
import { drawQr, type Ctx2d } from '../utils/qr';
import { paintPoster, posterLayout, type PosterInput, type PosterLayout } from '../utils/poster';

export type PosterResult = { ok: true; src: string } | { ok: false; message: string };

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

function paint(
  ctx: Ctx2d & { scale: (x: number, y: number) => void },
  layout: PosterLayout,
  qrImage: unknown,
  qrFallbackText: string,
) {
  ctx.scale(SCALE, SCALE);
  paintPoster(ctx, layout, (x, y, size) => {
    if (qrImage) ctx.drawImage(qrImage as never, x, y, size, size);
    else drawQr(ctx, qrFallbackText, x, y, size);
  });
}

/** H5: draws on a detached <canvas>; the QR image comes from the same origin (the local cloud's files). */
export async function renderPosterH5(
  input: PosterInput,
  qrUrl: string | undefined,
  qrFallbackText: string,
): Promise<PosterResult> {
  if (process.env.TARO_ENV !== 'h5') return { ok: false, message: '仅浏览器可用' };
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) return { ok: false, message: '当前浏览器不支持生成海报' };
  const measure = (text: string, font: string) => {
    ctx.font = font;
    return ctx.measureText(text).width;
  };
  const layout = posterLayout(input, measure);
  canvas.width = layout.width * SCALE;
  canvas.height = layout.height * SCALE;
  const image = qrUrl ? await loadInto(new Image(), qrUrl) : null;
  try {
    paint(ctx as unknown as Ctx2d & { scale: (x: number, y: number) => void }, layout, image, qrFallbackText);
    return { ok: true, src: canvas.toDataURL('image/png') };
  } catch {
    return { ok: false, message: '海报生成失败，请稍后重试' };
  }
}

interface WeappCanvas {
  width: number;
  height: number;
  getContext: (type: '2d') => unknown;
  createImage: () => ImageLike;
}

/** weapp: draws on the page's `<Canvas type="2d" id={canvasId}>`, returns a temp file path. */
export async function renderPosterWeapp(
  canvasId: string,
  input: PosterInput,
  qrUrl: string | undefined,
  qrFallbackText: string,
): Promise<PosterResult> {
  const canvas = await new Promise<WeappCanvas | undefined>((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${canvasId}`)
      .fields({ node: true, size: true })
      .exec((res: { node?: WeappCanvas }[]) => resolve(res?.[0]?.node));
  });
  if (!canvas) return { ok: false, message: '海报画布未就绪，请稍后重试' };
  const ctx = canvas.getContext('2d') as Ctx2d & { scale: (x: number, y: number) => void };
  const measure = (text: string, font: string) => {
    ctx.font = font;
    return ctx.measureText(text).width;
  };
  const layout = posterLayout(input, measure);
  canvas.width = layout.width * SCALE;
  canvas.height = layout.height * SCALE;
  let image: ImageLike | null = null;
  if (qrUrl) {
    try {
      // A temp URL of cloud storage: download it first (canvas images need a local or whitelisted path).
      const info = await Taro.getImageInfo({ src: qrUrl });
      image = await loadInto(canvas.createImage(), info.path);
    } catch {
      image = null;
    }
  }
  paint(ctx, layout, image, qrFallbackText);
  try {
    const file = await Taro.canvasToTempFilePath({ canvas: canvas as never, fileType: 'png' } as never);
    return { ok: true, src: file.tempFilePath };
  } catch {
    return { ok: false, message: '海报生成失败，请稍后重试' };
  }
}

/** weapp: saves the poster to the album (asks for the album permission the first time). */
export async function savePosterToAlbum(tempFilePath: string): Promise<{ ok: boolean; message: string }> {
  try {
    await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath });
    return { ok: true, message: '海报已保存到相册' };
  } catch (e) {
    const errMsg = String((e as { errMsg?: string } | null)?.errMsg ?? '');
    if (/auth|deny|denied/i.test(errMsg)) {
      return { ok: false, message: '需要相册权限才能保存，请在右上角 ··· → 设置 中开启' };
    }
    return { ok: false, message: '保存失败，请长按海报图片保存' };
  }
}
