/**
 * The product's demo routes (src/dev/) on the local cloud's gateway: GET /api/demo/identities lists
 * the demo people with masked phones only. The core gateway alone does not know them.
 */
import { maskPhone } from '@clinic/shared';
import { DEMO_IDENTITIES, demoRoutes } from '../../src/dev';
import { startTestCloud, type TestCloud } from '../support/local-cloud';

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud({ gatewayRoutes: demoRoutes() });
});
afterAll(async () => {
  await cloud.stop();
});

test('without the dev routes the gateway has no demo identities (404 NOT_FOUND)', async () => {
  const core = await startTestCloud();
  try {
    const res = await core.api('GET', '/demo/identities');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  } finally {
    await core.stop();
  }
});

test('the dev routes leave the core routes as they were', async () => {
  expect((await cloud.api('GET', '/clock')).status).toBe(200);
  expect((await cloud.api('GET', '/nope')).body).toMatchObject({ ok: false, code: 'NOT_FOUND' });
});

test('every phone is masked with the shared maskPhone; no full number is in the answer', async () => {
  const res = await fetch(`${cloud.url}/api/demo/identities`);
  expect(res.status).toBe(200);
  const text = await res.text();
  expect(text).not.toMatch(/1[3-9]\d{9}/);
  const listed = JSON.parse(text) as { openid: string; phone?: string }[];
  expect(listed.map((i) => i.openid)).toEqual(DEMO_IDENTITIES.map((i) => i.openid));
  for (const person of DEMO_IDENTITIES) {
    const shown = listed.find((i) => i.openid === person.openid);
    expect(shown).toEqual({ ...person, phone: maskPhone(person.phone as string) });
  }
  expect(listed.find((i) => i.openid === 'demo-customer-wangli')?.phone).toBe('130****1966');
});
