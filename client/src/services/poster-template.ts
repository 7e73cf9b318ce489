/** The poster template last chosen on this device, so the card page opens with it. */
import Taro from '@tarojs/taro';
import { DEFAULT_POSTER_TEMPLATE, isPosterTemplateId, type PosterTemplateId } from '../utils/poster';

const STORAGE_KEY = 'clinic.posterTemplate';

export function rememberPosterTemplate(id: PosterTemplateId): void {
  try {
    Taro.setStorageSync(STORAGE_KEY, id);
  } catch {
    // Storage full or unavailable: the next visit starts with the default template.
  }
}

/** Pure: the remembered template if it is still offered, else the default. */
export function pickPosterTemplate(remembered: unknown): PosterTemplateId {
  return isPosterTemplateId(remembered) ? remembered : DEFAULT_POSTER_TEMPLATE;
}

export function initialPosterTemplate(): PosterTemplateId {
  let remembered: unknown;
  try {
    remembered = Taro.getStorageSync(STORAGE_KEY);
  } catch {
    remembered = undefined;
  }
  return pickPosterTemplate(remembered);
}
