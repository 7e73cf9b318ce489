import type { Page } from 'playwright-core';
import type { Stack } from './stack';

/** Answer data of a function called through the development gateway as `openid`; a failure throws. */
export async function callAs(stack: Stack, fn: string, action: string, data: unknown, openid: string) {
  const res = await fetch(`${stack.url}/api/functions/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-demo-openid': openid },
    body: JSON.stringify({ action, data }),
  });
  const body = (await res.json()) as { ok: boolean; data?: any; code?: string; message?: string };
  if (!body.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(body)}`);
  return body.data;
}

/** Signs in on the home page with one of the demo sign-in's people. */
export async function signIn(page: Page, stack: Stack, openid: string): Promise<void> {
  await page.goto(stack.url + '/');
  await page.getByTestId(`demo-identity-${openid}`).click();
  await page.getByTestId('home-member').waitFor();
}

/** Opens one of the tab bar's pages (首页 / 预约 / 我的) by tapping it, as a customer would. */
export async function openTab(page: Page, label: '首页' | '预约' | '我的'): Promise<void> {
  await page.locator('.weui-tabbar__item', { hasText: label }).click();
}

/**
 * Acts as a WeChat user outside the demo list (a new colleague, say): the identity the H5 client
 * keeps (Taro's storage format, `{ data }` under `clinic.demoIdentity`) is set before any page runs.
 */
export async function actAsNewUser(page: Page, openid: string, name: string): Promise<void> {
  const identity = { openid, name, kind: 'newcomer', label: name };
  await page.addInitScript(
    (value) => window.localStorage.setItem('clinic.demoIdentity', JSON.stringify({ data: value })),
    identity,
  );
}

/**
 * Picks a demo identity on the home page and waits until the device holds it (Taro's storage),
 * not for any widget of the home page: for journeys that go on to another page at once.
 */
export async function chooseIdentity(page: Page, stack: Stack, openid: string): Promise<void> {
  await page.goto(stack.url + '/');
  await page.getByTestId(`demo-identity-${openid}`).click();
  await page.waitForFunction((id) => (localStorage.getItem('clinic.demoIdentity') ?? '').includes(id), openid);
}
