/**
 * The SDK harness waits for the SDK's own work before it tears down. Before, a suite whose test ran
 * out of time left runTransaction retrying while afterAll closed the server and put process.env
 * back; the retries then ran without the local-cloud settings ("missing secretId or secretKey",
 * then requests meant for Tencent).
 */
import { startSdkHarness, type Loose, type SdkHarness } from '../support/sdk-harness';

const reply = (list: unknown[]) => ({ data: { list: list.map((d) => JSON.stringify(d)), limit: 100, offset: 0 } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('close() lets the SDK finish the requests it is sending, then restores the environment', async () => {
  const before = process.env.TCB_CONTEXT_CNFG;
  let answered = 0;
  let received!: () => void;
  const arrived = new Promise<void>((r) => (received = r));
  const harness: SdkHarness = await startSdkHarness(async () => {
    received();
    await sleep(400); // a slow backend: the call is still in flight when close() starts
    answered += 1;
    return reply([{ _id: 'a' }]);
  });
  const db: Loose = harness.db;
  const inFlight = db.collection('c').get();
  await arrived;
  await harness.close();
  await expect(inFlight).resolves.toMatchObject({ data: [{ _id: 'a' }] });
  expect(answered).toBe(1);
  expect(process.env.TCB_CONTEXT_CNFG).toBe(before);
});

test('an SDK still busy after the drain limit makes close() fail loudly and keeps the SDK on loopback', async () => {
  // A second SDK instance in its own module registry (the first one's init is done).
  let harness: SdkHarness | undefined;
  let received!: () => void;
  const arrived = new Promise<void>((r) => (received = r));
  await jest.isolateModulesAsync(async () => {
    harness = await startSdkHarness(
      async () => {
        received();
        await sleep(5_000);
        return reply([]);
      },
      { drainLimitMs: 300 },
    );
  });
  if (!harness) throw new Error('no harness');
  const leftover = harness.db
    .collection('c')
    .get()
    .then(
      () => 'resolved',
      (e: Error) => String(e.message ?? e),
    );
  await arrived;
  await expect(harness.close()).rejects.toThrow(/still sending requests 300 ms after the suite ended/);
  // Not restored: the leftover ends on the closed loopback port, never at a real endpoint.
  expect(process.env.TCB_CONTEXT_CNFG).toContain(`127.0.0.1:${harness.port}`);
  await expect(leftover).resolves.not.toBe('resolved');
  await expect(leftover).resolves.not.toMatch(/secretId|loopback guard/);
});
