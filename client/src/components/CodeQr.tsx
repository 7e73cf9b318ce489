import { useEffect, useMemo } from 'react';
import Taro from '@tarojs/taro';
import { Canvas, Image, View } from '@tarojs/components';
import { drawQr, qrDataUrl, type Ctx2d } from '../utils/qr';

let counter = 0;

/**
 * A QR code of `text` drawn on the device (qrcode-generator): a Canvas 2d in weapp, a data-URL
 * image in H5. `size` in CSS px (weapp: px of the 375-wide design).
 */
export function CodeQr({ text, size = 160, testId }: { text: string; size?: number; testId?: string }) {
  const id = useMemo(() => `code-qr-${++counter}`, []);
  const src = useMemo(() => (process.env.TARO_ENV === 'h5' ? qrDataUrl(text, 6, 4) : ''), [text]);

  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp') return;
    Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((res: { node?: { getContext: (t: '2d') => unknown; width: number; height: number } }[]) => {
          const canvas = res?.[0]?.node;
          if (!canvas) return;
          const dpr = Taro.getSystemInfoSync().pixelRatio || 2;
          canvas.width = size * dpr;
          canvas.height = size * dpr;
          const ctx = canvas.getContext('2d') as Ctx2d & { scale: (x: number, y: number) => void };
          ctx.scale(dpr, dpr);
          drawQr(ctx, text, 0, 0, size);
        });
    });
  }, [id, text, size]);

  return (
    <View className="code-qr" data-testid={testId} data-text={text}>
      {process.env.TARO_ENV === 'weapp' ? (
        <Canvas type="2d" id={id} style={{ width: `${size}px`, height: `${size}px` }} />
      ) : (
        <Image src={src} style={{ width: `${size}px`, height: `${size}px` }} mode="aspectFit" />
      )}
    </View>
  );
}
