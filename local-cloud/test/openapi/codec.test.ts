import {
  ApiType,
  decodeCommApiData,
  decodeCommOpenApiResp,
  encodeCommApiData,
  encodeCommOpenApiResp,
} from '../../src/openapi';

/** requestData captured from the real SDK for getUnlimited({scene:'abc', page:'pages/index/index'}) (docs/wire-protocol.md §8). */
const CAPTURED_GET_UNLIMITED = Buffer.concat([
  Buffer.from([0x08, 0x00, 0x12, 0x2d]),
  Buffer.from([0x0a, 0x0e, 0x0a, 0x05]),
  Buffer.from('scene'),
  Buffer.from([0x12, 0x05]),
  Buffer.from('"abc"'),
  Buffer.from([0x0a, 0x1b, 0x0a, 0x04]),
  Buffer.from('page'),
  Buffer.from([0x12, 0x13]),
  Buffer.from('"pages/index/index"'),
]);

describe('openapi protobuf codec', () => {
  it('decodes the CommApiData bytes the real SDK sent', () => {
    const msg = decodeCommApiData(CAPTURED_GET_UNLIMITED);
    expect(msg.apiType).toBe(ApiType.OPEN_API);
    expect(msg.hasNonOpenApiPayload).toBe(false);
    expect(msg.appid).toBe('');
    expect(msg.pairs.map((p) => [p.key, p.value.toString(), p.contenttype, p.filename])).toEqual([
      ['scene', '"abc"', '', ''],
      ['page', '"pages/index/index"', '', ''],
    ]);
  });

  it('encodes CommApiData byte-for-byte like the SDK', () => {
    const bytes = encodeCommApiData({
      pairs: [
        { key: 'scene', value: Buffer.from('"abc"') },
        { key: 'page', value: Buffer.from('"pages/index/index"') },
      ],
    });
    expect(bytes.equals(CAPTURED_GET_UNLIMITED)).toBe(true);
  });

  it('round-trips media pairs, appid and the other api types', () => {
    const media = Buffer.from([0, 1, 2, 255]);
    const msg = decodeCommApiData(
      encodeCommApiData({
        apiType: ApiType.SVRKIT_API,
        appid: 'wxother',
        pairs: [{ key: 'media', value: media, filename: 'media.png' }],
      }),
    );
    expect(msg).toMatchObject({ apiType: ApiType.SVRKIT_API, appid: 'wxother' });
    expect(msg.pairs[0]).toEqual({ key: 'media', value: media, contenttype: '', filename: 'media.png' });
  });

  it('flags inner/svrkit/token payloads (fields 3–5)', () => {
    // field 4 (svrkitData), length-delimited, 2 bytes
    const msg = decodeCommApiData(Buffer.from([0x08, 0x02, 0x22, 0x02, 0x0a, 0x00]));
    expect(msg.hasNonOpenApiPayload).toBe(true);
  });

  it('rejects bytes that are not a CommApiData', () => {
    expect(() => decodeCommApiData(Buffer.from('{"not":"protobuf"}'))).toThrow();
    expect(() => decodeCommApiData(Buffer.from([0x12, 0x7f, 0x00]))).toThrow();
  });

  it('writes CommOpenApiResp with the field numbers of docs/wire-protocol.md §8', () => {
    const bytes = encodeCommOpenApiResp({
      respData: Buffer.from('{}'),
      contentType: 'application/json',
      errorCode: -604101,
      httpCode: 200,
      headers: [{ key: 'k', value: 'v' }],
      svrkitErrorCode: 7,
    });
    // respData (1, bytes) then contentType (2, string) then errorCode (3, varint; negative int32 = 10 bytes)
    expect([...bytes.subarray(0, 4)]).toEqual([0x0a, 0x02, 0x7b, 0x7d]);
    expect(bytes[4]).toBe(0x12);
    expect(bytes[5 + 1 + 'application/json'.length - 1]).toBe(0x6e); // ends in 'n'
    expect(bytes[6 + 'application/json'.length]).toBe(0x18);
    expect(decodeCommOpenApiResp(bytes)).toEqual({
      respData: Buffer.from('{}'),
      contentType: 'application/json',
      errorCode: -604101,
      httpCode: 200,
      headers: [{ key: 'k', value: 'v' }],
      svrkitErrorCode: 7,
    });
  });

  it('omits unset response fields so an empty reply decodes to defaults', () => {
    expect(encodeCommOpenApiResp({}).length).toBe(0);
    expect(decodeCommOpenApiResp(encodeCommOpenApiResp({ errorCode: -604100 }))).toMatchObject({
      errorCode: -604100,
      respData: Buffer.alloc(0),
      contentType: '',
    });
  });
});
