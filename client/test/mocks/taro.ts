/**
 * A small stand-in for `@tarojs/taro` in jsdom (mapped by the client jest project's
 * moduleNameMapper). Storage is kept in memory; `cloud.callFunction` is a jest mock that tests
 * program (it is the weapp transport).
 */
const storage = new Map<string, unknown>();

const Taro = {
  getStorageSync: jest.fn((key: string): unknown => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown): void => {
    storage.set(key, value);
  }),
  removeStorageSync: jest.fn((key: string): void => {
    storage.delete(key);
  }),
  clearStorageSync: jest.fn((): void => storage.clear()),
  cloud: {
    init: jest.fn(),
    callFunction: jest.fn(),
  },
};

export default Taro;
