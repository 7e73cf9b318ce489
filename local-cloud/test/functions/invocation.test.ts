import { DEFAULT_TIMEOUT_SECONDS, loadFunctions } from '../../src/functions/registry';
import { FIXTURE_FUNCTIONS, startTestCloud, type TestCloud } from '../support/local-cloud';

jest.setTimeout(120_000);

/** Millisecond rounding between the clocks involved (ISO strings, the worker's faked Date). */
const SLACK_MS = 50;

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud();
});
afterAll(async () => {
  await cloud.stop();
});

describe('invocation', () => {
  test('each call sees its own OPENID, APPID, SOURCE and ENV from getWXContext()', async () => {
    const { status, body } = await cloud.call('probe', { op: 'whoami', tag: 'x' }, 'openid-alice');
    expect(status).toBe(200);
    expect(body).toEqual({
      OPENID: 'openid-alice',
      APPID: expect.stringMatching(/^wx/),
      SOURCE: 'wx_client',
      ENV: 'local-dev',
      tag: 'x',
    });
  });

  test('concurrent calls for different users never see each other’s identity', async () => {
    const calls = Array.from({ length: 16 }, (_, i) =>
      cloud.call('probe', { op: 'whoami', tag: i, delayMs: (i * 7) % 40 }, `openid-user-${i}`),
    );
    const results = await Promise.all(calls);
    results.forEach(({ body }, i) => {
      expect(body.OPENID).toBe(`openid-user-${i}`);
      expect(body.tag).toBe(i);
    });
  });

  test('a call without a demo OPENID runs with no OPENID', async () => {
    const { body } = await cloud.call('probe', { op: 'whoami' });
    expect(body.OPENID).toBeUndefined();
  });

  test('the gateway returns exactly what the function returns', async () => {
    const { body } = await cloud.call('probe', { op: 'echo-me', nested: { a: [1, 'two'] } }, 'o1');
    expect(body).toEqual({ echo: { op: 'echo-me', nested: { a: [1, 'two'] } } });
  });

  test('the configured timeout (3 s by default) is enforced and the next call still works', async () => {
    // No stopwatch (a loaded machine is slow, not wrong): the configured value, then outcomes on
    // either side of it with seconds of room.
    expect(loadFunctions(FIXTURE_FUNCTIONS).get('slow')?.timeoutMs).toBe(DEFAULT_TIMEOUT_SECONDS * 1000);
    expect(DEFAULT_TIMEOUT_SECONDS).toBe(3);
    const slow = await cloud.call('slow', { op: 'sleep', ms: 10_000 }, 'o1');
    expect(slow.status).toBe(504);
    expect(slow.body).toMatchObject({ ok: false, code: 'FUNCTION_TIMEOUT' });
    const next = await cloud.call('slow', { op: 'sleep', ms: 1 }, 'o2');
    expect(next.body).toEqual({ awake: true, OPENID: 'o2' });
    const withinLimit = await cloud.call('slow', { op: 'sleep', ms: 1000 }, 'o3');
    expect(withinLimit.body).toEqual({ awake: true, OPENID: 'o3' });
  });

  test('a crashing instance is replaced', async () => {
    const crash = await cloud.call('slow', { op: 'crash' }, 'o1');
    expect(crash.status).toBe(500);
    expect(crash.body.code).toBe('FUNCTION_ERROR');
    const next = await cloud.call('slow', {}, 'o3');
    expect(next.body.OPENID).toBe('o3');
  });

  test('an unknown function is a 404 with a code', async () => {
    const res = await cloud.call('nope', {}, 'o1');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('FUNCTION_NOT_FOUND');
  });

  test('function-to-function calls act for the same user', async () => {
    const { body } = await cloud.call('probe', { op: 'call', target: 'slow', data: {} }, 'openid-bob');
    expect(body).toEqual({ callee: { awake: true, OPENID: 'openid-bob' }, caller: 'openid-bob' });
  });

  test('database round trips are counted per invocation', async () => {
    const res = await cloud.call('probe', { op: 'roundtrips', n: 5 }, 'o1');
    // createCollection + 5 adds
    expect(res.headers.get('x-db-round-trips')).toBe('6');
  });
});

describe('the settable clock', () => {
  test('moving the clock moves the functions’ Date and serverDate together', async () => {
    // The emulated clock keeps running after the jump: everything read must lie between the target
    // and the target plus the real time that passed (however long that was).
    const target = '2027-03-01T01:02:03.000Z';
    const before = Date.now();
    const set = await cloud.api('POST', '/clock', { now: target });
    expect(set.status).toBe(200);
    const { body } = await cloud.call('probe', { op: 'time' }, 'o1');
    const read = await cloud.api('GET', '/clock');
    const latest = Date.parse(target) + (Date.now() - before) + SLACK_MS;
    const earliest = Date.parse(target) - SLACK_MS;
    for (const at of [body.functionNow, body.serverDate, read.body.now]) {
      expect(Date.parse(at)).toBeGreaterThanOrEqual(earliest);
      expect(Date.parse(at)).toBeLessThanOrEqual(latest);
    }
  });

  test('a malformed time is refused', async () => {
    const res = await cloud.api('POST', '/clock', { now: 'tomorrow' });
    expect(res.status).toBe(400);
  });
});

describe('timers', () => {
  test('POST /api/trigger fires the timer with SOURCE wx_trigger and no OPENID', async () => {
    const res = await cloud.api('POST', '/trigger/timed');
    expect(res.status).toBe(200);
    const runs = cloud.db.find('timer_runs');
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      source: 'wx_trigger',
      openid: null,
      event: { Type: 'Timer', TriggerName: 'daily9' },
    });
  });

  test('a function without a timer cannot be triggered', async () => {
    const res = await cloud.api('POST', '/trigger/slow');
    expect(res.status).toBe(404);
  });
});

describe('openapi through deployed functions', () => {
  test('subscribe messages consume one-time grants made through the gateway (43101 when none is left)', async () => {
    const grant = await cloud.api('POST', '/subscribe/grant', {
      openid: 'openid-sub',
      templateId: 'tpl-visit',
      count: 2,
    });
    expect(grant.status).toBe(200);
    const send = () => cloud.call('probe', { op: 'send', templateId: 'tpl-visit' }, 'openid-sub');
    expect((await send()).body).toMatchObject({ errCode: 0 });
    expect((await send()).body).toMatchObject({ errCode: 0 });
    const third = await send();
    expect(third.status).toBe(500);
    expect(third.body.detail).toMatch(/43101/);
    const outbox = await cloud.api('GET', '/outbox');
    const sends = outbox.body.filter((e: any) => e.apiName === 'subscribeMessage.send' && e.caller === 'openid-sub');
    expect(sends.map((e: any) => e.result)).toEqual(['ok', 'ok', 'error']);
    expect(sends[0]).toMatchObject({
      functionName: 'probe',
      params: { template_id: 'tpl-visit', touser: 'openid-sub' },
    });
  });

  test('an openapi call not listed in the function’s config.json is refused with -604101', async () => {
    const res = await cloud.call('slow', { op: 'qr' }, 'o1');
    expect(res.status).toBe(500);
    expect(res.body.detail).toMatch(/-604101/);
  });

  test('a bad grant request is refused', async () => {
    const res = await cloud.api('POST', '/subscribe/grant', { openid: 'x', templateId: '', count: 0 });
    expect(res.status).toBe(400);
  });
});
