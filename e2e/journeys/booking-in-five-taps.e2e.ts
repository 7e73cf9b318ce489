/**
 * Journeys 20–21 on the H5 build and the real local cloud (fresh data folder).
 * 20. A friend opens 王丽's invitation and books in at most five taps, at 375 and 320 px. The referrer's store
 *     and a day that counts as a referral start chosen, and the submit bar stays in view.
 * 21. The privacy flow. Nothing personal is sent before the 隐私保护指引 is agreed. Declining leaves nothing on the
 *     server; agreeing books. The health-information consent is the named submit button (its stored time is
 *     checked in cloudfunctions/booking/test/create.test.ts).
 */
import type { Locator, Page } from 'playwright-core';
import { phonePage, screenshot } from '../support/browser';
import { callAs, chooseIdentity } from '../support/gateway';
import { journeyStack } from '../support/journey';

const env = journeyStack();

const REFERRER = 'demo-customer-wangli'; // 王丽, of 一店
const FRIENDS = { 375: 'demo-newcomer-1', 320: 'demo-newcomer-2' } as const;

const call = (fn: string, openid: string, action: string, data: object) => callAs(env.stack, fn, action, data, openid);

/** Taps `target` and counts it: the journey's measure of effort. */
function tapCounter(): { tap: (target: Locator) => Promise<void>; readonly count: number } {
  let count = 0;
  return {
    async tap(target) {
      await target.click();
      count += 1;
    },
    get count() {
      return count;
    },
  };
}

