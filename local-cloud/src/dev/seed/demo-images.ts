/**
 * The demo clinic's pictures: doctor portraits and store photos, drawn here as small flat
 * illustrations (palette PNGs, a few KB each) so that the seed needs no binary files and stays
 * deterministic. They go into the local cloud's storage at fixed cloud paths; the settings and store
 * documents refer to them by the fileIDs storage gives back.
 */
import { encodePalettePng, type Rgba } from '../../openapi/png-writer';

export interface SeedFiles {
  /** Stores bytes at a cloud path and answers the fileID (the local cloud's `files.put`). */
  put(cloudPath: string, bytes: Buffer): string;
}

export type DemoImageKey =
  'doctor-1' | 'doctor-2' | 'doctor-3' | 'store-1-front' | 'store-1-lobby' | 'store-2-front' | 'store-2-lobby';

/** fileID per picture; a seed without storage has none (the documents then carry no pictures). */
export type DemoImageIds = Partial<Record<DemoImageKey, string>>;

const rgb = (hex: string): Rgba => [
  parseInt(hex.slice(1, 3), 16),
  parseInt(hex.slice(3, 5), 16),
  parseInt(hex.slice(5, 7), 16),
  255,
];

const inEllipse = (x: number, y: number, cx: number, cy: number, rx: number, ry: number) =>
  ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;

/** A doctor in a white coat on a soft background (160 × 160). */
function portrait(background: string, hair: string, shirt: string): Buffer {
  const palette = [rgb(background), rgb('#f1cdb5'), rgb(hair), rgb('#ffffff'), rgb(shirt), rgb('#d9d4d6')];
  const [BG, SKIN, HAIR, COAT, SHIRT, SHADE] = [0, 1, 2, 3, 4, 5];
  return encodePalettePng(160, 160, palette, (x, y) => {
    if (inEllipse(x, y, 80, 170, 68, 58)) {
      // The collar opens onto the shirt in a V below the neck.
      if (y > 118 && Math.abs(x - 80) < (y - 112) * 0.45) return SHIRT;
      return Math.abs(x - 80) < 2 && y > 128 ? SHADE : COAT;
    }
    if (x > 70 && x < 90 && y > 92 && y < 122) return SKIN; // neck
    if (inEllipse(x, y, 80, 66, 30, 36)) return y < 52 || (y < 64 && Math.abs(x - 80) > 22) ? HAIR : SKIN;
    if (inEllipse(x, y, 80, 56, 34, 30) && y < 60) return HAIR;
    return BG;
  });
}

/** A store front: sky, the building, its sign, glass windows and the entrance (480 × 270). */
function storeFront(sign: string, wall: string): Buffer {
  const sky = Array.from({ length: 16 }, (_, i) => {
    const t = i / 15;
    return [Math.round(196 + 40 * t), Math.round(222 + 20 * t), Math.round(242 + 8 * t), 255] as Rgba;
  });
  const palette = [...sky, rgb(wall), rgb(sign), rgb('#ffffff'), rgb('#8fb3c9'), rgb('#5f8aa6'), rgb('#b9b1b3')];
  const [WALL, SIGN, WHITE, GLASS, GLASS_DARK, PAVEMENT] = [16, 17, 18, 19, 20, 21];
  return encodePalettePng(480, 270, palette, (x, y) => {
    if (y >= 236) return PAVEMENT;
    if (x < 40 || x > 440 || y < 40) return Math.min(15, Math.floor(y / 16));
    if (y < 88) {
      // The sign band with a row of white "letters".
      const letter = y > 54 && y < 74 && x > 150 && x < 330 && (x - 150) % 30 < 20;
      return letter ? WHITE : SIGN;
    }
    const door = x > 210 && x < 270 && y > 150;
    if (door) return x === 240 ? WALL : GLASS_DARK;
    const windowRow = (y > 104 && y < 140) || (y > 160 && y < 226);
    const windowCol = (x > 60 && x < 196) || (x > 284 && x < 420);
    if (windowRow && windowCol) return (x + y) % 60 < 8 ? WHITE : GLASS;
    return WALL;
  });
}

/** The reception hall: a warm wall, the front desk, a plant and ceiling lights (480 × 270). */
function lobby(accent: string): Buffer {
  const palette = [
    rgb('#f6eee9'),
    rgb('#e7d8cf'),
    rgb(accent),
    rgb('#ffffff'),
    rgb('#5d8c5a'),
    rgb('#7a5a44'),
    rgb('#fff6d8'),
  ];
  const [WALL, FLOOR, DESK, WHITE, LEAF, POT, LIGHT] = [0, 1, 2, 3, 4, 5, 6];
  return encodePalettePng(480, 270, palette, (x, y) => {
    for (const cx of [120, 240, 360]) if (inEllipse(x, y, cx, 18, 34, 8)) return LIGHT;
    if (y > 200) return FLOOR;
    if (x > 150 && x < 330 && y > 140) return y < 152 ? WHITE : DESK;
    if (x > 190 && x < 290 && y > 60 && y < 100) return y > 74 && y < 86 && (x - 190) % 24 < 16 ? WHITE : DESK;
    if (x > 392 && x < 428 && y > 168) return POT;
    if (inEllipse(x, y, 410, 142, 34, 40)) return LEAF;
    return WALL;
  });
}

const IMAGES: Record<DemoImageKey, { cloudPath: string; draw: () => Buffer }> = {
  'doctor-1': { cloudPath: 'clinic/doctors/doctor-1.png', draw: () => portrait('#fbe9ef', '#2b2326', '#c2456b') },
  'doctor-2': { cloudPath: 'clinic/doctors/doctor-2.png', draw: () => portrait('#e8f1f7', '#3b3034', '#5f8aa6') },
  'doctor-3': { cloudPath: 'clinic/doctors/doctor-3.png', draw: () => portrait('#f3efe6', '#4a3a30', '#8a6d9e') },
  'store-1-front': { cloudPath: 'clinic/stores/store-1-front.png', draw: () => storeFront('#c2456b', '#efe7e3') },
  'store-1-lobby': { cloudPath: 'clinic/stores/store-1-lobby.png', draw: () => lobby('#c2456b') },
  'store-2-front': { cloudPath: 'clinic/stores/store-2-front.png', draw: () => storeFront('#9e2f53', '#e9e4ea') },
  'store-2-lobby': { cloudPath: 'clinic/stores/store-2-lobby.png', draw: () => lobby('#9e2f53') },
};

/** Draws every picture into storage (same path, same bytes: a repeated seed changes nothing). */
export function seedDemoImages(files: SeedFiles): DemoImageIds {
  const ids: DemoImageIds = {};
  for (const [key, image] of Object.entries(IMAGES) as [DemoImageKey, (typeof IMAGES)[DemoImageKey]][]) {
    ids[key] = files.put(image.cloudPath, image.draw());
  }
  return ids;
}
