import { crc32, encodePalettePng } from '../../src/openapi/png-writer';
import { decodePalettePng, pngSize } from './support/png';

describe('palette PNG writer', () => {
  it('computes the standard CRC-32 check value', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('writes a PNG whose chunks and pixels read back', () => {
    const png = encodePalettePng(
      3,
      2,
      [
        [255, 255, 255, 0],
        [1, 2, 3, 255],
      ],
      (x, y) => (x + y) % 2,
    );
    expect(pngSize(png)).toEqual({ width: 3, height: 2 });
    const image = decodePalettePng(png);
    expect(image.rgba(0, 0)).toEqual([255, 255, 255, 0]);
    expect(image.rgba(1, 0)).toEqual([1, 2, 3, 255]);
    expect(image.rgba(0, 1)).toEqual([1, 2, 3, 255]);
    expect(png.subarray(-12).toString('latin1', 4, 8)).toBe('IEND');
  });
});
