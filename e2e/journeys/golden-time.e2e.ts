/**
 * Staff journeys of growing the channel, on the H5 build and the real local cloud (fresh data folder):
 * 9. a consultant opens the workbench's 黄金时间 tab, sees their old customers ranked with how to
 *    ask, records an ask with a friend (a new phone): the friend is filed as 老带新 and the old
 *    customer leaves the list (cooldown); the same friend named by another old customer keeps the
 *    first filing (R1);
 * 10. the general manager (the clinic's admin) creates an invite through the gateway; a new
 *    colleague opens the invite link, joins and reaches the workbench; the code works only once,
 *    and a non-staff user finds 员工加入 on the home page.
 */
import type { Browser } from 'playwright-core';
import { launchBrowser, phonePage, screenshot } from '../support/browser';
import { actAsNewUser, callAs, openTab, signIn } from '../support/gateway';
import { startStack, stopStack, type Stack } from '../support/stack';

let stack: Stack;
let browser: Browser;

const OWNER = 'demo-staff-consultant-1'; // owns 王丽 (cust-0001), in her 关键黄金期
const ADMIN = 'demo-manager-gm';
const FRIEND_PHONE = '13955550101';

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  if (stack) await stopStack(stack);
});

test('9. 黄金时间: an ask with a friend files them as 老带新; the old customer rests; the friend’s first filing stands (R1)', async () => {
  const page = await phonePage(browser);
  await signIn(page, stack, OWNER);
  await page.getByTestId('home-workbench').click();
  await page.getByTestId('workbench-page').waitFor();
  await page.getByTestId('tab-golden').click();
  await page.getByTestId('golden-list').waitFor();
  const wangli = page.getByTestId('golden-cust-0001');
  await wangli.waitFor();
  expect(await wangli.getByTestId('golden-window').innerText()).toBe('关键黄金期');
  expect(await wangli.getByTestId('golden-meta').innerText()).toContain('治疗后第');
  expect(await wangli.getByTestId('golden-stars').innerText()).toBe('★★★★☆');
  expect(await wangli.getByTestId('golden-talk').innerText()).toMatch(/[\u4e00-\u9fa5]/);
  const before = await page.locator('[data-testid^="golden-cust-"]').count();
  expect(before).toBeGreaterThan(1);
  await screenshot(page, 'j9-golden-time-375');
  // The top of the list, for the README: the tabs at the top of the screen.
  await page.getByTestId('workbench-tabs').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshot(page, 'j9-golden-time-top-375', { fullPage: false });

  await wangli.getByTestId('golden-ask-cust-0001').click();
  await page.getByTestId('golden-ask-page').waitFor();
  expect(await page.getByTestId('golden-ask-customer').innerText()).toContain('王*');
  await page.setViewportSize({ width: 320, height: 740 });
  await page.getByTestId('friend-yes').click();
  await page.getByTestId('friend-name').locator('input').fill('韩梅梅');
  await page.getByTestId('friend-phone').locator('input').fill(FRIEND_PHONE);
  await page.getByTestId('friend-need').locator('textarea').fill('想做双眼皮，预算一万左右');
  // The date picker opens on today; 确定 takes it.
  await page.getByTestId('friend-date').click();
  await page.locator('.weui-picker__action').filter({ hasText: '确定' }).click();
  await page.getByTestId('friend-date-clear').waitFor();
  expect(await page.getByTestId('friend-date').innerText()).toContain('（今天）');
  await page.getByTestId('grade-F1').click();
  await screenshot(page, 'j9-golden-ask-form-320');

  await page.getByTestId('ask-save').click();
  await page.getByTestId('ask-result').waitFor();
  expect(await page.getByTestId('ask-headline').innerText()).toBe('已为朋友建档');
  expect(await page.getByTestId('ask-channel').innerText()).toBe('老带新');
  expect(await page.getByTestId('ask-message').innerText()).toContain('老带新');
  expect(await page.getByTestId('ask-rule').innerText()).toContain('R1');
  await screenshot(page, 'j9-golden-ask-filed-320');

  // Back on the list: 王丽 rests for the cooldown, the others are still there.
  await page.setViewportSize({ width: 375, height: 740 });
  await page.getByTestId('ask-back').click();
  await page.getByTestId('golden-list').waitFor();
  await page.getByTestId('golden-cust-0001').waitFor({ state: 'detached' });
  const listed = (await callAs(stack, 'staff', 'goldenTime', { limit: 50 }, OWNER)).items.map(
    (i: { customerId: string }) => i.customerId,
  );
  expect(listed).not.toContain('cust-0001');
  await screenshot(page, 'j9-golden-time-after-ask-375');

  // Another old customer names the same friend: the first filing stands (R1), this one is a touch.
  const next = page.locator('[data-testid^="golden-ask-cust-"]').first();
  await next.click();
  await page.getByTestId('golden-ask-page').waitFor();
  await page.getByTestId('friend-yes').click();
  await page.getByTestId('friend-name').locator('input').fill('韩梅梅');
  await page.getByTestId('friend-phone').locator('input').fill(FRIEND_PHONE);
  await page.getByTestId('grade-F3').click();
  await page.getByTestId('ask-save').click();
  await page.locator('[data-testid="ask-result"][data-existing="true"]').waitFor();
  expect(await page.getByTestId('ask-headline').innerText()).toBe('朋友此前已建档');
  expect(await page.getByTestId('ask-message').innerText()).toContain('记为接触');
  expect(await page.getByTestId('ask-channel').innerText()).toContain('老带新');
  expect(await page.getByTestId('ask-rule').innerText()).toContain('R1');
  await screenshot(page, 'j9-golden-ask-existing-375');
});

