import FormData from 'form-data';
import { createHash } from 'node:crypto';
import { ApiType, decodeCommOpenApiResp, encodeCommApiData, OpenApiService } from '../../src/openapi';
import { FileStore } from '../../src/storage';
import { steppingClock } from './support/openapi-fixture';
import { makeTempDir, removeDir } from './support/temp-dir';

/** A multipart body shaped like the SDK's (docs/wire-protocol.md §8), built with the same `form-data` package. */
function multipart(parts: Record<string, string | Buffer>): { body: Buffer; contentType: string } {
  const form = new FormData();
  for (const [name, value] of Object.entries(parts)) {
    if (Buffer.isBuffer(value)) form.append(name, value, { contentType: 'application/octet-stream' });
    else form.append(name, value);
  }
  return { body: form.getBuffer(), contentType: form.getHeaders()['content-type'] as string };
}

const caller = { functionName: 'notify', openid: 'oSTAFF', permissions: ['subscribeMessage.send'] };

describe('OpenApiService.handleHttp', () => {
  let dataDir: string;
  let service: OpenApiService;
  beforeEach(() => {
    dataDir = makeTempDir('openapi-service');
    const storage = new FileStore({ dataDir, envId: 'env-1', publicBaseUrl: () => 'http://127.0.0.1:1' });
    service = new OpenApiService({ dataDir, now: steppingClock('2026-01-01T00:00:00Z'), storage });
  });
  afterEach(() => {
    service.close();
    removeDir(dataDir);
  });

  const call = (parts: Record<string, string | Buffer>) => {
    const { body, contentType } = multipart(parts);
    return service.handleHttp(body, contentType, caller);
  };

  it('answers protobuf as application/octet-stream, never the JSON content type node-sdk would parse', async () => {
    service.grant('oU', 'T', 1);
    const requestData = encodeCommApiData({
      pairs: [
        { key: 'touser', value: Buffer.from('"oU"') },
        { key: 'template_id', value: Buffer.from('"T"') },
        { key: 'data', value: Buffer.from('{"thing1":{"value":"hi"}}') },
      ],
    });
    const reply = await call({ action: 'wx.openApi', apiName: 'subscribeMessage.send', requestData, envName: 'env-1' });
    expect(reply).toMatchObject({ status: 200, contentType: 'application/octet-stream' });
    const resp = decodeCommOpenApiResp(reply.body);
    expect(resp).toMatchObject({ errorCode: 0, contentType: 'application/json', httpCode: 200 });
    expect(JSON.parse(resp.respData.toString())).toMatchObject({ errcode: 0, errmsg: 'ok' });
  });

  it.each([
    ['a body that is not multipart', { body: Buffer.from('{}'), contentType: 'application/json' }],
    ['a multipart body without requestData', multipart({ action: 'wx.openApi', apiName: 'subscribeMessage.send' })],
    ['another action', multipart({ action: 'wx.wxPayApi', apiName: 'x', requestData: Buffer.from([8, 0]) })],
    [
      'requestData that is not protobuf',
      multipart({ action: 'wx.openApi', apiName: 'x', requestData: Buffer.from([0x12, 0x7f]) }),
    ],
  ])('answers %s with the TCB JSON error the SDK maps to -501007', async (_label, { body, contentType }) => {
    const reply = await service.handleHttp(body, contentType, caller);
    expect(reply.status).toBe(200);
    const json = JSON.parse(reply.body.toString()) as { code: string };
    expect(json.code).toBe('INVALID_PARAM');
    // The SDK first tries the protobuf decode; it must fail so that it falls back to this JSON.
    expect(() => decodeCommOpenApiResp(reply.body)).toThrow();
  });

  it('refuses non-OPEN_API messages with a system error, and logs them', async () => {
    const requestData = encodeCommApiData({ apiType: ApiType.TOKEN_API, pairs: [] });
    const reply = await call({ action: 'wx.openApi', apiName: 'subscribeMessage.send', requestData });
    expect(decodeCommOpenApiResp(reply.body).errorCode).toBe(-601001);
    expect(service.outbox()).toMatchObject([{ apiName: 'subscribeMessage.send', result: 'error', errCode: -601001 }]);
  });

  it('summarises media params instead of storing their bytes', async () => {
    const requestData = encodeCommApiData({
      pairs: [{ key: 'media', value: Buffer.from('PNGDATA'), filename: 'media.png' }],
    });
    await call({ action: 'wx.openApi', apiName: 'subscribeMessage.send', requestData });
    expect(service.outbox()[0].params).toEqual({
      media: { media: { filename: 'media.png', size: 7, sha1: createHash('sha1').update('PNGDATA').digest('hex') } },
    });
  });
});
