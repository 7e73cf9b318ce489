import Taro from '@tarojs/taro';
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
