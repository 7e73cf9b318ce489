import type { Page } from 'playwright-core';
import { phonePage, screenshot } from '../support/browser';
import { submitBooking } from '../support/booking';
import { openTab, signIn as signInOn } from '../support/gateway';
import { journeyStack } from '../support/journey';

const env = journeyStack();
const newPage = (width: number) => phonePage(env.browser, width);
const signIn = (page: Page, openid: string) => signInOn(page, env.stack, openid);

/** Books the suggested day's first free slot at 一店 with the form's own fields. */
async function bookFirstFreeSlot(page: Page, name: string, phone: string): Promise<void> {
  await page.getByTestId('store-store-1').click();
  await page.locator('[data-testid^="product-"]').first().click();
  // The page suggests the first open day that still has free time (late in the evening, tomorrow).
  await page.locator('[data-testid^="slot-"][data-disabled="false"]').first().click();
  await page.getByTestId('booking-name').locator('input').fill(name);
  await page.getByTestId('booking-phone').locator('input').fill(phone);
  await submitBooking(page);
  await page.getByTestId('booking-result').waitFor();
}

test('a 老客 signs in: 老客 with the phone on record and 我的推荐卡; no debug account details', async () => {
  for (const width of [375, 320]) {
    const page = await newPage(width);
    await signIn(page, 'demo-customer-wangli');
    expect(await page.getByTestId('member-standing').innerText()).toBe('老客');
    expect(await page.getByTestId('member-phone').innerText()).toContain('130****1966');
    await page.getByTestId('home-card').waitFor();
    expect(await page.getByText('用户编号').count()).toBe(0);
    expect(await page.getByText('创建时间').count()).toBe(0);
    await screenshot(page, `home-existing-customer-${width}`);
    await page.context().close();
  }
});

test('a new customer: the home says what she can do before booking, and 新客 (not 老客) after it', async () => {
  // The seed's two people who have never been to the clinic, one per width.
  for (const [width, n] of [
    [375, 1],
    [320, 2],
  ] as const) {
    const page = await newPage(width);
    await signIn(page, `demo-newcomer-${n}`);
    const member = page.getByTestId('home-member');
    expect(await member.getAttribute('data-standing')).toBe('visitor');
    expect(await page.getByTestId('member-standing').count()).toBe(0);
    expect(await page.getByTestId('home-card').count()).toBe(0);
    await screenshot(page, `home-new-before-booking-${width}`);

    await page.getByTestId('home-book').click();
    await bookFirstFreeSlot(page, `林${n}`, `1391234560${n}`);

    await openTab(page, '首页');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="home-member"]')?.getAttribute('data-standing') === 'new',
    );
    expect(await page.getByTestId('member-standing').innerText()).toBe('新客');
    expect(await page.getByTestId('member-next-step').innerText()).toContain('首次消费后即可开通专属推荐卡');
    expect(await page.getByTestId('home-card').count()).toBe(0);
    await screenshot(page, `home-new-after-booking-${width}`);

    await openTab(page, '我的');
    expect(await page.getByTestId('mine-card-locked').innerText()).toContain('首次消费后开通');
    await page.getByTestId('mine-appointments').waitFor();
    await screenshot(page, `mine-new-customer-${width}`);
    await page.context().close();
  }
});

test('a customer who opens 经营看板 by its address is refused by the server; a manager gets in', async () => {
  const page = await newPage(320);
  await signIn(page, 'demo-customer-wangli');
  expect(await page.getByTestId('home-dashboard').count()).toBe(0);
  await page.goto(`${env.stack.url}/#/packages/admin/pages/reports/index`);
  await page.getByTestId('admin-denied').waitFor();
  await screenshot(page, 'admin-denied-320');

  const manager = await newPage(375);
  await signIn(manager, 'demo-manager-store-1');
  await manager.getByTestId('home-dashboard').click();
  // Past the role check: the board, or its error while the local cloud has no reports function.
  await manager.locator('[data-testid="dashboard-page"], [data-testid="dashboard-error"]').first().waitFor();
  expect(await manager.getByTestId('admin-denied').count()).toBe(0);
  await manager.goBack(); // the tab bar shows on tab pages only
  await openTab(manager, '我的');
  await manager.getByTestId('mine-page').getByTestId('home-workbench').waitFor();
  await screenshot(manager, 'mine-manager-375');
});

test('my appointments at the desk: the check-in QR, the address with 导航 and 拨号, the visit notes (375 and 320 px)', async () => {
  // 林小雨 booked in the journey above (375 px); 苏晴 at 320 px.
  for (const [width, n] of [
    [375, 1],
    [320, 2],
  ] as const) {
    const page = await newPage(width);
    await signIn(page, `demo-newcomer-${n}`);
    await openTab(page, '我的');
    await page.getByTestId('mine-appointments').click();
    const desk = page.locator('[data-testid^="visit-desk-"]').first();
    await desk.waitFor();
    await desk.getByTestId('visit-qr').waitFor();
    await page.waitForFunction(() => {
      const img = document.querySelector('[data-testid="visit-qr-image"] img, img[data-testid="visit-qr-image"]');
      return !!img && (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0;
    });
    expect(await desk.getByTestId('visit-qr').innerText()).toMatch(/预约码 [2-9A-HJKMNP-Z]{7}/);
    expect(await desk.getByTestId('visit-address').innerText()).toContain('东风西路 168 号');
    expect(await desk.getByTestId('visit-notes').innerText()).toContain('到院后出示预约码签到');

    // 导航 opens the map at the store (the map site answered here: a test never leaves the machine).
    await page.context().route('https://uri.amap.com/**', (route) => route.fulfill({ status: 200, body: '地图' }));
    const [map] = await Promise.all([page.context().waitForEvent('page'), desk.getByTestId('visit-navigate').click()]);
    expect(map.url()).toContain('uri.amap.com/marker');
    expect(decodeURIComponent(map.url())).toContain('102.7046,25.0406');
    await map.close();
    await desk.getByTestId('visit-call').waitFor();
    await screenshot(page, `appointments-desk-${width}`);
    await page.context().close();
  }
});
