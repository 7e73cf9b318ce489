/**
 * A small stand-in for `@tarojs/taro` in jsdom (mapped by the client jest project's
 * moduleNameMapper). Storage is kept in memory; `cloud.callFunction` is a jest mock that tests
 * program (it is the weapp transport). Router params are set with `setRouterParams`; page
 * lifecycle hooks run like effects; navigation, modals and toasts are jest mocks.
 */
import { useEffect, useRef } from 'react';

const storage = new Map<string, unknown>();
let routerParams: Record<string, string> = {};

export function setRouterParams(params: Record<string, string>): void {
  routerParams = params;
}

export const useRouter = jest.fn(() => ({ params: routerParams, path: '' }));
const shownPages = new Set<() => void>();
/** Runs on mount (the first show) and on every `showPagesAgain()` (a tab page shown again). */
export function useDidShow(callback: () => void): void {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => {
    const show = () => latest.current();
    shownPages.add(show);
    show();
    return () => void shownPages.delete(show);
  }, []);
}
/** The pages still mounted are shown again (coming back to a tab). */
export function showPagesAgain(): void {
  for (const show of shownPages) show();
}
export const useShareAppMessage = jest.fn();
export const useShareTimeline = jest.fn();
export const useReady = jest.fn();

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
    // Tests program what storage answers (a fileID, or a rejection like a dropped connection).
    uploadFile: jest.fn(),
  },
  navigateTo: jest.fn(async () => ({ errMsg: 'navigateTo:ok' })),
  switchTab: jest.fn(async () => ({ errMsg: 'switchTab:ok' })),
  redirectTo: jest.fn(async () => ({ errMsg: 'redirectTo:ok' })),
  navigateBack: jest.fn(async () => ({ errMsg: 'navigateBack:ok' })),
  reLaunch: jest.fn(async () => ({ errMsg: 'reLaunch:ok' })),
  pageScrollTo: jest.fn(async () => ({ errMsg: 'pageScrollTo:ok' })),
  showModal: jest.fn(async () => ({ confirm: true, cancel: false, errMsg: 'showModal:ok' })),
  showToast: jest.fn(async () => ({ errMsg: 'showToast:ok' })),
  setClipboardData: jest.fn(async () => ({ errMsg: 'setClipboardData:ok' })),
  requestSubscribeMessage: jest.fn(),
  // The camera scanner (weapp); tests program the scanned text or a cancel.
  scanCode: jest.fn(),
  // Picking a file from a chat, downloading a file and opening it in the document viewer (weapp).
  chooseMessageFile: jest.fn(),
  downloadFile: jest.fn(async () => ({ tempFilePath: 'wxfile://tmp/downloaded', statusCode: 200 })),
  openDocument: jest.fn(async () => ({ errMsg: 'openDocument:ok' })),
  makePhoneCall: jest.fn(async () => ({ errMsg: 'makePhoneCall:ok' })),
  openLocation: jest.fn(async () => ({ errMsg: 'openLocation:ok' })),
  nextTick: jest.fn((fn: () => void) => fn()),
  // A chainable query whose nodes are never found in jsdom (the weapp canvases stay blank).
  createSelectorQuery: jest.fn(() => {
    const query = {
      select: () => query,
      fields: () => query,
      exec: (cb: (res: unknown[]) => void) => cb([]),
    };
    return query;
  }),
  getSystemInfoSync: jest.fn(() => ({ pixelRatio: 2 })),
  // weapp privacy APIs: by default the customer already agreed (tests program a question or a refusal).
  requirePrivacyAuthorize: jest.fn((option?: { success?: () => void }) => option?.success?.()),
  onNeedPrivacyAuthorization: jest.fn(),
  openPrivacyContract: jest.fn(),
  // The poster's canvas, album and share sheet (weapp); tests program what each answers.
  canIUse: jest.fn((_name: string) => true),
  getImageInfo: jest.fn(async ({ src }: { src: string }) => ({ path: `wxfile://tmp/${src.split('/').pop()}` })),
  canvasToTempFilePath: jest.fn(async () => ({ tempFilePath: 'wxfile://tmp/poster.png' })),
  saveImageToPhotosAlbum: jest.fn(async () => ({ errMsg: 'saveImageToPhotosAlbum:ok' })),
  showShareImageMenu: jest.fn(async () => ({ errMsg: 'showShareImageMenu:ok' })),
  previewImage: jest.fn(async () => ({ errMsg: 'previewImage:ok' })),
};

export default Taro;
