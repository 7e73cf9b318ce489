/**
 * The local H5 demo's stand-in for WeChat's avatar picker: a few avatars drawn on a canvas (soft
 * colour, a white figure), uploaded like a chosen WeChat avatar would be. Never used in the weapp.
 */
export const PRESET_AVATAR_COLOURS = ['#c2456b', '#5f8aa6', '#8a6d9e', '#5d8c5a'] as const;

const SIZE = 96;

/** A PNG data URL of preset `index`, or '' where the browser cannot draw (no canvas). */
export function presetAvatar(index: number): string {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return '';
  const canvas = document.createElement('canvas');
  canvas.width = SIZE;
  canvas.height = SIZE;
  const ctx = canvas.getContext('2d');
  if (!ctx) return '';
  ctx.fillStyle = PRESET_AVATAR_COLOURS[index % PRESET_AVATAR_COLOURS.length] ?? '#c2456b';
  ctx.fillRect(0, 0, SIZE, SIZE);
  ctx.fillStyle = 'rgba(255, 255, 255, 0.92)';
  ctx.beginPath();
  ctx.arc(SIZE / 2, SIZE * 0.4, SIZE * 0.18, 0, Math.PI * 2);
  ctx.fill();
  ctx.beginPath();
  ctx.ellipse(SIZE / 2, SIZE * 0.98, SIZE * 0.34, SIZE * 0.3, 0, Math.PI, 0);
  ctx.fill();
  return canvas.toDataURL('image/png');
}
