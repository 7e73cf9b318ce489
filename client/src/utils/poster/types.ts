/** The poster's vocabulary: what a template lays out (ops, in poster pixels) and what it is laid out from. */

/** Width of `text` drawn in `font` (a canvas's measureText, or a fake one in tests). */
export type Measure = (text: string, font: string) => number;

export type PosterTemplateId = 'simple' | 'gift' | 'blossom';

/** What every template shows: who invites, the friend's gift, the clinic, the code and how to open it. */
export interface PosterContent {
  clinicName: string;
  tagline: string;
  referrer: { name: string; avatarUrl?: string };
  /** The friend's gifts (the clinic's referee benefits), or one line saying the desk will tell. */
  gifts: readonly { title: string; description: string }[];
  code: string;
  /** What the square code is: the mini-program code (长按识别), or a plain QR of the share link (扫码). */
  qrKind: 'miniprogram' | 'link';
}

/** A colour, or a linear gradient between two points. */
export type Fill = string | { from: [number, number]; to: [number, number]; stops: readonly [number, string][] };

export type PosterOp =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; fill: Fill; radius?: number }
  | { kind: 'circle'; cx: number; cy: number; r: number; fill: Fill }
  | { kind: 'ring'; cx: number; cy: number; r: number; color: string; width: number }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; color: string; width: number; dash?: number }
  | {
      kind: 'text';
      text: string;
      /** The anchor: left edge, centre or right edge (by `align`), and the line's vertical middle. */
      x: number;
      y: number;
      font: string;
      /** The font size in px (also in `font`; kept apart for layout checks). */
      size: number;
      color: string;
      align: 'left' | 'center' | 'right';
      /** Extra px between characters (drawn one by one; canvases' letterSpacing is not everywhere). */
      spacing?: number;
    }
  | { kind: 'qr'; x: number; y: number; size: number }
  /** The referrer's photo in a circle; without one (or if it fails to load) `initial` on `fill`. */
  | { kind: 'avatar'; cx: number; cy: number; r: number; initial: string; fill: string; color: string; font: string };

export interface PosterLayout {
  template: PosterTemplateId;
  width: number;
  height: number;
  ops: PosterOp[];
}
