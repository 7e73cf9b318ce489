/**
 * 24. A setting changed and seen in the audit log, on the H5 build and the real local cloud (fresh
 *     data folder): the general manager opens 门店设置 from 首页, types a lead time the rules refuse
 *     (the field's own error, in Chinese, nothing sent), saves a valid one — the version and who
 *     changed it show, the next booking-side read sees it — and finds the change, with before and
 *     after, at the top of 审计日志. The entry shows only for whom the admin function admits.
 */
import type { Page } from 'playwright-core';
import { phonePage, screenshot } from '../support/browser';
import { callAs, signIn } from '../support/gateway';
import { journeyStack } from '../support/journey';

const env = journeyStack();
const GM = 'demo-manager-gm'; // 宋志远: general manager and admin
const STORE_MANAGER = 'demo-manager-store-1';
const CHANNEL_LEAD = 'demo-manager-channel';

/** The coming Sunday (Shanghai): 一店's Sunday row is the first of its hours (index 0). */
function nextSunday(): string {
  const now = new Date(Date.now() + 8 * 3_600_000);
  const days = (7 - now.getUTCDay()) % 7 || 7;
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

async function openSettings(page: Page, openid: string) {
  await signIn(page, env.stack, openid);
  await page.getByTestId('home-settings').click();
  await page.getByTestId('settings-version').waitFor();
}

async function typeLeadDays(page: Page, value: string) {
  const section = page.getByTestId('section-attribution');
  await section.getByTestId('section-attribution-edit').click();
  await section.getByTestId('field-minLeadDays').locator('input').fill(value);
  await section.getByTestId('section-attribution-save').click();
  return section;
}

test('24. the general manager changes the lead time; the change is in the audit log with before and after', async () => {
  // At 320 px: a value the rules refuse is said under its field, and nothing is saved.
  const narrow = await phonePage(env.browser, 320);
  await openSettings(narrow, GM);
  const refused = await typeLeadDays(narrow, '40');
  const error = refused.getByTestId('error-minLeadDays');
  await error.waitFor();
  expect(await error.innerText()).toMatch(/[\u4e00-\u9fff]/);
  await refused.getByTestId('row-minLeadDays').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await screenshot(narrow, 'j24-settings-form-320', { fullPage: false });
  expect((await callAs(env.stack, 'admin', 'getSettings', {}, GM)).version).toBe(0);

  // At 375 px: a valid value is saved with the version it was made from.
  const page = await phonePage(env.browser);
  await openSettings(page, GM);
  expect(await page.getByTestId('settings-version').innerText()).toBe('使用默认设置，尚未修改');
  const section = await typeLeadDays(page, '2');
  await section.getByTestId('section-attribution-saved').waitFor();
  expect(await page.getByTestId('settings-version').innerText()).toMatch(/^第 1 版 · 宋志远 于 .+ 修改了渠道与归属$/);
  await page.getByTestId('settings-version').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshot(page, 'j24-settings-saved-375', { fullPage: false });
  // Another function's next call reads it (the invitation's lead time comes from the settings).
  const card = await callAs(env.stack, 'referral', 'getMyCard', {}, 'demo-customer-wangli');
  expect(card.referralTerms).toEqual({ minLeadDays: 2 });

  // The stale form at 320 px (opened before the save) is told someone saved first.
  await narrow.getByTestId('field-minLeadDays').locator('input').fill('3');
  await narrow.getByTestId('section-attribution-save').click();
  await narrow.getByTestId('section-attribution-conflict').waitFor();
  expect(await narrow.getByTestId('section-attribution-conflict').innerText()).toContain('宋志远');
  await narrow.getByTestId('section-attribution-reload').click();
  await narrow.getByTestId('section-attribution-edit').waitFor();

  // The audit log: newest first, the change with its fields' before and after.
  await page.getByTestId('settings-audit').click();
  const first = page.locator('[data-testid^="audit-item-"]').first();
  await first.waitFor();
  expect(await first.getByTestId('audit-message').innerText()).toBe('修改渠道与归属：老带新提前建档天数');
  expect(await first.getByTestId('audit-changes').innerText()).toBe('老带新提前建档天数：1 天 → 2 天');
  expect(await first.getByTestId('audit-who').innerText()).toBe('宋志远');
  await screenshot(page, 'j24-audit-log-375', { fullPage: false });

  await narrow.getByTestId('settings-audit').click();
  await narrow.locator('[data-testid^="audit-item-"]').first().waitFor();
  await narrow.getByTestId('audit-kind-settings').click();
  await narrow.getByTestId('audit-item-settings_chain-yuemei_v1').waitFor();
  await screenshot(narrow, 'j24-audit-log-320', { fullPage: false });
});

test('24. 门店设置 shows on 首页 only for whom the admin function admits', async () => {
  const manager = await phonePage(env.browser);
  await signIn(manager, env.stack, STORE_MANAGER);
  await manager.getByTestId('home-settings').click();
  await manager.getByTestId('settings-read-only').waitFor();
  expect(await manager.getByTestId('section-attribution-edit').count()).toBe(0);
  expect(await manager.getByTestId('store-store-1-edit').count()).toBe(1);
  expect(await manager.getByTestId('store-store-2').count()).toBe(0);
  await manager.getByTestId('store-store-1').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshot(manager, 'j24-store-375', { fullPage: false });

  // At 320 px the store's form: a weekday set to 休息, a closed date added, saved and seen by booking.
  const narrow = await phonePage(env.browser, 320);
  await signIn(narrow, env.stack, STORE_MANAGER);
  await narrow.getByTestId('home-settings').click();
  const store = narrow.getByTestId('store-store-1');
  await store.getByTestId('store-store-1-edit').click();
  await store.getByTestId('store-store-1-rest-0').click();
  await store.getByTestId('store-store-1-capacity').locator('input').fill('4');
  await store.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshot(narrow, 'j24-store-edit-320', { fullPage: false });
  await store.getByTestId('store-store-1-save').click();
  await store.getByTestId('store-store-1-saved').waitFor();
  const slots = await callAs(env.stack, 'booking', 'listSlots', { storeId: 'store-1', date: nextSunday() }, GM);
  expect(slots.closed).toBe(true);

  const lead = await phonePage(env.browser);
  await signIn(lead, env.stack, CHANNEL_LEAD);
  await lead.getByTestId('home-dashboard').waitFor();
  expect(await lead.getByTestId('home-settings').count()).toBe(0);
});
