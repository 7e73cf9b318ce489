/**
 * Journeys 1–3 of the referral channel on the H5 build and the real local cloud (fresh data folder):
 * 1. an existing customer signs in, binds their phone, opens the card (code, QR, poster) and shares
 *    the invitation link;
 * 2. a new customer opens that path, sees the invitation, books a slot tomorrow and gets a booking
 *    code; booking again with the same phone shows the existing appointment instead of a new filing;
 * 3. the existing customer's 我的推荐 lists the new customer as booked, masked;
 * 3b. the new customer cancels in 我的预约: the existing customer's 我的推荐 shows 已取消, still 待发放.
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, phonePage, screenshot } from '../support/browser';
import { submitBooking } from '../support/booking';
import { startStack, stopStack, type Stack } from '../support/stack';
import { openTab } from '../support/gateway';

let stack: Stack;
let browser: Browser;

const CUSTOMER = 'demo-customer-wangli'; // 王丽, phone 13006181966
const NEWCOMER = 'demo-newcomer-1'; // 林小雨, phone 17000000001
const NEWCOMER_PHONE = '17000000001';

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  if (stack) await stopStack(stack);
});

async function signIn(page: Page, openid: string): Promise<void> {
  await page.goto(stack.url + '/');
  await page.getByTestId(`demo-identity-${openid}`).click();
  await page.getByTestId('home-member').waitFor();
}

/** The clinic's "today" (Asia/Shanghai) from the local cloud's clock, plus `days`. */
async function clinicDate(days: number): Promise<string> {
  const { now } = (await (await fetch(`${stack.url}/api/clock`)).json()) as { now: string };
  return new Date(Date.parse(now) + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** Picks `date` in the calendar (or the first open day after it), moving to its month if needed. */
async function pickDate(page: Page, date: string): Promise<string> {
  for (let i = 0; i < 3; i++) {
    const day = page.getByTestId(`calendar-day-${date}`);
    if ((await day.count()) > 0) break;
    await page.getByTestId('calendar-next').click();
  }
  const first = page.locator(`[data-testid^="calendar-day-"][data-disabled="false"]`);
  const candidates = await first.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice(13)));
  const chosen = candidates.find((d) => d >= date);
  if (!chosen) throw new Error(`no open day from ${date}`);
  await page.getByTestId(`calendar-day-${chosen}`).click();
  await page.getByTestId('slots').waitFor();
  return chosen;
}

async function firstFreeSlot(page: Page): Promise<string> {
  const free = page.locator('[data-testid^="slot-"][data-disabled="false"]').first();
  const id = (await free.getAttribute('data-testid'))!;
  await free.click();
  return id;
}

async function fillAndSubmit(page: Page, name: string, phone: string): Promise<void> {
  await page.getByTestId('booking-name').locator('input').fill(name);
  await page.getByTestId('booking-phone').locator('input').fill(phone);
  await submitBooking(page);
  await page.getByTestId('booking-result').waitFor();
}

let shareUrl = '';
let bookingCode = '';

test('1. an existing customer binds their phone, opens the card, makes the poster and shares the invitation link', async () => {
  const page = await phonePage(browser);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.url });
  await signIn(page, CUSTOMER);
  expect(await page.getByTestId('member-standing').innerText()).toBe('老客');
  expect(await page.getByTestId('member-phone').innerText()).toContain('130****1966');
  await page.getByTestId('home-stores').getByTestId('home-store-store-1').waitFor();
  await screenshot(page, 'j1-home-customer-bound');

  await page.getByTestId('home-card').click();
  const code = (await page.getByTestId('card-code').innerText()).trim();
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
  // The QR is the function's mini-program code image (a real PNG from the local cloud).
  const qr = page.getByTestId('card-qr');
  await qr.waitFor();
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-testid="card-qr"]');
    const img = (el?.querySelector('img') ?? el) as HTMLImageElement | null;
    return !!img && img.complete && img.naturalWidth > 0;
  });

  await page.getByTestId('card-poster-make').click();
  const download = page.getByTestId('card-poster-download');
  await download.waitFor();
  expect(await download.getAttribute('href')).toMatch(/^data:image\/png;base64,/);
  expect(await download.getAttribute('download')).toBe(`推荐海报-${code}-礼遇.png`); // the default template

  // No share sheet in desktop Chromium: the link that opens the invitation is copied and shown.
  await page.getByTestId('card-share-link').click();
  shareUrl = (await page.getByTestId('card-share-url').innerText()).trim();
  expect(shareUrl).toBe(`${stack.url}/#/pages/landing/index?code=${code}`);
  const clipboard = await page.evaluate(() => navigator.clipboard.readText().catch(() => ''));
  if (clipboard) expect(clipboard).toBe(shareUrl);
  await page.getByTestId('referrals-empty').waitFor();
  await page.getByTestId('rewards-balance').waitFor();
  await page.getByTestId('card-poster-image').waitFor();
  await page.waitForTimeout(1600); // the 内容已复制 toast fades
  await screenshot(page, 'j1-card-375');

  const narrow = await phonePage(browser, 320);
  await signIn(narrow, CUSTOMER);
  await narrow.goto(`${stack.url}/#/packages/customer/pages/card/index`);
  await narrow.getByTestId('card-code').waitFor();
  await narrow.getByTestId('card-poster-make').click();
  await narrow.getByTestId('card-poster-image').waitFor();
  await narrow.getByTestId('rewards-balance').waitFor();
  await screenshot(narrow, 'j1-card-poster-320');
  await narrow.context().close();
  await page.context().close();
});

