/** A one-time message for the next page (e.g. the landing page falling back to home). */
import Taro from '@tarojs/taro';

const KEY = 'clinic.flash';

export interface Flash {
  title: string;
  message: string;
}

export function setFlash(flash: Flash): void {
  try {
    Taro.setStorageSync(KEY, flash);
  } catch {
    // best effort
  }
}

/** Reads and forgets the message. */
export function takeFlash(): Flash | null {
  try {
    const raw = Taro.getStorageSync(KEY) as Partial<Flash> | '';
    if (!raw || typeof raw !== 'object' || typeof raw.message !== 'string') return null;
    Taro.removeStorageSync(KEY);
    return { title: typeof raw.title === 'string' ? raw.title : '', message: raw.message };
  } catch {
    return null;
  }
}
