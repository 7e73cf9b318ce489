import * as z from 'zod';
import { defineContract, userContract } from '@clinic/shared';
import { callFunction } from '../../src/services/cloud';
import { setCurrentIdentity } from '../../src/services/demo-identity';
import {
  USER,
  cloudCall,
  jsonResponse,
  mockFetch,
  resetTaroMocks,
  sentRequest,
  setPlatform,
  textResponse,
} from '../helpers';

const echoContract = defineContract({
  echo: {
    input: z.strictObject({ text: z.string().max(50_000) }),
    output: z.object({ text: z.string() }),
  },
});

let fetchMock: jest.Mock;

beforeEach(() => {
  resetTaroMocks();
  fetchMock = mockFetch();
});

describe('callFunction on h5 (local gateway)', () => {
  beforeEach(() => setPlatform('h5'));

  it('posts { action, data } to /api/functions/:name with the demo openid and returns the typed data', async () => {
    setCurrentIdentity({ openid: 'demo-old-1', name: '王女士', kind: 'customer', label: '老客 · 3 次护理' });
    fetchMock.mockResolvedValueOnce(jsonResponse({ ok: true, data: USER }));

    const res = await callFunction('user', userContract, 'login', {});

    expect(res).toEqual({ ok: true, data: USER });
    const sent = sentRequest(fetchMock);
    expect(sent.url).toBe('/api/functions/user');
    expect(sent.headers).toEqual({ 'content-type': 'application/json', 'X-Demo-Openid': 'demo-old-1' });
    expect(sent.body).toEqual({ action: 'login', data: {} });
    expect(fetchMock.mock.calls[0][1].method).toBe('POST');
  });

  it('sends no X-Demo-Openid header before an identity is chosen', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse({ ok: true, data: USER }));
    await callFunction('user', userContract, 'login', {});
    expect(sentRequest(fetchMock).headers).toEqual({ 'content-type': 'application/json' });
  });

  it('validates the input before sending: an invalid input makes no call', async () => {
    const res = await callFunction('user', userContract, 'login', { role: 'admin' } as never);
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(res.ok ? '' : res.message).toMatch(/^输入内容有误/);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('rejects a wrongly typed field with its path, without a call', async () => {
    const res = await callFunction('echo', echoContract, 'echo', { text: 42 } as never);
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(res.ok ? '' : res.message).toContain('text');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('rejects an event over the size limit without a call', async () => {
    const res = await callFunction('echo', echoContract, 'echo', { text: '美'.repeat(6000) });
    expect(res).toMatchObject({ ok: false, code: 'PAYLOAD_TOO_LARGE' });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('validates the output: data not matching the output schema is BAD_RESPONSE', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse({ ok: true, data: { id: 7, roles: 'customer' } }));
    const res = await callFunction('user', userContract, 'login', {});
    expect(res).toEqual({ ok: false, code: 'BAD_RESPONSE', message: '服务返回的数据有误，请稍后重试' });
  });

  it('treats an answer that is not the envelope as BAD_RESPONSE', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse({ user: USER }));
    const res = await callFunction('user', userContract, 'login', {});
    expect(res).toMatchObject({ ok: false, code: 'BAD_RESPONSE' });
  });

  it('passes a function failure through unchanged', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse({ ok: false, code: 'FORBIDDEN', message: '您没有权限进行此操作' }, 403),
    );
    const res = await callFunction('user', userContract, 'login', {});
    expect(res).toEqual({ ok: false, code: 'FORBIDDEN', message: '您没有权限进行此操作' });
  });

  it('keeps the message of a code outside the catalogue but hands the page a known code', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse({ ok: false, code: 'SOMETHING_NEW', message: '新的提示' }, 200));
    const res = await callFunction('user', userContract, 'login', {});
    expect(res).toEqual({ ok: false, code: 'INTERNAL', message: '新的提示' });
  });

  it('maps a network failure to NETWORK', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const res = await callFunction('user', userContract, 'login', {});
    expect(res).toEqual({ ok: false, code: 'NETWORK', message: '网络不可用，请稍后重试' });
  });

  it('maps a non-JSON gateway error page to NETWORK with the HTTP status', async () => {
    fetchMock.mockResolvedValueOnce(textResponse(502));
    const res = await callFunction('user', userContract, 'login', {});
    expect(res).toMatchObject({ ok: false, code: 'NETWORK' });
    expect(res.ok ? '' : res.message).toContain('502');
  });

  it('never uses the WeChat transport', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse({ ok: true, data: USER }));
    await callFunction('user', userContract, 'login', {});
    expect(cloudCall).not.toHaveBeenCalled();
  });
});

describe('callFunction on weapp (WeChat Cloud)', () => {
  beforeEach(() => setPlatform('weapp'));

  it('calls Taro.cloud.callFunction with { name, data: { action, data } } and returns result', async () => {
    cloudCall.mockResolvedValueOnce({ errMsg: 'cloud.callFunction:ok', result: { ok: true, data: USER } });
    const res = await callFunction('user', userContract, 'login', {});
    expect(res).toEqual({ ok: true, data: USER });
    expect(cloudCall).toHaveBeenCalledWith({ name: 'user', data: { action: 'login', data: {} } });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('ignores any demo identity (the header only exists in H5)', async () => {
    setCurrentIdentity({ openid: 'demo-old-1', name: '王女士', kind: 'customer', label: '' });
    cloudCall.mockResolvedValueOnce({ errMsg: 'cloud.callFunction:ok', result: { ok: true, data: USER } });
    await callFunction('user', userContract, 'login', {});
    expect(JSON.stringify(cloudCall.mock.calls[0])).not.toContain('demo-old-1');
  });

  it('validates the input before calling', async () => {
    const res = await callFunction('user', userContract, 'login', { openid: 'someone-else' } as never);
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(cloudCall).not.toHaveBeenCalled();
  });

  it('validates the output', async () => {
    cloudCall.mockResolvedValueOnce({
      errMsg: 'cloud.callFunction:ok',
      result: { ok: true, data: { ...USER, roles: ['owner'] } },
    });
    const res = await callFunction('user', userContract, 'login', {});
    expect(res).toMatchObject({ ok: false, code: 'BAD_RESPONSE' });
  });

  it('maps a failed request to NETWORK', async () => {
    cloudCall.mockRejectedValueOnce({ errMsg: 'cloud.callFunction:fail request:fail timeout' });
    const res = await callFunction('user', userContract, 'login', {});
    expect(res).toEqual({ ok: false, code: 'NETWORK', message: '网络不可用，请稍后重试' });
  });

  it('maps a crashed function (-504002) to INTERNAL', async () => {
    cloudCall.mockRejectedValueOnce({ errMsg: 'cloud.callFunction:fail -504002 functions execute fail' });
    const res = await callFunction('user', userContract, 'login', {});
    expect(res).toEqual({ ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' });
  });
});