/** The clinic's date (Asia/Shanghai) of the local cloud's clock, plus `days`. */
async function clinicDate(days: number): Promise<string> {
  const { now } = (await (await fetch(`${env.stack.url}/api/clock`)).json()) as { now: string };
  return new Date(Date.parse(now) + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** How deeply the visible page's elements nest (Taro's weapp base templates unroll `baseLevel` levels). */
const pageDepth = (page: Page) =>
  page.evaluate(() => {
    const root = Array.from(document.querySelectorAll('.taro_page')).find((el) => (el as HTMLElement).offsetParent);
    let deepest = 0;
    const walk = (el: Element, depth: number) => {
      deepest = Math.max(deepest, depth);
      for (const child of Array.from(el.children)) walk(child, depth + 1);
    };
    if (root) walk(root, 0);
    return deepest;
  });

async function invitationCode(): Promise<string> {
  return (await call('referral', REFERRER, 'getMyCard', {})).code as string;
}

async function openInvitation(width: number, openid: string, code: string): Promise<Page> {
  const page = await phonePage(env.browser, width);
  await chooseIdentity(page, env.stack, openid);
  await page.goto(`${env.stack.url}/#/pages/landing/index?code=${code}`);
  await page.getByTestId('landing-invitation').waitFor();
  return page;
}

for (const width of [375, 320] as const) {
  test(`20. from the invitation to a booked visit in at most five taps (${width} px)`, async () => {
    const code = await invitationCode();
    const page = await openInvitation(width, FRIENDS[width], code);
    const taps = tapCounter();
    const depths = [await pageDepth(page)];

    await taps.tap(page.getByTestId('landing-book'));
    await page.getByTestId('booking-page').waitFor();
    // 王丽's store is chosen; the day is the first that counts as a referral (R2: one day's lead).
    await page.getByTestId('chosen-date').waitFor();
    expect(await page.getByTestId('store-store-1').getAttribute('class')).toContain('booking__store--active');
    expect(await page.getByTestId('date-note').count()).toBe(0);
    const chosen = await page
      .locator('[data-testid^="calendar-day-"].calendar__day--selected')
      .getAttribute('data-testid');
    expect(chosen && chosen.slice(13) >= (await clinicDate(1))).toBe(true);

    await taps.tap(page.locator('[data-testid^="product-"]').first());
    await page.getByTestId('slots').waitFor();
    await taps.tap(page.locator('[data-testid^="slot-"][data-disabled="false"]').first());
    await page
      .getByTestId('booking-name')
      .locator('input')
      .fill(width === 375 ? '林小雨' : '周晓');
    await page
      .getByTestId('booking-phone')
      .locator('input')
      .fill(width === 375 ? '17000000201' : '17000000202');

    // The submit bar stays in reach at the bottom of the screen while the form scrolls.
    const submit = page.getByTestId('booking-submit');
    const box = await submit.boundingBox();
    const viewport = page.viewportSize()!;
    expect(box).not.toBeNull();
    expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
    expect(box!.y).toBeGreaterThan(viewport.height / 2);
    await screenshot(page, `j20-booking-form-viewport-${width}`, { fullPage: false });
    depths.push(await pageDepth(page));

    await taps.tap(submit);
    // First time on this device: the 隐私保护指引 (on a phone, WeChat asks it with the phone-number button).
    await page.getByTestId('privacy-popup').waitFor();
    depths.push(await pageDepth(page));
    await taps.tap(page.getByTestId('privacy-agree'));
    await page.getByTestId('booking-success').waitFor();
    expect(await page.getByTestId('booking-result').innerText()).toContain('好友推荐');
    await screenshot(page, `j20-booked-${width}`);

    expect(taps.count).toBeLessThanOrEqual(5);
    // client/config/index.ts unrolls Taro's weapp templates 10 levels deep (baseLevel): these pages fit.
    expect(Math.max(...depths)).toBeLessThanOrEqual(10);
    console.log(`j20 at ${width} px: ${taps.count} taps; page nesting depth ${depths.join(' / ')}`);
    await page.context().close();
  });
}

test('21. the privacy flow: declined, nothing is sent; agreed, it books; asked once per device', async () => {
  const code = await invitationCode();
  const friend = 'demo-newcomer-1';
  const before = (await call('booking', friend, 'listMine', {})).bookings.length as number;
  const page = await openInvitation(375, friend, code);
  await page.getByTestId('landing-book').click();
  await page.getByTestId('chosen-date').waitFor();
  await page.locator('[data-testid^="product-"]').first().click();
  await page.getByTestId('slots').waitFor();
  await page.locator('[data-testid^="slot-"][data-disabled="false"]').first().click();
  await page.getByTestId('booking-name').locator('input').fill('林小雨');
  await page.getByTestId('booking-phone').locator('input').fill('17000000211');
  expect(await page.getByTestId('booking-sensitive-consent').innerText()).toContain('医疗健康相关的敏感个人信息');
  expect(await page.getByTestId('booking-submit').innerText()).toBe('同意并提交预约');

  await page.getByTestId('booking-submit').click();
  const popup = page.getByTestId('privacy-popup');
  await popup.waitFor();
  expect(await popup.innerText()).toContain('《隐私保护指引》');
  await screenshot(page, 'j21-privacy-popup-375', { fullPage: false });
  await page.getByTestId('privacy-disagree').click();
  expect(await page.getByTestId('booking-submit-error').innerText()).toBe('需要您同意《隐私保护指引》后才能提交预约');
  expect((await call('booking', friend, 'listMine', {})).bookings).toHaveLength(before);

  await page.getByTestId('booking-submit').click();
  await popup.waitFor();
  await page.getByTestId('privacy-agree').click();
  await page.getByTestId('booking-success').waitFor();
  expect((await call('booking', friend, 'listMine', {})).bookings).toHaveLength(before + 1);
  // Agreed once on this device: the notice version is kept and the next booking is not asked again.
  expect(await page.evaluate(() => localStorage.getItem('clinic.privacyAgreed'))).toContain('2026-12');
  await page.context().close();

  // The same at 320 px: the popup fits and its buttons are reachable.
  const narrow = await openInvitation(320, 'demo-newcomer-2', code);
  await narrow.getByTestId('landing-book').click();
  await narrow.getByTestId('chosen-date').waitFor();
  await narrow.locator('[data-testid^="product-"]').first().click();
  await narrow.getByTestId('slots').waitFor();
  await narrow.locator('[data-testid^="slot-"][data-disabled="false"]').first().click();
  await narrow.getByTestId('booking-name').locator('input').fill('周晓');
  await narrow.getByTestId('booking-phone').locator('input').fill('17000000212');
  await narrow.getByTestId('booking-submit').click();
  await narrow.getByTestId('privacy-popup').waitFor();
  for (const id of ['privacy-agree', 'privacy-disagree']) {
    const button = await narrow.getByTestId(id).boundingBox();
    expect(button!.height).toBeGreaterThanOrEqual(44);
    expect(button!.x + button!.width).toBeLessThanOrEqual(320);
  }
  await screenshot(narrow, 'j21-privacy-popup-320', { fullPage: false });
  await narrow.context().close();
});
