/**
 * Loading a function is its instance's initialisation, apart from the invocation's timeout (SCF
 * has a separate initialisation limit): on a busy machine, requiring wx-server-sdk in a fresh
 * instance took longer than a 3 s function timeout, and first calls timed out.
 */
import { loadFunctions } from '../../src/functions/registry';
import { FIXTURE_FUNCTIONS, startTestCloud, type TestCloud } from '../support/local-cloud';

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud();
});
afterAll(async () => {
  await cloud.stop();
});

test('a function that takes longer to load than its timeout still answers its first call', async () => {
  // The fixture blocks 1.5 s while loading; its timeout is 1 s.
  expect(loadFunctions(FIXTURE_FUNCTIONS).get('slowstart')?.timeoutMs).toBe(1000);
  const first = await cloud.call('slowstart', {}, 'o1');
  expect(first.status).toBe(200);
  expect(first.body).toEqual({ loaded: true, loadedBy: first.body.pid, pid: expect.any(Number) });
  const second = await cloud.call('slowstart', {}, 'o2');
  expect(second.body.pid).toBe(first.body.pid);
});

test('a module that throws while loading fails each call with its error, and the next call too', async () => {
  for (const openid of ['o1', 'o2']) {
    const res = await cloud.call('broken', {}, openid);
    expect(res.status).toBe(500);
    expect(res.body).toMatchObject({ ok: false, code: 'FUNCTION_ERROR', detail: 'Error: boom while loading' });
  }
});
