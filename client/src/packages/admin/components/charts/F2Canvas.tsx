import { useEffect, useMemo, useRef } from 'react';
import Taro from '@tarojs/taro';
import { Canvas, View } from '@tarojs/components';
import { Canvas as F2Root } from '@antv/f2';
import { CHART_FONT_FAMILY } from '../../utils/colors';
import type { F2Element } from './element';

export interface ChartSize {
  width: number;
  height: number;
}
export type DrawChart = (size: ChartSize) => F2Element;

/** The weapp Canvas 2D node, as `createSelectorQuery().fields({ node: true })` answers it. */
interface WeappCanvasNode {
  width: number;
  height: number;
  getContext: (type: '2d') => CanvasRenderingContext2D;
  createImage: () => HTMLImageElement;
  requestAnimationFrame: (cb: () => void) => number;
  cancelAnimationFrame: (id: number) => void;
}

let counter = 0;

const pixelRatioOf = (): number =>
  process.env.TARO_ENV === 'h5' ? window.devicePixelRatio || 1 : Taro.getSystemInfoSync().pixelRatio || 2;

/** The F2 canvas props shared by both platforms: no animation (a dashboard is read, not watched). */
function rootProps(context: CanvasRenderingContext2D, size: ChartSize, children: F2Element) {
  return {
    context,
    pixelRatio: pixelRatioOf(),
    width: size.width,
    height: size.height,
    animate: false,
    // F2 sizes `'24px'` in design px of a 750-wide page. Its default divisor is read from the document's
    // root font size, which Taro's H5 rem setup changes (and weapp has no such thing): fix it at half.
    px2hd: (px: number) => px / 2,
    theme: { fontFamily: CHART_FONT_FAMILY },
    children,
  };
}

/** weapp: the `<Canvas type="2d">` node by id, sized for the screen's pixel ratio. */
function weappRoot(id: string, draw: () => DrawChart, done: (root: F2Root, size: ChartSize) => void): void {
  Taro.nextTick(() => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((res: { node?: WeappCanvasNode; width?: number; height?: number }[]) => {
        const hit = res?.[0];
        const node = hit?.node;
        if (!node || !hit.width || !hit.height) return;
        const size = { width: hit.width, height: hit.height };
        const ratio = pixelRatioOf();
        node.width = size.width * ratio;
        node.height = size.height * ratio;
        const root = new F2Root({
          ...rootProps(node.getContext('2d'), size, draw()(size)),
          // F2 needs the node's own image and frame functions in a mini-program (no window to take them from).
          createImage: () => node.createImage(),
          requestAnimationFrame: (cb: () => void) => node.requestAnimationFrame(cb),
          cancelAnimationFrame: (frame: number) => node.cancelAnimationFrame(frame),
          offscreenCanvas: Taro.createOffscreenCanvas({ type: '2d' }),
        } as unknown as ConstructorParameters<typeof F2Root>[0]);
        done(root, size);
      });
  });
}

/** H5: a plain `<canvas>` element, measured where it is laid out. */
function h5Root(el: HTMLCanvasElement | null, draw: () => DrawChart, done: (root: F2Root, size: ChartSize) => void) {
  const rect = el?.getBoundingClientRect();
  const context = rect && rect.width > 0 ? el?.getContext('2d') : null;
  if (!el || !rect || !context) return;
  const size = { width: rect.width, height: rect.height };
  const ratio = pixelRatioOf();
  el.width = Math.round(size.width * ratio);
  el.height = Math.round(size.height * ratio);
  done(new F2Root(rootProps(context, size, draw()(size))), size);
}

/**
 * The one place an F2 chart meets the page: a Canvas 2D in weapp (found with createSelectorQuery once
 * mounted), a `<canvas>` in H5. It creates the F2 canvas once, redraws when `draw` changes and
 * destroys it on unmount. `height` is in CSS px; the width is the card's.
 * `summary` is the chart in words, for screen readers and for anyone who cannot see the canvas.
 */
export function F2Canvas({
  height,
  draw,
  summary,
  testId,
}: {
  height: number;
  draw: DrawChart;
  summary: string;
  testId?: string;
}) {
  const id = useMemo(() => `f2-chart-${++counter}`, []);
  const h5Ref = useRef<HTMLCanvasElement | null>(null);
  const chart = useRef<{ root: F2Root; size: ChartSize } | null>(null);
  const latestDraw = useRef(draw);
  latestDraw.current = draw;

  useEffect(() => {
    let alive = true;
    const done = (root: F2Root, size: ChartSize) => {
      if (!alive) return root.destroy();
      chart.current = { root, size };
      void root.render();
    };
    if (process.env.TARO_ENV === 'weapp') weappRoot(id, () => latestDraw.current, done);
    if (process.env.TARO_ENV === 'h5') h5Root(h5Ref.current, () => latestDraw.current, done);
    return () => {
      alive = false;
      chart.current?.root.destroy();
      chart.current = null;
    };
  }, [id]);

  useEffect(() => {
    const current = chart.current;
    // F2 replaces its props on update: keep the ones it was created with, change only the drawing.
    if (current) void current.root.update({ ...current.root.props, children: draw(current.size) });
  }, [draw]);

  const style = { width: '100%', height: `${height}px`, display: 'block' };
  return (
    <View className="chart" data-testid={testId} aria-label={summary}>
      {process.env.TARO_ENV === 'h5' ? (
        <canvas ref={h5Ref} style={style} />
      ) : (
        <Canvas type="2d" id={id} style={style} />
      )}
    </View>
  );
}
