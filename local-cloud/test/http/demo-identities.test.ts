/** GET /api/demo/identities lists the demo people with masked phones only. */
import { maskPhone } from '@clinic/shared';
import { DEMO_IDENTITIES } from '../../src/seed';
import { startTestCloud, type TestCloud } from '../support/local-cloud';

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud();
});
afterAll(async () => {
  await cloud.stop();
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