test('2. a new customer opens the shared path, sees the invitation and books tomorrow; booking again shows the existing appointment', async () => {
  expect(shareUrl).not.toBe('');
  const page = await phonePage(browser);
  await signIn(page, NEWCOMER);
  await page.goto(shareUrl);
  const title = page.getByTestId('landing-title');
  await title.waitFor();
  expect(await title.innerText()).toContain('您的好友 王* 邀请您');
  expect(await page.getByTestId('landing-benefits').innerText()).toContain('返利金');
  await screenshot(page, 'j2-landing-375');

  // The code survives a reload of the app before booking (kept in device storage).
  await page.goto(stack.url + '/');
  await page.getByTestId('home-kept-referral').waitFor();
  expect(await page.getByTestId('home-kept-referral').innerText()).toContain('王*');
  await page.getByTestId('home-book').click();

  await page.getByTestId('booking-referrer').waitFor();
  expect(await page.getByTestId('booking-referrer').innerText()).toContain('由 王* 推荐');
  await page.getByTestId('store-store-1').click();
  await page.locator('[data-testid^="product-"]').first().click();
  const tomorrow = await clinicDate(1);
  const date = await pickDate(page, tomorrow);
  await firstFreeSlot(page);
  await screenshot(page, 'j2-booking-form-375');
  await fillAndSubmit(page, '林小雨', NEWCOMER_PHONE);

  await page.getByTestId('booking-success').waitFor();
  bookingCode = (await page.getByTestId('booking-code').innerText()).trim();
  expect(bookingCode).toMatch(/^[2-9A-HJKMNP-Z]{7}$/);
  expect(await page.getByTestId('result-when').innerText()).toContain(
    `${Number(date.slice(5, 7))}月${Number(date.slice(8))}日`,
  );
  // The check-in QR itself is on 我的预约 (customer subpackage), one tap from here.
  expect(await page.getByTestId('booking-to-appointments').innerText()).toContain('到院二维码');

  // The visit reminder: the H5 stand-in asks, and records the grant on the local cloud.
  await page.getByTestId('booking-subscribe').click();
  await page.getByText('允许', { exact: true }).click();
  await expect(page.getByTestId('booking-subscribe-result').innerText()).resolves.toContain('已开启到院提醒');
  await screenshot(page, 'j2-booking-result-375');

  // Booking again with the same phone (another day, no code): the existing appointment comes back.
  // Back on the 预约 tab after a booking, the form starts afresh.
  await openTab(page, '首页');
  await openTab(page, '预约');
  await page.getByTestId('booking-submit').waitFor();
  await page.getByTestId('store-store-1').click();
  await page.locator('[data-testid^="product-"]').last().click();
  await pickDate(page, await clinicDate(3));
  await firstFreeSlot(page);
  await fillAndSubmit(page, '林小雨', NEWCOMER_PHONE);
  await page.getByTestId('booking-existing').waitFor();
  expect((await page.getByTestId('booking-code').innerText()).trim()).toBe(bookingCode);
  await screenshot(page, 'j2-booking-existing-375');

  // The same at 320 px: my appointments lists the one appointment.
  const narrow = await phonePage(browser, 320);
  await signIn(narrow, NEWCOMER);
  await narrow.goto(`${stack.url}/#/packages/customer/pages/appointments/index`);
  await narrow.getByTestId(`appointment-${bookingCode}`).waitFor();
  expect(await narrow.locator('[data-testid^="appointment-"][data-testid$="' + bookingCode + '"]').count()).toBe(1);
  await screenshot(narrow, 'j2-appointments-320');
  await narrow.context().close();
  await page.context().close();
});

test('3. the existing customer sees the new customer as booked, masked', async () => {
  expect(bookingCode).not.toBe('');
  const page = await phonePage(browser);
  await signIn(page, CUSTOMER);
  await page.goto(`${stack.url}/#/packages/customer/pages/card/index`);
  const item = page.getByTestId('referral-item');
  await item.first().waitFor();
  expect(await item.count()).toBe(1);
  const text = await item.first().innerText();
  expect(text).toContain('林*');
  expect(text).toContain('170****0001');
  expect(text).not.toContain('林小雨');
  expect(text).not.toContain(NEWCOMER_PHONE);
  expect(await item.first().getByTestId('referral-status').innerText()).toBe('已预约');
  expect(await page.getByTestId('rewards-pending').innerText()).toBe('1');
  await screenshot(page, 'j3-card-referrals-375');
  await page.context().close();
});

test('3b. the new customer cancels in 我的预约; the existing customer’s 我的推荐 shows 已取消', async () => {
  expect(bookingCode).not.toBe('');
  const friend = await phonePage(browser);
  await signIn(friend, NEWCOMER);
  await friend.goto(`${stack.url}/#/packages/customer/pages/appointments/index`);
  await friend.getByTestId(`cancel-${bookingCode}`).click();
  await friend.locator('.taro-modal__foot').getByText('取消预约').click();
  const appointment = friend.getByTestId(`appointment-${bookingCode}`);
  await appointment.getByTestId('appointment-status').filter({ hasText: '已取消' }).waitFor();
  await screenshot(friend, 'referral-cancelled-appointments-375');
  await friend.context().close();

  const page = await phonePage(browser);
  await signIn(page, CUSTOMER);
  await page.goto(`${stack.url}/#/packages/customer/pages/card/index`);
  const item = page.getByTestId('referral-item');
  await item.first().waitFor();
  expect(await item.count()).toBe(1);
  expect(await item.first().innerText()).toContain('170****0001');
  const status = item.first().getByTestId('referral-status');
  expect(await status.innerText()).toBe('已取消');
  expect(await status.getAttribute('class')).toContain('tag--grey');
  // The relationship stands (R9): a later visit and first paid deal still credit her.
  expect(await page.getByTestId('rewards-pending').innerText()).toBe('1');
  await screenshot(page, 'referral-cancelled-375');
  await page.context().close();
});
