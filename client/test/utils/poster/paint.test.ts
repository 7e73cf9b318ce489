import { paintPoster, type PosterCtx, type PosterLayout } from '../../../src/utils/poster';
import { recordingContext, textsOf } from '../../canvas';

const layoutOf = (ops: PosterLayout['ops']): PosterLayout => ({ template: 'simple', width: 600, height: 900, ops });
const avatar = {
  kind: 'avatar' as const,
  cx: 100,
  cy: 100,
  r: 40,
  initial: '王',
  fill: '#c2456b',
  color: '#ffffff',
  font: 'bold 36px sans-serif',
};

function paint(ops: PosterLayout['ops'], images = {}, qrFallback = jest.fn()) {
  const ctx = recordingContext();
  paintPoster(ctx as unknown as PosterCtx, layoutOf(ops), images, qrFallback);
  return { calls: ctx.calls, qrFallback };
}

describe('poster painter', () => {
  test('without a photo the avatar is a brand circle with the initial in the middle', () => {
    const { calls } = paint([avatar]);
    expect(calls.find((c) => c.op === 'arc')?.args.slice(0, 3)).toEqual([100, 100, 40]);
    expect(calls.find((c) => c.op === 'fill')?.fillStyle).toBe('#c2456b');
    const initial = calls.find((c) => c.op === 'fillText');
    expect(initial?.args[0]).toBe('王');
    expect(initial?.textAlign).toBe('center');
    expect(calls.some((c) => c.op === 'drawImage')).toBe(false);
  });

  test('a photo is clipped to the circle and cropped to its centred square', () => {
    const photo = { naturalWidth: 400, naturalHeight: 300 };
    const { calls } = paint([avatar], { avatar: photo });
    const ops = calls.map((c) => c.op);
    expect(ops.indexOf('save')).toBeLessThan(ops.indexOf('clip'));
    expect(ops.indexOf('clip')).toBeLessThan(ops.indexOf('drawImage'));
    expect(ops.indexOf('drawImage')).toBeLessThan(ops.indexOf('restore'));
    expect(calls.find((c) => c.op === 'drawImage')?.args).toEqual([photo, 50, 0, 300, 300, 60, 60, 80, 80]);
    expect(textsOf(calls)).toEqual([]);
  });

  test('the code is the loaded image, else the QR drawn on the device', () => {
    const qr = { kind: 'qr' as const, x: 10, y: 20, size: 200 };
    const image = { width: 430, height: 430 };
    expect(paint([qr], { qr: image }).calls.find((c) => c.op === 'drawImage')?.args).toEqual([image, 10, 20, 200, 200]);
    const { calls, qrFallback } = paint([qr], { qr: null });
    expect(qrFallback).toHaveBeenCalledWith(10, 20, 200);
    expect(calls.some((c) => c.op === 'drawImage')).toBe(false);
  });

  test('letter-spaced text is drawn character by character, centred as a whole', () => {
    const { calls } = paint([
      {
        kind: 'text',
        text: 'AB',
        x: 300,
        y: 50,
        font: '20px mono',
        size: 20,
        color: '#000',
        align: 'center',
        spacing: 4,
      },
    ]);
    // A and B are 11 px each (fake measure): 11 + 4 + 11 = 26 wide, so A starts at 287.
    expect(calls.filter((c) => c.op === 'fillText').map((c) => c.args)).toEqual([
      ['A', 287, 50],
      ['B', 302, 50],
    ]);
  });

  test('a gradient background gets its colour stops; a dashed line its dash, reset afterwards', () => {
    const ctx = recordingContext();
    paintPoster(
      ctx as unknown as PosterCtx,
      layoutOf([
        {
          kind: 'rect',
          x: 0,
          y: 0,
          w: 600,
          h: 900,
          fill: {
            from: [0, 0],
            to: [0, 900],
            stops: [
              [0, '#fff'],
              [1, '#000'],
            ],
          },
        },
        { kind: 'line', x1: 0, y1: 5, x2: 100, y2: 5, color: '#eee', width: 2, dash: 8 },
      ]),
      {},
      jest.fn(),
    );
    expect(ctx.calls.find((c) => c.op === 'createLinearGradient')?.args).toEqual([0, 0, 0, 900]);
    const fill = ctx.calls.find((c) => c.op === 'fillRect')?.fillStyle as { stops: unknown };
    expect(fill.stops).toEqual([
      [0, '#fff'],
      [1, '#000'],
    ]);
    expect(ctx.calls.filter((c) => c.op === 'setLineDash').map((c) => c.args[0])).toEqual([[8, 8], []]);
  });
});
