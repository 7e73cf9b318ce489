import Taro from '@tarojs/taro';
import {
  fetchDemoIdentities,
  getCurrentIdentity,
  getDemoOpenid,
  groupByKind,
  setCurrentIdentity,
  type DemoIdentity,
} from '../../src/services/demo-identity';
import { jsonResponse, mockFetch, resetTaroMocks, setPlatform } from '../helpers';

const PEOPLE: DemoIdentity[] = [
  { openid: 'demo-staff-1', name: '李顾问', kind: 'staff', label: '咨询师' },
  { openid: 'demo-old-1', name: '王女士', kind: 'customer', label: '老客' },
  { openid: 'demo-mgr-1', name: '赵店长', kind: 'manager', label: '店长' },
  { openid: 'demo-new-1', name: '陈小姐', kind: 'newcomer', label: '新客' },
  { openid: 'demo-old-2', name: '刘先生', kind: 'customer', label: '老客' },
];

let fetchMock: jest.Mock;
beforeEach(() => {
  resetTaroMocks();
  fetchMock = mockFetch();
  setPlatform('h5');
});

it('loads and validates the identities from GET /api/demo/identities', async () => {
  fetchMock.mockResolvedValueOnce(jsonResponse(PEOPLE));
  await expect(fetchDemoIdentities()).resolves.toEqual({ ok: true, data: PEOPLE });
  expect(fetchMock.mock.calls[0][0]).toBe('/api/demo/identities');
});

it('rejects a malformed list', async () => {
  fetchMock.mockResolvedValueOnce(jsonResponse([{ openid: 'x', kind: 'vip' }]));
  await expect(fetchDemoIdentities()).resolves.toMatchObject({ ok: false, code: 'BAD_RESPONSE' });
});

it('maps a network failure and an HTTP error', async () => {
  fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
  await expect(fetchDemoIdentities()).resolves.toEqual({
    ok: false,
    code: 'NETWORK',
    message: '网络不可用，请稍后重试',
  });
  fetchMock.mockResolvedValueOnce(jsonResponse({}, 500));
  await expect(fetchDemoIdentities()).resolves.toMatchObject({ ok: false, code: 'NETWORK' });
});

it('remembers the chosen identity in storage', () => {
  expect(getCurrentIdentity()).toBeNull();
  setCurrentIdentity(PEOPLE[1]);
  expect(Taro.setStorageSync).toHaveBeenCalledWith(expect.any(String), PEOPLE[1]);
  expect(getCurrentIdentity()).toEqual(PEOPLE[1]);
  expect(getDemoOpenid()).toBe('demo-old-1');
});

it('does nothing outside H5', async () => {
  setPlatform('weapp');
  setCurrentIdentity(PEOPLE[1]);
  expect(getDemoOpenid()).toBeNull();
  await expect(fetchDemoIdentities()).resolves.toEqual({ ok: true, data: [] });
  expect(fetchMock).not.toHaveBeenCalled();
});

it('groups by kind in the order 老客, 新客, 员工, 管理者', () => {
  const groups = groupByKind(PEOPLE);
  expect(groups.map((g) => g.label)).toEqual(['老客', '新客', '员工', '管理者']);
  expect(groups[0].items.map((i) => i.openid)).toEqual(['demo-old-1', 'demo-old-2']);
  expect(groupByKind(PEOPLE.filter((p) => p.kind === 'staff')).map((g) => g.kind)).toEqual(['staff']);
});
