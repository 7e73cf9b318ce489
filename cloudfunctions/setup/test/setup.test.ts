import type { TestCloud } from '../../../local-cloud/test/support/local-cloud';
import { startFunctionsCloud } from '../../test/support/cloud';

jest.setTimeout(60_000);

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startFunctionsCloud({ setup: false });
});
afterAll(async () => {
  await cloud.stop();
});

test('setup creates every collection once and is idempotent', async () => {
  const first = await cloud.call('setup', { action: 'run' });
  expect(first.body.ok).toBe(true);
  expect(first.body.data.created).toEqual(expect.arrayContaining(['users', 'staff', 'customers']));
  expect(first.body.data.existing).toEqual([]);
  const second = await cloud.call('setup', { action: 'run' });
  expect(second.body.data.created).toEqual([]);
  expect(second.body.data.existing).toEqual(first.body.data.created);
  expect(second.body.data.indexes.length).toBeGreaterThan(0);
});

test('a mini-program user cannot run setup', async () => {
  const res = await cloud.call('setup', { action: 'run' }, 'openid-customer');
  expect(res.body).toMatchObject({ ok: false, code: 'FORBIDDEN' });
});
