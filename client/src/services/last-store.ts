/**
 * The store of the customer's last booking, kept on the device so that the next booking starts with it
 * chosen (one tap less for the many customers who always visit the same store). A friend's first
 * booking starts at the referrer's store instead (kept with the invitation).
 */
import Taro from '@tarojs/taro';
import { getKeptReferral } from './kept-referral';

const STORAGE_KEY = 'clinic.lastStore';

export function rememberStore(storeId: string): void {
  try {
    Taro.setStorageSync(STORAGE_KEY, storeId);
  } catch {
    // Storage full or unavailable: the next booking simply starts without a store chosen.
  }
}

/**
 * Pure: the store to preselect among `storeIds` — the only one, else the remembered one if it is still
 * offered, else the inviting friend's store if offered, else none (the customer chooses).
 */
export function preselectStore(storeIds: readonly string[], remembered: unknown, invitedTo?: string): string {
  if (storeIds.length === 1) return storeIds[0] as string;
  if (typeof remembered === 'string' && storeIds.includes(remembered)) return remembered;
  return invitedTo !== undefined && storeIds.includes(invitedTo) ? invitedTo : '';
}

/** The store to start a booking with, from the stores offered now. */
export function initialStore(storeIds: readonly string[]): string {
  let remembered: unknown;
  try {
    remembered = Taro.getStorageSync(STORAGE_KEY);
  } catch {
    remembered = undefined;
  }
  return preselectStore(storeIds, remembered, getKeptReferral()?.storeId);
}
