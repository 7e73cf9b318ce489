/** minTimeoutMs raises short configured timeouts (the product's integration tests use it) and nothing else. */
import { startTestCloud } from '../support/local-cloud';

test('with a floor, a call longer than config.json’s timeout but under the floor answers', async () => {
  const floored = await startTestCloud({ minTimeoutMs: 10_000 });
  try {
    const res = await floored.call('short', { op: 'sleep', ms: 3000 }, 'o1'); // short's timeout: 2 s
    expect(res.status).toBe(200);
    expect(res.body.keys).toEqual(['op', 'ms']);
  } finally {
    await floored.stop();
  }
});

test('without one, the same call times out', async () => {
  const plain = await startTestCloud();
  try {
    const res = await plain.call('short', { op: 'sleep', ms: 3000 }, 'o1');
    expect(res.status).toBe(504);
    expect(res.body.code).toBe('FUNCTION_TIMEOUT');
  } finally {
    await plain.stop();
  }
});
