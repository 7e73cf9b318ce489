/**
 * Journey 4 on the H5 build and the real local cloud (fresh data folder): a mistyped code lands on
 * the home page with a clear message; a slot filled by others cannot be picked.
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, phonePage, screenshot } from '../support/browser';
import { startStack, stopStack, type Stack } from '../support/stack';

let stack: Stack;
let browser: Browser;

const CUSTOMER = 'demo-customer-liufang';
const NEWCOMER = 'demo-newcomer-2';

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  if (stack) await stopStack(stack);
});

async function call(name: string, openid: string, action: string, data: object): Promise<any> {
  const res = await fetch(`${stack.url}/api/functions/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Demo-Openid': openid },
    body: JSON.stringify({ action, data }),
  });
  return res.json();
}

async function signIn(page: Page, openid: string): Promise<void> {
  await page.goto(stack.url + '/');
  await page.getByTestId(`demo-identity-${openid}`).click();
  await page.getByTestId('home-member').waitFor();
}

/** Changes the last character of a valid code to another one of the alphabet (a typo). */
function mistype(code: string): string {
  const last = code.slice(-1);
  return code.slice(0, -1) + (last === 'A' ? 'B' : 'A');
}

test('4a. a mistyped code lands on the home page with a clear message', async () => {
  const card = await call('referral', CUSTOMER, 'getMyCard', {});
  expect(card.ok).toBe(true);
  const page = await phonePage(browser);
  await signIn(page, NEWCOMER);
  await page.goto(`${stack.url}/#/pages/landing/index?code=${mistype(card.data.code)}`);
  const notice = page.getByTestId('home-notice');
  await notice.waitFor();
  expect(page.url()).toMatch(/#\/pages\/index\/index/);
  expect(await notice.innerText()).toContain('这份邀请无法使用');
  expect(await page.getByTestId('home-kept-referral').count()).toBe(0);
  await page.getByTestId('home-member').waitFor();
  await screenshot(page, 'j4-invalid-code-home-375');

  const narrow = await phonePage(browser, 320);
  await signIn(narrow, NEWCOMER);
  await narrow.goto(`${stack.url}/#/pages/landing/index?code=NOTACODE`);
  await narrow.getByTestId('home-notice').waitFor();
  await screenshot(narrow, 'j4-invalid-code-home-320');
  await narrow.context().close();
  await page.context().close();
});

test('4b. a slot filled through the gateway is shown full and cannot be picked', async () => {
  const stores = await call('booking', NEWCOMER, 'listStores', {});
  const store = stores.data.stores.find((s: { id: string }) => s.id === 'store-2');
  const products = await call('booking', NEWCOMER, 'listProducts', { storeId: store.id });
  const productId = products.data.products[0].id;

  // The first open day from tomorrow with a free 14:00 (二店 closes on Tuesdays and some dates).
  const { now } = (await (await fetch(`${stack.url}/api/clock`)).json()) as { now: string };
  let date = '';
  for (let d = 1; d < 14 && !date; d++) {
    const day = new Date(Date.parse(now) + 8 * 3_600_000 + d * 86_400_000).toISOString().slice(0, 10);
    const slots = await call('booking', NEWCOMER, 'listSlots', { storeId: store.id, date: day });
    if (slots.ok && !slots.data.closed && slots.data.slots.some((s: { slot: string }) => s.slot === '14:00'))
      date = day;
  }
  expect(date).not.toBe('');

  // Other people fill 14:00 (capacity 2 at 二店).
  for (let i = 1; ; i++) {
    const res = await call('booking', `e2e-filler-${i}`, 'create', {
      storeId: store.id,
      productId,
      date,
      slot: '14:00',
      name: `路人${i}`,
      phone: `1390000000${i}`,
      consentVersion: '2026-12',
      sensitiveConsent: true,
    });
    if (!res.ok) {
      expect(res.code).toBe('SLOT_FULL');
      break;
    }
    expect(i).toBeLessThan(10);
  }

  const page = await phonePage(browser);
  await signIn(page, NEWCOMER);
  await page.getByTestId('home-book').click();
  await page.getByTestId('store-store-2').click();
  await page.locator('[data-testid^="product-"]').first().click();
  for (let i = 0; i < 2 && (await page.getByTestId(`calendar-day-${date}`).count()) === 0; i++) {
    await page.getByTestId('calendar-next').click();
  }
  await page.getByTestId(`calendar-day-${date}`).click();
  const full = page.getByTestId('slot-1400');
  await full.waitFor();
  expect(await full.getAttribute('data-disabled')).toBe('true');
  expect(await full.innerText()).toContain('已约满');
  await full.click();
  expect(await full.getAttribute('class')).not.toContain('slot--selected');
  // Submitting now asks for a time instead of booking the full slot.
  await page.getByTestId('booking-submit').click();
  await expect(page.getByTestId('error-slot').innerText()).resolves.toBe('请选择到院时间');
  // Closed days are disabled too (二店 closes on Tuesdays).
  const closed = page.locator('[data-testid^="calendar-day-"][data-reason="closed"]');
  expect(await closed.count()).toBeGreaterThan(0);
  await full.scrollIntoViewIfNeeded();
  await screenshot(page, 'j4-full-slot-375');
  // Every target on the form is at least 44 CSS px tall (chips, calendar arrows and days, slots, buttons).
  const tooSmall = await page.evaluate(() =>
    Array.from(document.querySelectorAll('.btn, .chip, .calendar__nav, .calendar__day, .slot'))
      .map((el) => ({ el: `${el.className} ${el.textContent ?? ''}`.slice(0, 60), box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.height > 0 && box.height < 44)
      .map(({ el, box }) => `${el}: ${Math.round(box.height)} px`),
  );
  expect(tooSmall).toEqual([]);

  const narrow = await phonePage(browser, 320);
  await signIn(narrow, NEWCOMER);
  await narrow.goto(`${stack.url}/#/pages/booking/index`);
  await narrow.getByTestId('store-store-2').click();
  await narrow.locator('[data-testid^="product-"]').first().click();
  for (let i = 0; i < 2 && (await narrow.getByTestId(`calendar-day-${date}`).count()) === 0; i++) {
    await narrow.getByTestId('calendar-next').click();
  }
  await narrow.getByTestId(`calendar-day-${date}`).click();
  await narrow.getByTestId('slot-1400').waitFor();
  await screenshot(narrow, 'j4-full-slot-320');
  await narrow.context().close();
  await page.context().close();
});
