import { inflateSync } from 'node:zlib';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width/height from the IHDR chunk, which a valid PNG must have first, right after the signature. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG: bad signature');
  if (bytes.toString('ascii', 12, 16) !== 'IHDR') throw new Error('not a PNG: first chunk is not IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

export interface DecodedPng {
  width: number;
  height: number;
  /** RGBA of the pixel at (x, y). */
  rgba(x: number, y: number): [number, number, number, number];
}

/**
 * An independent reader for what the stand-in writes (8-bit palette, no filtering), checking every
 * chunk CRC with a bit-by-bit CRC-32 rather than the table the encoder uses.
 */
export function decodePalettePng(bytes: Buffer): DecodedPng {
  const { width, height } = pngSize(bytes);
  const chunks = new Map<string, Buffer[]>();
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const typeAndData = bytes.subarray(at + 4, at + 8 + length);
    if (bitwiseCrc32(typeAndData) !== bytes.readUInt32BE(at + 8 + length)) throw new Error('bad chunk CRC');
    const type = typeAndData.toString('ascii', 0, 4);
    chunks.set(type, [...(chunks.get(type) ?? []), typeAndData.subarray(4)]);
    at += 12 + length;
  }
  const ihdr = chunks.get('IHDR')![0];
  if (ihdr[8] !== 8 || ihdr[9] !== 3) throw new Error('expected an 8-bit palette PNG');
  if (!chunks.has('IEND')) throw new Error('missing IEND');
  const plte = chunks.get('PLTE')![0];
  const trns = chunks.get('tRNS')?.[0] ?? Buffer.alloc(0);
  const raw = inflateSync(Buffer.concat(chunks.get('IDAT')!));
  if (raw.length !== (width + 1) * height) throw new Error('unexpected image data length');
  return {
    width,
    height,
    rgba(x, y) {
      const row = y * (width + 1);
      if (raw[row] !== 0) throw new Error('expected filter type 0');
      const index = raw[row + 1 + x];
      return [plte[index * 3], plte[index * 3 + 1], plte[index * 3 + 2], index < trns.length ? trns[index] : 255];
    },
  };
}

function bitwiseCrc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}