test('10. a new colleague joins by invite and reaches the workbench; the code works once; home offers 员工加入', async () => {
  const invite = await callAs(
    stack,
    'staff',
    'createInvite',
    { name: '周新', storeId: 'store-1', post: 'consultant', department: 'consulting' },
    ADMIN,
  );
  expect(invite.code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);

  // The invite link: the code arrives in the query; joining waits for the tap.
  const page = await phonePage(browser, 320);
  await actAsNewUser(page, 'e2e-new-colleague', '新同事');
  await page.goto(`${stack.url}/#/packages/staff/pages/join/index?code=${invite.code.toLowerCase()}`);
  await page.getByTestId('join-page').waitFor();
  expect(await page.getByTestId('join-code').locator('input').inputValue()).toBe(invite.code);
  await screenshot(page, 'j10-join-code-320');
  await page.getByTestId('join-submit').click();
  await page.getByTestId('join-result').waitFor();
  expect(await page.getByTestId('join-welcome').innerText()).toMatch(/^欢迎加入 .+，岗位：咨询师$/);
  await screenshot(page, 'j10-join-welcome-320');
  await page.getByTestId('join-workbench').click();
  await page.getByTestId('workbench-page').waitFor();
  expect(await page.getByTestId('workbench-staff').innerText()).toBe('周新');

  // Someone else with the same code: refused in the server's words (a used code reads as unknown).
  const other = await phonePage(browser, 320);
  await signIn(other, stack, 'demo-newcomer-1');
  expect(await other.getByTestId('home-workbench').count()).toBe(0);
  await other.getByTestId('home-products').waitFor();
  await screenshot(other, 'j10-home-join-320');
  await openTab(other, '我的');
  await other.getByTestId('home-join').click();
  await other.getByTestId('join-page').waitFor();
  await other.getByTestId('join-code').locator('input').fill(invite.code);
  await other.getByTestId('join-submit').click();
  expect(await other.getByTestId('join-error').innerText()).toBe('邀请码无效，请向管理员确认');
  await screenshot(other, 'j10-join-refused-320');
});
