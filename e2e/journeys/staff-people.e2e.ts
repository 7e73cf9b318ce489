/**
 * The team, my figures and the desk's people pickers, on the H5 build and the real local cloud
 * (fresh data folder):
 * 11. the store manager sets a consultant's targets of the month on the team page; the consultant
 *     opens 我的业绩 from the workbench and sees each target with its attainment (成交额 as money),
 *     未设目标 where none was set, and the month's follow-ups;
 * 12. the store manager invites a colleague (code, expiry, join link; the code works), then
 *     deactivates a nurse, handing her open tasks and customers to another colleague of the store,
 *     and sees the moved counts; she leaves the list, her account stops working and the successor
 *     has her work;
 * 13. at 320 px the desk checks in a walk-in who came with an old customer: the old customer is
 *     found by phone and the receiving colleague picked from the store's list (ids sent, R5).
 */
import type { Browser } from 'playwright-core';
import { launchBrowser, phonePage, screenshot } from '../support/browser';
import { callAs, signIn } from '../support/gateway';
import { startStack, stopStack, type Stack } from '../support/stack';

let stack: Stack;
let browser: Browser;

const MANAGER = 'demo-manager-store-1'; // 高峰, 一店店长
const CONSULTANT = 'demo-staff-consultant-1'; // 陈静
const CONSULTANT_ID = 'staff-s1-consultant-1';
const NURSE = 'demo-staff-nurse-1'; // 林晓
const NURSE_ID = 'staff-s1-nurse-1';
const SUCCESSOR = 'demo-staff-onsite-service-1'; // 杨柳
const SUCCESSOR_ID = 'staff-s1-onsite-1';

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  if (stack) await stopStack(stack);
});

/** The page's attainment: basis points → percent with one decimal, rounded down. */
const percent = (bp: number) => `${Math.floor(bp / 100)}.${Math.floor(bp / 10) % 10}%`;

test('11. the manager sets a consultant’s targets on the team page; the consultant sees them in 我的业绩', async () => {
  const before = await callAs(stack, 'staff', 'myFigures', {}, CONSULTANT);
  const actualOld = before.kpis.find((k: { metric: string }) => k.metric === 'oldCustomers').actual as number;
  expect(actualOld).toBeGreaterThan(0); // the seed gives her old customers
  const targetOld = actualOld * 2;

  const manager = await phonePage(browser);
  await signIn(manager, stack, MANAGER);
  await manager.getByTestId('home-workbench').click();
  await manager.getByTestId('workbench-page').waitFor();
  await manager.getByTestId('tasks-today').or(manager.getByTestId('tasks-empty')).waitFor();
  await screenshot(manager, 'j11-workbench-manager-375', { fullPage: false });
  await manager.getByTestId('entry-team').click();
  await manager.getByTestId('team-page').waitFor();
  const row = manager.getByTestId(`colleague-${CONSULTANT_ID}`);
  await row.waitFor();
  await row.getByTestId(`targets-open-${CONSULTANT_ID}`).click();
  const panel = manager.getByTestId('targets-panel');
  await panel.getByTestId(`targets-month-${before.month}`).click();
  await panel.getByTestId('target-oldCustomers').locator('input').fill(String(targetOld));
  await panel.getByTestId('target-deals').locator('input').fill('4');
  await panel.getByTestId('target-dealAmountFen').locator('input').fill('10000.5');
  await row.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshot(manager, 'j11-team-targets-375', { fullPage: false });
  await panel.getByTestId('targets-save').click();
  await manager.getByTestId('targets-saved').waitFor();
  expect(await manager.getByTestId('targets-saved').innerText()).toContain('陈静');

  const after = await callAs(stack, 'staff', 'myFigures', { month: before.month }, CONSULTANT);
  const kpi = (metric: string) => after.kpis.find((k: { metric: string }) => k.metric === metric);
  expect(kpi('oldCustomers').target).toBe(targetOld);
  expect(kpi('dealAmountFen').target).toBe(1000050); // typed in yuan, stored in fen

  const page = await phonePage(browser);
  await signIn(page, stack, CONSULTANT);
  await page.getByTestId('home-workbench').click();
  await page.getByTestId('entry-figures').click();
  await page.getByTestId('figures-kpis').waitFor();
  expect(await page.getByTestId('month-title').innerText()).toContain('（本月）');
  expect(await page.getByTestId('month-next').getAttribute('data-disabled')).toBe('true');
  expect(await page.getByTestId('kpi-oldCustomers-actual').innerText()).toBe(`${actualOld} 位`);
  expect(await page.getByTestId('kpi-oldCustomers-target').innerText()).toBe(`目标 ${targetOld} 位`);
  expect(await page.getByTestId('kpi-oldCustomers-attainment').innerText()).toBe(
    `完成 ${percent(kpi('oldCustomers').attainmentBp)}`,
  );
  expect(await page.getByTestId('kpi-oldCustomers-attainment').innerText()).toBe('完成 50.0%');
  expect(await page.getByTestId('kpi-dealAmountFen-target').innerText()).toBe('目标 ¥10,000.50');
  expect(await page.getByTestId('kpi-dealAmountFen-attainment').innerText()).toBe(
    `完成 ${percent(kpi('dealAmountFen').attainmentBp)}`,
  );
  expect(await page.getByTestId('kpi-deals-target').innerText()).toBe('目标 4 笔');
  expect(await page.getByTestId('kpi-satisfiedCustomers-target').innerText()).toBe('未设目标');
  expect(await page.getByTestId('follow-due').innerText()).toBe(`${after.followUps.due} 条`);
  expect(await page.getByTestId('follow-overdue').innerText()).toBe(`${after.followUps.overdue} 条`);
  await screenshot(page, 'j11-figures-375');

  // Last month: no targets were set for it.
  await page.getByTestId('month-prev').click();
  await page.getByTestId('figures-no-targets').waitFor();
  expect(await page.getByTestId('kpi-oldCustomers-target').innerText()).toBe('未设目标');
  await page.setViewportSize({ width: 320, height: 740 });
  await screenshot(page, 'j11-figures-last-month-320');
  await page.getByTestId('month-next').click();
  await page.getByTestId('kpi-oldCustomers-attainment').waitFor();
  await screenshot(page, 'j11-figures-320');
});

