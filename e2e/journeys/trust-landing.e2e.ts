/**
 * Journey 22 on the H5 build and the real local cloud (fresh data folder): an invitation that builds
 * trust.
 * 22. 王丽 agrees on her card to show friends her WeChat avatar and nickname (the H5 stand-in: a
 *     preset avatar, uploaded through the gateway, checked by the function); 林小雨 opens her link at
 *     375 and 320 px and sees the nickname and avatar, the gift, the doctors, the stores with their
 *     photos and the licence; 王丽 withdraws, and the invitation shows her masked name again.
 */
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ARTIFACTS, phonePage, screenshot } from '../support/browser';
import { callAs, chooseIdentity } from '../support/gateway';
import { journeyStack } from '../support/journey';

const env = journeyStack();

const HOLDER = 'demo-customer-wangli'; // 王丽
const FRIEND = 'demo-newcomer-1'; // 林小雨

const signIn = (page: Page, openid: string) => chooseIdentity(page, env.stack, openid);
const cardUrl = () => `${env.stack.url}/#/packages/customer/pages/card/index`;
const landingUrl = (code: string) => `${env.stack.url}/#/pages/landing/index?code=${code}`;

/** Every image under `scope` has loaded (Taro's H5 Image wraps an <img>). */
async function imagesLoaded(scope: Locator): Promise<number> {
  await scope.first().waitFor();
  const page = scope.page();
  const count = await scope.locator('img').count();
  await page.waitForFunction(
    (els) => els.every((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0),
    await scope.locator('img').elementHandles(),
  );
  return count;
}

/** The friend's view of the invitation at `width`, checked and photographed. */
async function friendSees(code: string, width: 375 | 320): Promise<Page> {
  const page = await phonePage(env.browser, width);
  await signIn(page, FRIEND);
  await page.goto(landingUrl(code));
  await page.getByTestId('landing-invitation').waitFor();
  return page;
}

test('22. the referrer shows her avatar and nickname; the friend sees them with the doctors, stores and licence; withdrawn, the name is masked again', async () => {
  const code = (await callAs(env.stack, 'referral', 'getMyCard', {}, HOLDER)).code as string;

  // 王丽 agrees on her card (H5: a preset avatar stands in for WeChat's avatar picker).
  const holder = await phonePage(env.browser);
  await signIn(holder, HOLDER);
  await holder.goto(cardUrl());
  const section = holder.getByTestId('shown-profile');
  await section.waitFor();
  expect(await section.getByTestId('shown-profile-name').innerText()).toBe('王*');
  await section.getByTestId('shown-profile-edit').click();
  await section.getByTestId('shown-profile-preset-1').click();
  await section.getByTestId('shown-profile-nickname').locator('input').fill('丽丽');
  await screenshot(holder, 'trust-card-choose-375');
  await section.getByTestId('shown-profile-save').click();
  await section
    .getByTestId('shown-profile-name')
    .filter({ hasText: /^丽丽$/ })
    .waitFor();
  expect(await imagesLoaded(section.getByTestId('shown-profile-preview'))).toBe(1);
  expect(await section.getByTestId('shown-profile-status').innerText()).toContain('可随时关闭');
  await holder.waitForTimeout(1600); // the toast fades
  await section.screenshot({ path: path.join(ARTIFACTS, 'trust-card-shown-375.png') });

  // 林小雨 opens the link: the nickname and the avatar, the gift, the doctors, the stores, the licence.
  for (const width of [375, 320] as const) {
    const page = await friendSees(code, width);
    expect(await page.getByTestId('landing-title').innerText()).toContain('您的好友 丽丽 邀请您');
    expect(await imagesLoaded(page.getByTestId('landing-avatar'))).toBe(1);
    expect(await page.getByTestId('landing-benefits').innerText()).toContain('返利金');
    expect(await page.getByTestId('landing-doctor').count()).toBe(3);
    expect(await page.getByTestId('landing-doctors').innerText()).toContain('李静怡 主任医师');
    expect(await imagesLoaded(page.getByTestId('landing-doctors'))).toBe(3);
    expect(await page.getByTestId('landing-store').count()).toBe(2);
    expect(await page.getByTestId('landing-store').first().innerText()).toContain('东风西路');
    expect(await imagesLoaded(page.getByTestId('landing-stores'))).toBe(4);
    expect(await page.getByTestId('landing-licence').innerText()).toContain('医疗机构执业许可证 PDY');
    expect(await page.getByTestId('landing-kept').innerText()).toContain(`推荐码 ${code} 已为您保留`);
    // Nothing wider than the phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, `trust-landing-${width}`);
    await page.context().close();
  }

  // 王丽 withdraws: friends see "王*" again, without an avatar.
  await section.getByTestId('shown-profile-withdraw').click();
  await holder.locator('.taro-modal__foot').getByText('不再显示', { exact: true }).click();
  await section
    .getByTestId('shown-profile-name')
    .filter({ hasText: /^王\*$/ })
    .waitFor();
  await holder.context().close();

  const after = await friendSees(code, 375);
  expect(await after.getByTestId('landing-title').innerText()).toContain('您的好友 王* 邀请您');
  expect(await after.getByTestId('landing-avatar').count()).toBe(0);
  await screenshot(after, 'trust-landing-withdrawn-375', { fullPage: false });
  await after.context().close();
});
