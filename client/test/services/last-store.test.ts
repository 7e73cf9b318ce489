import Taro from '@tarojs/taro';
import { keepReferral } from '../../src/services/kept-referral';
import { initialStore, preselectStore, rememberStore } from '../../src/services/last-store';
import { resetTaroMocks } from '../helpers';

beforeEach(() => resetTaroMocks());

describe('preselected store', () => {
  it('the only store is chosen, whatever was remembered', () => {
    expect(preselectStore(['store-1'], 'store-9')).toBe('store-1');
  });

  it('among several, the remembered store when it is still offered', () => {
    expect(preselectStore(['store-1', 'store-2'], 'store-2')).toBe('store-2');
  });

  it('none when nothing (or something unreadable, or a store no longer offered) was remembered', () => {
    expect(preselectStore(['store-1', 'store-2'], '')).toBe('');
    expect(preselectStore(['store-1', 'store-2'], { id: 'store-1' })).toBe('');
    expect(preselectStore(['store-1', 'store-2'], 'store-3')).toBe('');
    expect(preselectStore([], 'store-1')).toBe('');
  });

  it('a friend without a store of their own starts at the referrer’s store, when it is offered', () => {
    expect(preselectStore(['store-1', 'store-2'], '', 'store-2')).toBe('store-2');
    expect(preselectStore(['store-1', 'store-2'], '', 'store-3')).toBe('');
    // The customer's own last store wins over the invitation's.
    expect(preselectStore(['store-1', 'store-2'], 'store-1', 'store-2')).toBe('store-1');
  });

  it('reads the referrer’s store from the kept invitation', () => {
    keepReferral({ code: '34MJW8AR', referrerDisplayName: '王*', storeId: 'store-2' });
    expect(initialStore(['store-1', 'store-2'])).toBe('store-2');
  });

  it('remembers on the device and survives unavailable storage', () => {
    rememberStore('store-2');
    expect(initialStore(['store-1', 'store-2'])).toBe('store-2');
    (Taro.getStorageSync as jest.Mock).mockImplementationOnce(() => {
      throw new Error('storage unavailable');
    });
    expect(initialStore(['store-1', 'store-2'])).toBe('');
    (Taro.setStorageSync as jest.Mock).mockImplementationOnce(() => {
      throw new Error('storage full');
    });
    expect(() => rememberStore('store-1')).not.toThrow();
  });
});
