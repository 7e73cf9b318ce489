import * as protobuf from 'protobufjs';

/**
 * The openapi protobuf messages (docs/wire-protocol.md §8), declared by reflection because the SDK ships
 * no .proto. Only the OPEN_API branch is modelled; the other CommApiData payloads are kept as
 * opaque bytes so their presence can still be detected and refused.
 */
function buildRoot(): protobuf.Root {
  const root = new protobuf.Root();
  root.add(new protobuf.Enum('ApiType', { OPEN_API: 0, INNER_API: 1, SVRKIT_API: 2, TOKEN_API: 3 }));
  root.add(
    new protobuf.Type('KeyValuePair')
      .add(new protobuf.Field('key', 1, 'string'))
      .add(new protobuf.Field('value', 2, 'bytes'))
      .add(new protobuf.Field('contenttype', 3, 'string'))
      .add(new protobuf.Field('filename', 4, 'string')),
  );
  root.add(new protobuf.Type('OpenApiData').add(new protobuf.Field('pairs', 1, 'KeyValuePair', 'repeated')));
  root.add(
    new protobuf.Type('CommApiData')
      .add(new protobuf.Field('apiType', 1, 'ApiType'))
      .add(new protobuf.Field('openapiData', 2, 'OpenApiData'))
      .add(new protobuf.Field('innerData', 3, 'bytes'))
      .add(new protobuf.Field('svrkitData', 4, 'bytes'))
      .add(new protobuf.Field('tokenData', 5, 'bytes'))
      .add(new protobuf.Field('appid', 6, 'string')),
  );
  root.add(
    new protobuf.Type('HttpHeader')
      .add(new protobuf.Field('key', 1, 'string'))
      .add(new protobuf.Field('value', 2, 'string')),
  );
  root.add(
    new protobuf.Type('CommOpenApiResp')
      .add(new protobuf.Field('respData', 1, 'bytes'))
      .add(new protobuf.Field('contentType', 2, 'string'))
      .add(new protobuf.Field('errorCode', 3, 'int32'))
      .add(new protobuf.Field('httpCode', 4, 'uint32'))
      .add(new protobuf.Field('headers', 5, 'HttpHeader', 'repeated'))
      .add(new protobuf.Field('svrkitErrorCode', 6, 'int32')),
  );
  root.resolveAll();
  return root;
}

const root = buildRoot();
const CommApiDataType = root.lookupType('CommApiData');
const CommOpenApiRespType = root.lookupType('CommOpenApiResp');

export const ApiType = { OPEN_API: 0, INNER_API: 1, SVRKIT_API: 2, TOKEN_API: 3 } as const;

export interface KeyValuePair {
  key: string;
  value: Buffer;
  contenttype: string;
  filename: string;
}

export interface CommApiData {
  apiType: number;
  pairs: KeyValuePair[];
  appid: string;
  /** True when the message carries an inner/svrkit/token payload instead of (or besides) openapiData. */
  hasNonOpenApiPayload: boolean;
}

export interface CommOpenApiResp {
  respData?: Buffer;
  contentType?: string;
  errorCode?: number;
  httpCode?: number;
  headers?: { key: string; value: string }[];
  svrkitErrorCode?: number;
}

/** Throws (protobufjs error) when the bytes are not a CommApiData. */
export function decodeCommApiData(bytes: Uint8Array): CommApiData {
  const obj = CommApiDataType.toObject(CommApiDataType.decode(bytes), { defaults: true }) as {
    apiType: number;
    openapiData?: { pairs?: Partial<KeyValuePair>[] };
    innerData: Uint8Array;
    svrkitData: Uint8Array;
    tokenData: Uint8Array;
    appid: string;
  };
  const pairs = (obj.openapiData?.pairs ?? []).map((p) => ({
    key: p.key ?? '',
    value: Buffer.from(p.value ?? new Uint8Array()),
    contenttype: p.contenttype ?? '',
    filename: p.filename ?? '',
  }));
  return {
    apiType: obj.apiType,
    pairs,
    appid: obj.appid,
    hasNonOpenApiPayload: obj.innerData.length + obj.svrkitData.length + obj.tokenData.length > 0,
  };
}

export function encodeCommOpenApiResp(resp: CommOpenApiResp): Buffer {
  return Buffer.from(CommOpenApiRespType.encode(CommOpenApiRespType.fromObject(resp)).finish());
}

/** The client side of the codec, for tests and tools that play the SDK's part. */
export function encodeCommApiData(msg: { apiType?: number; pairs: Partial<KeyValuePair>[]; appid?: string }): Buffer {
  const payload = { apiType: msg.apiType ?? ApiType.OPEN_API, openapiData: { pairs: msg.pairs }, appid: msg.appid };
  return Buffer.from(CommApiDataType.encode(CommApiDataType.fromObject(payload)).finish());
}

export function decodeCommOpenApiResp(
  bytes: Uint8Array,
): Required<Omit<CommOpenApiResp, 'headers'>> & Pick<CommOpenApiResp, 'headers'> {
  const obj = CommOpenApiRespType.toObject(CommOpenApiRespType.decode(bytes), {
    defaults: true,
  }) as Required<CommOpenApiResp>;
  return { ...obj, respData: Buffer.from(obj.respData) };
}
