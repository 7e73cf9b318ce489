import * as QRCode from 'qrcode';
import { decodePalettePng, pngSize } from './support/png';
import { openApiFixture, type OpenApiFixture } from './support/openapi-fixture';
import { sdkError } from './support/wx-cloud';

/** Every module of the QR code of `text` (level M, 2-module margin) shows at its centre pixel. */
function expectQrCodeOf(png: Buffer, text: string): void {
  const image = decodePalettePng(png);
  const modules = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  const total = modules.size + 4;
  const centre = (m: number): number => Math.floor(((m + 2 + 0.5) * image.width) / total);
  let mismatches = 0;
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      const dark = image.rgba(centre(col), centre(row))[0] < 128;
      if (dark !== Boolean(modules.get(row, col))) mismatches++;
    }
  }
  expect(mismatches).toBe(0);
  expect(image.rgba(0, 0)).toEqual([255, 255, 255, 255]);
}

const card = { functionName: 'referral', openid: 'oREFERRER', permissions: ['wxacode.getUnlimited'] };

describe('wxacode.getUnlimited through the real wx-server-sdk', () => {
  let fx: OpenApiFixture;
  beforeAll(async () => {
    fx = await openApiFixture('wxacode');
  });
  afterAll(() => fx.dispose());
  beforeEach(() => fx.callAs(card));

  const getUnlimited = (params: Record<string, unknown>) => fx.cloud.openapi.wxacode.getUnlimited(params);

  it('returns a real PNG QR code of <page>?scene=<scene>, stored in the file store', async () => {
    const res = await getUnlimited({ scene: 'r=AB12cd', page: 'pages/landing/index', width: 430, checkPath: false });
    expect(res).toMatchObject({ contentType: 'image/png', errCode: 0, errMsg: 'openapi.wxacode.getUnlimited:ok' });
    const png = res.buffer as Buffer;
    expect(pngSize(png)).toEqual({ width: 430, height: 430 });

    expectQrCodeOf(png, 'pages/landing/index?scene=r%3DAB12cd');

    const entry = fx.service().outbox().at(-1);
    expect(entry).toMatchObject({
      apiName: 'wxacode.getUnlimited',
      functionName: 'referral',
      caller: 'oREFERRER',
      result: 'ok',
      params: { scene: 'r=AB12cd', page: 'pages/landing/index', width: 430, check_path: false },
    });
    expect(entry?.fileId).toMatch(/^cloud:\/\/test-env-1a2b\.[^/]+\/wxacode\/[0-9a-f]{40}\.png$/);
    const stored = await fx.cloud.downloadFile({ fileID: entry?.fileId ?? '' });
    expect(stored.fileContent.equals(png)).toBe(true);
  });

  it('clamps the width to 280–1280 px and defaults to 430', async () => {
    const sizeOf = async (params: Record<string, unknown>) =>
      pngSize((await getUnlimited(params)).buffer as Buffer).width;
    expect(await sizeOf({ scene: 'a', width: 100 })).toBe(280);
    expect(await sizeOf({ scene: 'a', width: 5000 })).toBe(1280);
    expect(await sizeOf({ scene: 'a' })).toBe(430);
  });

  it('accepts 32 characters of the full allowed set', async () => {
    const allowed = "09AZaz!#$&'()*+,/:;=?@-._~";
    await expect(getUnlimited({ scene: allowed.padEnd(32, 'x') })).resolves.toMatchObject({ errCode: 0 });
  });

  it('rejects a 33-character scene with 40169', async () => {
    const err = await sdkError(getUnlimited({ scene: 'x'.repeat(33), page: 'pages/landing/index' }));
    expect(err.errCode).toBe(40169);
    expect(err.errMsg).toContain('invalid length for scene');
  });

  it('rejects an empty or missing scene with 40169', async () => {
    expect((await sdkError(getUnlimited({ scene: '' }))).errCode).toBe(40169);
    expect((await sdkError(getUnlimited({ page: 'pages/landing/index' }))).errCode).toBe(40169);
  });

  it('rejects characters outside the allowed set with 40129', async () => {
    expect((await sdkError(getUnlimited({ scene: '中文' }))).errCode).toBe(40129);
    expect((await sdkError(getUnlimited({ scene: 'a b' }))).errCode).toBe(40129);
    expect((await sdkError(getUnlimited({ scene: 'a%20b' }))).errCode).toBe(40129);
  });

  it('rejects a page with a leading "/" with 41030', async () => {
    const err = await sdkError(getUnlimited({ scene: 'ok', page: '/pages/landing/index' }));
    expect(err.errCode).toBe(41030);
  });

  it('rejects an unknown env_version', async () => {
    expect((await sdkError(getUnlimited({ scene: 'ok', envVersion: 'beta' }))).errCode).toBe(40097);
  });

  it('records failures in the outbox with the decoded params and no file', async () => {
    await sdkError(getUnlimited({ scene: '中文', page: 'pages/landing/index' }));
    const entry = fx.service().outbox().at(-1);
    expect(entry).toMatchObject({ result: 'error', errCode: 40129, params: { scene: '中文' } });
    expect(entry?.errMsg).toMatch(/^invalid scene rid: /);
    expect(entry?.fileId).toBeUndefined();
  });

  it('draws transparent and coloured codes on request', async () => {
    const res = await getUnlimited({
      scene: 'c',
      isHyaline: true,
      autoColor: false,
      lineColor: { r: 200, g: '10', b: 0 },
    });
    const image = decodePalettePng(res.buffer as Buffer);
    expect(image.rgba(0, 0)[3]).toBe(0);
    // The finder pattern's top-left module sits right after the 2-module margin.
    const modules = QRCode.create('?scene=c', { errorCorrectionLevel: 'M' }).modules.size;
    const finder = Math.floor((2.5 * image.width) / (modules + 4));
    expect(image.rgba(finder, finder)).toEqual([200, 10, 0, 255]);
  });
});