test('12. the manager invites a colleague, then deactivates a nurse: her work goes to a colleague, the counts show', async () => {
  // The nurse files two walk-ins at the desk: she owns them and their first follow-ups.
  for (const [phone, name] of [
    ['13955550201', '孟小月'],
    ['13955550202', '孟小星'],
  ]) {
    await callAs(
      stack,
      'visits',
      'fileAtDesk',
      { phone, name, channel: 'walk_in', grade: 'F1', productIds: [] },
      NURSE,
    );
  }

  const page = await phonePage(browser, 320);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.url });
  await signIn(page, stack, MANAGER);
  await page.getByTestId('home-workbench').click();
  await page.getByTestId('entry-team').click();
  await page.getByTestId('invite-form').waitFor();

  // 邀请同事.
  await page.getByTestId('invite-name').locator('input').fill('周新');
  await page.getByTestId('invite-post-nurse').click();
  await page.getByTestId('invite-department-medical').click();
  await page.getByTestId('invite-days').locator('input').fill('3');
  await screenshot(page, 'j12-team-invite-form-320');
  await page.getByTestId('invite-submit').click();
  await page.getByTestId('invite-result').waitFor();
  const code = await page.getByTestId('invite-code').innerText();
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
  expect(await page.getByTestId('invite-path').innerText()).toBe(`/packages/staff/pages/join/index?code=${code}`);
  expect(await page.getByTestId('invite-expires').innerText()).toMatch(/^\d{4}-\d{2}-\d{2} 23:59$/);
  await page.getByTestId('invite-copy').click();
  await page.getByTestId('invite-copied').waitFor();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(code);
  // The platform's own 内容已复制 toast goes away first.
  await page.waitForFunction(() => {
    const toast = document.querySelector<HTMLElement>('.taro__toast');
    return toast !== null && getComputedStyle(toast).display === 'none';
  });
  await screenshot(page, 'j12-team-invite-320', { fullPage: false });
  // The code works (once) for the new colleague's WeChat account.
  const joined = await callAs(stack, 'staff', 'redeemInvite', { code }, 'e2e-new-colleague');
  expect(joined.name).toBe('周新');

  // 停用 the nurse, handing over to 杨柳.
  await page.reload();
  const nurse = page.getByTestId(`colleague-${NURSE_ID}`);
  await nurse.waitFor();
  // The new colleague is on the list now.
  await page.getByTestId(`colleague-${joined.staffId}`).waitFor();
  await nurse.getByTestId(`leave-open-${NURSE_ID}`).click();
  const panel = page.getByTestId('leave-panel');
  expect(await panel.getByTestId(`successor-${NURSE_ID}`).count()).toBe(0);
  await panel.getByTestId(`successor-${SUCCESSOR_ID}`).click();
  await nurse.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshot(page, 'j12-team-leave-320', { fullPage: false });
  await panel.getByTestId('leave-confirm').click();
  const modal = page.locator('.taro-modal__content');
  await modal.waitFor();
  expect(await modal.innerText()).toContain('交给 杨柳');
  expect(await modal.innerText()).toContain('业绩保持不变');
  // The dialog fades in: shoot it once it is opaque.
  await page.waitForTimeout(500);
  await screenshot(page, 'j12-team-leave-confirm-320', { fullPage: false });
  await page.locator('.taro-modal__foot').getByText('确认停用').click();
  const result = page.getByTestId('leave-result');
  await result.waitFor();
  const text = await result.innerText();
  expect(text).toMatch(/^林晓：已停用。回访任务 [1-9]\d* 条、老客 2 位已交给 杨柳$/);
  await nurse.waitFor({ state: 'detached' });
  await page.getByTestId('colleagues').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshot(page, 'j12-team-left-320', { fullPage: false });

  // Her account no longer works; the successor has the customers and the tasks.
  await expect(callAs(stack, 'staff', 'workbench', {}, NURSE)).rejects.toThrow(/"ok":false/);
  const moved = Number(/回访任务 (\d+) 条/.exec(text)?.[1]);
  const buckets = await Promise.all(
    (['today', 'overdue', 'tomorrow', 'upcoming'] as const).map((bucket) =>
      callAs(stack, 'staff', 'listTasks', { bucket, limit: 50 }, SUCCESSOR),
    ),
  );
  const theirs = buckets.flatMap((b) => b.items).filter((t: { displayName: string }) => t.displayName === '孟**');
  expect(theirs.length).toBe(moved);
});

