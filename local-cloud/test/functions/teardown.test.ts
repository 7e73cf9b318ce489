/**
 * A test cloud's stop() waits for the invocations still running before it closes, so a suite's
 * leftover work ends as it would have, instead of being killed mid-call by the next teardown step.
 */
import { startTestCloud } from '../support/local-cloud';

test('stop() lets a running invocation finish, then closes', async () => {
  const cloud = await startTestCloud();
  const warm = await cloud.call('short', { op: 'pid' }, 'o1');
  expect(warm.status).toBe(200);
  const running = cloud.call('short', { op: 'sleep', ms: 800 }, 'o1');
  while (cloud.runner.running() === 0) await new Promise((r) => setTimeout(r, 10));
  await cloud.stop();
  const res = await running;
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ pid: warm.body.pid, keys: ['op', 'ms'] });
  expect(cloud.runner.running()).toBe(0);
});
