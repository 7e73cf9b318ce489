/**
 * QR codes drawn by the client (qrcode-generator, no network): the booking code staff scan at
 * check-in, and the poster's fallback when the function has no mini-program code image.
 */
import qrcode from 'qrcode-generator';

export interface QrMatrix {
  size: number;
  isDark: (row: number, col: number) => boolean;
}

/** The module matrix of `text` (error correction M: survives a crease or a glare on a phone screen). */
export function qrMatrix(text: string): QrMatrix {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  return { size: qr.getModuleCount(), isDark: (r, c) => qr.isDark(r, c) };
}

/** A data URL image of `text` (GIF; works in an <Image> in H5 and weapp alike). */
export function qrDataUrl(text: string, cellSize = 6, margin = 12): string {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  return qr.createDataURL(cellSize, margin);
}

/** The parts of a 2D canvas context the drawings need (weapp Canvas 2d node and the browser's alike). */
export interface Ctx2d {
  fillStyle: unknown;
  font: string;
  textAlign: string;
  textBaseline: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
  beginPath(): void;
  moveTo(x: number, y: number): void;
  arcTo(x1: number, y1: number, x2: number, y2: number, r: number): void;
  closePath(): void;
  fill(): void;
  drawImage(image: never, x: number, y: number, w: number, h: number): void;
}

/** Draws `text`'s QR code into the square (x, y, size), white quiet zone included. */
export function drawQr(ctx: Ctx2d, text: string, x: number, y: number, size: number): void {
  const m = qrMatrix(text);
  const quiet = 2;
  const cell = size / (m.size + quiet * 2);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(x, y, size, size);
  ctx.fillStyle = '#000000';
  for (let r = 0; r < m.size; r++) {
    for (let c = 0; c < m.size; c++) {
      // +0.5 px overlap so no hairline gaps appear between modules when scaled.
      if (m.isDark(r, c)) ctx.fillRect(x + (c + quiet) * cell, y + (r + quiet) * cell, cell + 0.5, cell + 0.5);
    }
  }
}
