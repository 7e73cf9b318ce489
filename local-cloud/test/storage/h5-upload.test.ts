import { startTestCloud, type TestCloud } from '../support/local-cloud';

/** POST /api/storage/upload: the H5 client's stand-in for wx.cloud.uploadFile. */
describe('the gateway’s upload route', () => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startTestCloud();
  });
  afterAll(async () => {
    await cloud.stop();
  });

  const upload = (body: unknown, openid?: string) =>
    fetch(`${cloud.url}/api/storage/upload`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(openid ? { 'x-demo-openid': openid } : {}) },
      body: JSON.stringify(body),
    });

  it('stores the bytes at the cloud path and answers its fileID, which storage then serves', async () => {
    const bytes = Buffer.from([137, 80, 78, 71, 1, 2, 3]);
    const res = await upload({ cloudPath: 'avatars/o-1/a.png', contentBase64: bytes.toString('base64') }, 'o-1');
    const body = (await res.json()) as { ok: boolean; fileID: string };
    expect(body).toEqual({
      ok: true,
      fileID: expect.stringMatching(/^cloud:\/\/local-dev\..+\/avatars\/o-1\/a\.png$/),
    });
    const served = await fetch(`${cloud.url}/local-files/avatars/o-1/a.png`);
    expect(Buffer.from(await served.arrayBuffer())).toEqual(bytes);
  });

  it('takes a file of several MB (a manager’s customer import), beyond the 256 KB of other routes', async () => {
    const bytes = Buffer.alloc(3 * 1024 * 1024, 7);
    const res = await upload({ cloudPath: 'imports/o-1/big.csv', contentBase64: bytes.toString('base64') }, 'o-1');
    expect(res.status).toBe(200);
    const served = await fetch(`${cloud.url}/local-files/imports/o-1/big.csv`);
    expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);
    // Function calls keep their limit.
    const call = await fetch(`${cloud.url}/api/functions/none`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pad: 'x'.repeat(300 * 1024) }),
    });
    expect(call.status).toBe(413);
  });

  it('needs a demo identity, a valid cloud path and some content', async () => {
    expect((await upload({ cloudPath: 'a.png', contentBase64: 'AA==' })).status).toBe(401);
    const escape = await upload({ cloudPath: '../a.png', contentBase64: 'AA==' }, 'o-1');
    expect(escape.status).toBe(400);
    expect(await escape.json()).toMatchObject({ code: 'INVALID_CLOUD_PATH' });
    expect((await upload({ cloudPath: 'a.png' }, 'o-1')).status).toBe(400);
  });
});
