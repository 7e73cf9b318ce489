import Taro from '@tarojs/taro';
import { setRouterParams } from './mocks/taro';
import { resetSession } from '../src/services/session';

export type Platform = 'weapp' | 'h5';

/** The code reads `process.env.TARO_ENV` at call time, as the build would have inlined it. */
export function setPlatform(platform: Platform): void {
  process.env.TARO_ENV = platform;
}

/** The mocked weapp transport (`Taro.cloud.callFunction`). */
export const cloudCall = Taro.cloud.callFunction as unknown as jest.Mock;

export interface FakeResponse {
  ok: boolean;
  status: number;
  json: () => Promise<unknown>;
}

export function jsonResponse(body: unknown, status = 200): FakeResponse {
  return { ok: status >= 200 && status < 300, status, json: async () => body };
}

export function textResponse(status: number): FakeResponse {
  return {
    ok: status >= 200 && status < 300,
    status,
    json: async () => {
      throw new SyntaxError('Unexpected token < in JSON');
    },
  };
}

/** Installs a jest mock as the global `fetch` (the H5 transport) and returns it. */
export function mockFetch(): jest.Mock {
  const fn = jest.fn();
  (globalThis as { fetch?: unknown }).fetch = fn;
  return fn;
}

/** Parses what the H5 transport sent in a fetch call. */
export function sentRequest(
  fetchMock: jest.Mock,
  index = 0,
): { url: string; headers: Record<string, string>; body: unknown } {
  const [url, init] = fetchMock.mock.calls[index] as [string, { headers: Record<string, string>; body: string }];
  return { url, headers: init.headers, body: JSON.parse(init.body) };
}

export function resetTaroMocks(): void {
  Taro.clearStorageSync();
  resetSession();
  cloudCall.mockReset();
  setRouterParams({});
  for (const fn of [
    Taro.navigateTo,
    Taro.switchTab,
    Taro.redirectTo,
    Taro.navigateBack,
    Taro.reLaunch,
    Taro.showToast,
    Taro.setClipboardData,
    Taro.makePhoneCall,
    Taro.openLocation,
    Taro.onNeedPrivacyAuthorization,
    Taro.openPrivacyContract,
    Taro.canIUse,
    Taro.getImageInfo,
    Taro.canvasToTempFilePath,
    Taro.saveImageToPhotosAlbum,
    Taro.showShareImageMenu,
    Taro.previewImage,
    Taro.createSelectorQuery,
  ]) {
    (fn as unknown as jest.Mock).mockClear();
  }
  (Taro.scanCode as unknown as jest.Mock).mockReset();
  (Taro.requirePrivacyAuthorize as unknown as jest.Mock)
    .mockReset()
    .mockImplementation((option?: { success?: () => void }) => option?.success?.());
  (Taro.cloud.uploadFile as unknown as jest.Mock).mockReset();
  (Taro.requestSubscribeMessage as unknown as jest.Mock).mockReset();
  (Taro.showModal as unknown as jest.Mock)
    .mockReset()
    .mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' });
}

/** Answers cloud function calls (weapp transport) by `name.action`; unknown calls fail the test. */
export function routeCloud(routes: Record<string, (data: any) => unknown>): void {
  cloudCall.mockImplementation(async ({ name, data }: { name: string; data: { action: string; data?: unknown } }) => {
    const route = routes[`${name}.${data.action}`];
    if (!route) throw new Error(`unexpected call ${name}.${data.action}`);
    return { errMsg: 'cloud.callFunction:ok', result: await route(data.data ?? {}) };
  });
}

export const ok = (data: unknown) => ({ ok: true, data });
export const fail = (code: string, message: string) => ({ ok: false, code, message });

/** The cloud calls made, as `name.action` strings with their data. */
export function cloudCalls(): { call: string; data: any }[] {
  return cloudCall.mock.calls.map(([arg]: [{ name: string; data: { action: string; data?: unknown } }]) => ({
    call: `${arg.name}.${arg.data.action}`,
    data: arg.data.data,
  }));
}

/** A signed-in 老客 as user.login answers; `NEW_CUSTOMER` after a first booking, `VISITOR` before. */
export const USER = {
  id: 'u_8f3a2c',
  roles: ['customer'],
  createdAt: '2026-11-23T07:05:00.000Z',
  customer: { kind: 'existing', maskedPhone: '130****1966' },
};
export const NEW_CUSTOMER = { ...USER, customer: { kind: 'new', maskedPhone: '139****0001' } };
export const VISITOR = { ...USER, roles: [], customer: null };
