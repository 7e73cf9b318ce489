/**
 * Tests never reach a non-local endpoint: the jest setup file confines every test process to
 * loopback, and the test clouds confine their function instances. Before, a suite whose SDK
 * environment had been restored while its work still ran sent that work towards Tencent's real
 * endpoints ("missing secretId or secretKey", or worse, a real request).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isLoopbackGuardInstalled, isLoopbackHost, LOOPBACK_ONLY_ERROR } from '../../src/functions/loopback-guard';
import { sdkEnvironment } from '../../src/functions/sdk-environment';
import { startTestCloud, type TestCloud } from '../support/local-cloud';

// TEST-NET-3 (RFC 5737): never routed, so even without the guard nothing real is reached.
const UNROUTABLE = 'http://203.0.113.7/';

test('the jest setup file installed the guard in this process', () => {
  expect(isLoopbackGuardInstalled()).toBe(true);
});

test('loopback hosts are told apart from the rest', () => {
  for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', 'api.localhost', '::1', '[::1]', '::ffff:127.0.0.1']) {
    expect(isLoopbackHost(h)).toBe(true);
  }
  for (const h of ['203.0.113.7', '10.0.0.1', '0.0.0.0', 'tcb-api.tencentcloudapi.com', '::ffff:8.8.8.8', '']) {
    expect(isLoopbackHost(h)).toBe(false);
  }
});

test('http and fetch to a non-loopback host throw a clear error; loopback still works', async () => {
  expect(() => http.get(UNROUTABLE)).toThrow(/loopback guard: blocked a connection to 203\.0\.113\.7:80/);
  const failed = await fetch('https://tcb-api.tencentcloudapi.com/admin').then(
    () => undefined,
    (e: unknown) => e as Error & { cause?: unknown },
  );
  expect(String(failed?.cause)).toMatch(/loopback guard: blocked a connection to tcb-api\.tencentcloudapi\.com:443/);

  const server = http.createServer((_req, res) => res.end('local'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    expect(await res.text()).toBe('local');
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

test('the real SDK without its local-cloud URL fails with the guard’s error, not a request to Tencent', async () => {
  // What a suite's leftover work saw once its harness had put the environment back: SCF mode and
  // secrets, but no TCB_CONTEXT_CNFG pointing at the local cloud.
  Object.assign(process.env, sdkEnvironment('guard-env'), { WX_OPENID: 'o-guard' });
  delete process.env.TCB_CONTEXT_CNFG;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk');
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  const error = await cloud
    .database()
    .collection('anything')
    .get()
    .then(
      () => undefined,
      (e: unknown) => e as Error,
    );
  expect(String(error?.message ?? error)).toMatch(/loopback guard: blocked a connection to/);
});

describe('function instances of a test cloud', () => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startTestCloud();
  });
  afterAll(async () => {
    await cloud.stop();
  });

  test('cannot reach a non-loopback host', async () => {
    const res = await cloud.call('probe', { op: 'egress', url: UNROUTABLE }, 'o1');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ reached: false, code: LOOPBACK_ONLY_ERROR });
    expect(res.body.message).toMatch(/blocked a connection to 203\.0\.113\.7:80/);
  });

  test('still reach the local cloud itself', async () => {
    const res = await cloud.call('probe', { op: 'egress', url: `${cloud.url}/api/health` }, 'o1');
    expect(res.body).toEqual({ reached: true });
  });
});
