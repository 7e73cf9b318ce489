import * as QRCode from 'qrcode';
import { encodePalettePng, type Rgba } from './png-writer';

export interface QrPngOptions {
  /** Image width = height in pixels. */
  width: number;
  /** Quiet zone in modules. */
  margin: number;
  dark: Rgba;
  light: Rgba;
}

/** A QR code (level M, encoded by `qrcode`) as a width×width PNG, modules scaled to fill the image. */
export function renderQrPng(text: string, opts: QrPngOptions): Buffer {
  const modules = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  const total = modules.size + opts.margin * 2;
  const moduleAt = (px: number): number => Math.floor((px * total) / opts.width) - opts.margin;
  const inside = (m: number): boolean => m >= 0 && m < modules.size;
  return encodePalettePng(opts.width, opts.width, [opts.light, opts.dark], (x, y) => {
    const row = moduleAt(y);
    const col = moduleAt(x);
    return inside(row) && inside(col) && modules.get(row, col) ? 1 : 0;
  });
}