test('13. the walk-in form names people with pickers: an old customer by phone, a colleague from the list', async () => {
  const page = await phonePage(browser, 320);
  await signIn(page, stack, CONSULTANT);
  await page.getByTestId('home-workbench').click();
  await page.getByTestId('entry-check-in').click();
  await page.getByTestId('mode-phone').click();
  await page.getByTestId('walk-in-phone').locator('input').fill('13955550301');
  await page.getByTestId('walk-in-name').locator('input').fill('叶小舟');

  // 同行老客: a partial number is refused before any search; the full one finds 王丽 (masked).
  const companion = page.getByTestId('walk-in-companionCustomerId');
  await companion.getByTestId('walk-in-companionCustomerId-query').locator('input').fill('1300618');
  await companion.getByTestId('walk-in-companionCustomerId-search').click();
  expect(await companion.getByTestId('walk-in-companionCustomerId-error').innerText()).toContain('完整的 11 位手机号');
  await companion.getByTestId('walk-in-companionCustomerId-query').locator('input').fill('13006181966');
  await companion.getByTestId('walk-in-companionCustomerId-search').click();
  const wangli = companion.getByTestId('walk-in-companionCustomerId-result-cust-0001');
  await wangli.waitFor();
  expect(await wangli.innerText()).toContain('王* · 130****1966');
  await companion.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshot(page, 'j13-walk-in-search-320', { fullPage: false });
  await wangli.click();
  await companion.getByTestId('walk-in-companionCustomerId-chosen').waitFor();

  // 点名咨询师 lists the consultants only; 接待人 anyone of the store.
  const consultants = page.getByTestId('walk-in-namedConsultantStaffId');
  await consultants.getByTestId(`walk-in-namedConsultantStaffId-option-${CONSULTANT_ID}`).waitFor();
  expect(await consultants.getByTestId(`walk-in-namedConsultantStaffId-option-${SUCCESSOR_ID}`).count()).toBe(0);
  const receiver = page.getByTestId(`walk-in-receivedByStaffId-option-${SUCCESSOR_ID}`);
  await receiver.click();
  expect(await receiver.getAttribute('data-selected')).toBe('true');
  await screenshot(page, 'j13-walk-in-form-320');

  await page.getByTestId('check-in-submit').click();
  await page.getByTestId('check-in-result').waitFor();
  expect(await page.getByTestId('check-in-filed').count()).toBe(1);
  expect(await page.getByTestId('attribution-rule').innerText()).toContain('R5');
  expect(await page.getByTestId('attribution-referrer').innerText()).toBe('王*');
  expect(await page.getByTestId('attribution-staff').innerText()).toBe('杨柳');
  await screenshot(page, 'j13-walk-in-result-320');
});
