import Taro from '@tarojs/taro';
import {
  clearKeptReferral,
  forgetKeptReferral,
  getKeptReferral,
  isKeptValid,
  keepReferral,
  keptRecord,
} from '../../src/services/kept-referral';
import { resetTaroMocks } from '../helpers';

const DAY = 86_400_000;
const T0 = Date.parse('2026-11-23T10:00:00+08:00');

beforeEach(() => resetTaroMocks());

describe('the kept referral code', () => {
  it('is written to device storage and read back later (page changes, app restarts)', () => {
    keepReferral({ code: '34MJW8AR', referrerDisplayName: '王*' }, T0);
    expect(Taro.setStorageSync).toHaveBeenCalledWith('clinic.keptReferral', {
      code: '34MJW8AR',
      referrerDisplayName: '王*',
      keptAt: T0,
      expiresAt: T0 + 30 * DAY,
    });
    expect(getKeptReferral(T0 + 5 * DAY)).toMatchObject({ code: '34MJW8AR', referrerDisplayName: '王*' });
  });

  it('lasts 30 days by default and is dropped after that', () => {
    keepReferral({ code: '34MJW8AR', referrerDisplayName: '王*' }, T0);
    expect(getKeptReferral(T0 + 30 * DAY - 1)?.code).toBe('34MJW8AR');
    expect(getKeptReferral(T0 + 30 * DAY)).toBeNull();
    // Expired records are removed from storage, not just hidden.
    expect(Taro.removeStorageSync).toHaveBeenCalledWith('clinic.keptReferral');
    expect(getKeptReferral(T0)).toBeNull();
  });

  it('follows the clinic’s number of days', () => {
    const record = keptRecord({ code: '34MJW8AR', referrerDisplayName: '王*' }, T0, 7);
    expect(isKeptValid(record, T0 + 7 * DAY - 1)).toBe(true);
    expect(isKeptValid(record, T0 + 7 * DAY)).toBe(false);
  });

  it('is forgotten when the function says this code no longer works; another kept code stays', () => {
    keepReferral({ code: '34MJW8AR', referrerDisplayName: '王*', terms: { minLeadDays: 1 } }, T0, 30);
    expect(getKeptReferral(T0)?.terms).toEqual({ minLeadDays: 1 });
    expect(forgetKeptReferral('ABCD2345', T0)).toBe(false);
    expect(getKeptReferral(T0)?.code).toBe('34MJW8AR');
    expect(forgetKeptReferral('34MJW8AR', T0)).toBe(true);
    expect(getKeptReferral(T0)).toBeNull();
    expect(forgetKeptReferral('34MJW8AR', T0)).toBe(false);
  });

  it('keeps the referrer’s store with the code, for the booking to start there', () => {
    keepReferral({ code: '34MJW8AR', referrerDisplayName: '王*', storeId: 'store-2' }, T0);
    expect(getKeptReferral(T0 + DAY)?.storeId).toBe('store-2');
  });

  it('a later invitation replaces the earlier one', () => {
    keepReferral({ code: '34MJW8AR', referrerDisplayName: '王*' }, T0);
    keepReferral({ code: 'ABCD2345', referrerDisplayName: '刘*' }, T0 + DAY);
    expect(getKeptReferral(T0 + 2 * DAY)?.code).toBe('ABCD2345');
  });

  it('is cleared after booking, and a corrupt record reads as none', () => {
    keepReferral({ code: '34MJW8AR', referrerDisplayName: '王*' }, T0);
    clearKeptReferral();
    expect(getKeptReferral(T0)).toBeNull();
    Taro.setStorageSync('clinic.keptReferral', { code: 42 });
    expect(getKeptReferral(T0)).toBeNull();
  });
});
