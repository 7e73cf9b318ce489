/** A 2D context that records what is drawn (jsdom has no canvas), with a font-size-aware fake measure. */

/** Chinese and other wide characters are one em wide, the rest half an em (roughly a real CJK font). */
export function fakeWidth(text: string, font: string): number {
  const px = Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 10);
  return Array.from(text).reduce((w, ch) => w + ((ch.codePointAt(0) as number) < 0x2000 ? px * 0.55 : px), 0);
}

export interface DrawCall {
  op: string;
  args: unknown[];
  fillStyle?: unknown;
  font?: string;
  textAlign?: string;
}

export function recordingContext() {
  const calls: DrawCall[] = [];
  const ctx = {
    fillStyle: '' as unknown,
    strokeStyle: '' as unknown,
    lineWidth: 1,
    font: '10px sans-serif',
    textAlign: 'left',
    textBaseline: 'alphabetic',
    calls,
    measureText: (text: string) => ({ width: fakeWidth(text, ctx.font) }),
    createLinearGradient: (...args: number[]) => {
      const stops: [number, string][] = [];
      calls.push({ op: 'createLinearGradient', args });
      return { stops, addColorStop: (at: number, color: string) => stops.push([at, color]) };
    },
  } as Record<string, unknown> & { calls: DrawCall[]; font: string };
  for (const op of [
    'fillRect',
    'fillText',
    'beginPath',
    'moveTo',
    'lineTo',
    'arc',
    'arcTo',
    'closePath',
    'fill',
    'stroke',
    'save',
    'restore',
    'clip',
    'setLineDash',
    'drawImage',
    'scale',
  ]) {
    ctx[op] = (...args: unknown[]) =>
      calls.push({
        op,
        args,
        fillStyle: ctx.fillStyle,
        font: ctx.font,
        textAlign: ctx.textAlign as string,
      });
  }
  return ctx;
}

/** What `fillText` wrote, in order. */
export const textsOf = (calls: readonly DrawCall[]) =>
  calls.filter((c) => c.op === 'fillText').map((c) => c.args[0] as string);
