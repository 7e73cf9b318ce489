/**
 * Events that cannot be delivered to an instance are refused with a typed error before any
 * instance is taken, and leave nothing behind: before this was so, a ~120 KB deeply nested body got
 * a 500 GATEWAY_ERROR (the IPC send failed) and the timer armed for it killed, one timeout later,
 * whatever call that instance was serving by then.
 */
import { loadFunctions } from '../../src/functions/registry';
import { MAX_EVENT_DEPTH, nestingDepth } from '../../src/functions/event-codec';
import { FIXTURE_FUNCTIONS, startTestCloud, type TestCloud } from '../support/local-cloud';

let cloud: TestCloud;
beforeAll(async () => {
  // One instance, so that every call below is served by the same process.
  cloud = await startTestCloud({ maxInstancesPerFunction: 1 });
});
afterAll(async () => {
  await cloud.stop();
});

const SHORT_TIMEOUT_MS = loadFunctions(FIXTURE_FUNCTIONS).get('short')?.timeoutMs ?? NaN;

/** `{"a":{"a":…1…}}`, 20,000 levels: ~120 KB, well under the gateway's 256 KB body limit. */
const DEEP_BODY = '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000);

async function post(name: string, body: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${cloud.url}/api/functions/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-demo-openid': 'o-deep' },
    body,
  });
  return { status: res.status, body: await res.json() };
}

test('the fixture has the short timeout this test relies on', () => {
  expect(SHORT_TIMEOUT_MS).toBe(2000);
  expect(DEEP_BODY.length).toBeGreaterThan(120_000);
  expect(DEEP_BODY.length).toBeLessThan(256 * 1024);
});

test('a deeply nested body is refused with a typed 400, and the instance keeps serving past the timeout', async () => {
  const warm = await cloud.call('short', { op: 'pid' }, 'o1');
  expect(warm.status).toBe(200);
  const pid = warm.body.pid as number;

  const deep = await post('short', DEEP_BODY);
  expect(deep.status).toBe(400);
  expect(deep.body).toMatchObject({
    ok: false,
    code: 'EVENT_UNDELIVERABLE',
    message: expect.stringMatching(new RegExp(`嵌套超过 ${MAX_EVENT_DEPTH} 层`)),
  });

  // Calls to the same function (same single instance) for longer than its timeout after the refusal:
  // each must answer, from the same process. A timer left behind would kill the instance mid-call
  // (500, "instance exited (SIGKILL)") or between calls (a new pid).
  const until = Date.now() + SHORT_TIMEOUT_MS + 1500;
  let calls = 0;
  while (Date.now() < until || calls < 3) {
    const next = await cloud.call('short', { op: 'sleep', ms: 300 }, 'o2');
    expect(next.status).toBe(200);
    expect(next.body).toEqual({ pid, keys: ['op', 'ms'] });
    calls += 1;
  }
});

test('an event at the depth limit is delivered; one level more is refused', async () => {
  const nest = (levels: number): unknown => {
    let v: unknown = 1;
    for (let i = 0; i < levels; i++) v = { a: v };
    return v;
  };
  const atLimit = { op: 'pid', x: nest(MAX_EVENT_DEPTH - 1) };
  expect(nestingDepth(atLimit)).toBe(MAX_EVENT_DEPTH);
  const ok = await cloud.call('short', atLimit, 'o3');
  expect(ok.status).toBe(200);
  expect(ok.body.keys).toEqual(['op', 'x']);

  const tooDeep = { op: 'pid', x: nest(MAX_EVENT_DEPTH) };
  const refused = await cloud.call('short', tooDeep, 'o3');
  expect(refused.status).toBe(400);
  expect(refused.body.code).toBe('EVENT_UNDELIVERABLE');
});

test('a body over the gateway limit is a typed 413, not a GATEWAY_ERROR', async () => {
  const big = JSON.stringify({ op: 'pid', pad: 'x'.repeat(300 * 1024) });
  const res = await post('short', big);
  expect(res.status).toBe(413);
  expect(res.body).toMatchObject({
    ok: false,
    code: 'PAYLOAD_TOO_LARGE',
    message: expect.stringMatching(/请求体过大/),
  });
});
