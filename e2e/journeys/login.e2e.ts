import type { Browser } from 'playwright-core';
import { launchBrowser, phonePage, screenshot } from '../support/browser';
import { startStack, stopStack, type Stack } from '../support/stack';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  if (stack) await stopStack(stack);
});

test('a demo customer signs in on a fresh data folder and sees their login record', async () => {
  const page = await phonePage(browser);
  await page.goto(stack.url + '/');
  const signin = page.getByTestId('demo-signin');
  await signin.waitFor();
  const identities = (await (await fetch(`${stack.url}/api/demo/identities`)).json()) as {
    openid: string;
    kind: string;
  }[];
  const customer = identities.find((i) => i.kind === 'customer');
  expect(customer).toBeDefined();
  await page.getByTestId(`demo-identity-${customer!.openid}`).click();

  const record = page.getByTestId('login-record');
  await record.waitFor();
  const userId = (await page.getByTestId('login-user-id').innerText()).trim();
  expect(userId).toMatch(/u[0-9a-f]{24}/);
  // The seeded demo customer is an existing customer (老客): the role comes from the clinic's records.
  expect(await page.getByTestId('login-roles').innerText()).toMatch(/老客|customer/);
  expect(await page.getByTestId('login-created-at').innerText()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  await screenshot(page, 'home-signed-in-customer');

  // The same identity in a new browser context gets the same record back from the durable store.
  const again = await phonePage(browser, 320);
  await again.goto(stack.url + '/');
  await again.getByTestId(`demo-identity-${customer!.openid}`).click();
  await again.getByTestId('login-record').waitFor();
  expect((await again.getByTestId('login-user-id').innerText()).trim()).toBe(userId);
  await screenshot(again, 'home-signed-in-customer-320px');
});
