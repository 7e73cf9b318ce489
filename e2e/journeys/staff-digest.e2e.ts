/**
 * Reminder journeys on the H5 build and the real local cloud (fresh data folder):
 * 14. a colleague whose WeChat reminders ran out re-subscribes in the workbench with one tap; the
 *     clock moves to the clinic's digest hour, the hourly timer fires twice at once, and exactly one
 *     digest is in the outbox, with the counts the workbench shows;
 * 15. an old customer opts into her friends' progress (好友进度提醒) on her card, and a friend's
 *     booking through her code reaches her as 好友已预约.
 */
import type { Browser, Page } from 'playwright-core';
import { callAs, signIn } from '../support/gateway';
import { launchBrowser, phonePage, screenshot } from '../support/browser';
import { startStack, stopStack, type Stack } from '../support/stack';

let stack: Stack;
let browser: Browser;

const BUTLER = 'demo-staff-butler-service-1'; // 孙悦: never subscribed to the digest, owns 刘芳
const MANAGER = 'demo-manager-store-1'; // 高峰, 一店's store manager
const LIUFANG = 'demo-customer-liufang';
const REFERRER = 'demo-customer-wangli';
const HOUR = 3_600_000;

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  if (stack) await stopStack(stack);
});

const getJson = async (path: string) => (await fetch(`${stack.url}/api${path}`)).json() as Promise<any>;
const postJson = async (path: string, body: unknown = {}) =>
  (
    await fetch(`${stack.url}/api${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  ).json() as Promise<any>;

/** The next Shanghai day at `hour`:00 (the clinic's clock runs in UTC+8 all year). */
async function nextDayAt(hour: number): Promise<Date> {
  const { now } = await getJson('/clock');
  const shanghai = new Date(Date.parse(now) + 8 * HOUR);
  const day = Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate() + 1);
  return new Date(day + (hour - 8) * HOUR);
}

const setClock = (at: Date) => postJson('/clock', { now: at.toISOString() });
const subscribeSends = async (openid: string, templateId: string) =>
  ((await getJson('/outbox')) as any[]).filter(
    (e) => e.apiName === 'subscribeMessage.send' && e.params.touser === openid && e.params.template_id === templateId,
  );

/** A friend books 一店's first open slot from tomorrow on through `code` (the booking page is journey 2's). */
async function friendBooks(code: string, name: string, phone: string, openid: string): Promise<void> {
  const { now } = await getJson('/clock');
  for (let d = 1; d < 15; d++) {
    const date = new Date(Date.parse(now) + 8 * HOUR + d * 24 * HOUR).toISOString().slice(0, 10);
    const day = await callAs(stack, 'booking', 'listSlots', { storeId: 'store-1', date }, 'e2e-probe');
    const free = day.slots.find((s: { available: number }) => s.available > 0);
    if (day.closed || !free) continue;
    const input = { storeId: 'store-1', productId: 'product-botulinum', date, slot: free.slot, name, phone };
    await callAs(
      stack,
      'booking',
      'create',
      { ...input, consentVersion: '2026-12', sensitiveConsent: true, referralCode: code },
      openid,
    );
    return;
  }
  throw new Error('no open slot');
}

async function openWorkbench(page: Page): Promise<void> {
  await page.goto(`${stack.url}/#/packages/staff/pages/workbench/index`);
  await page.getByTestId('workbench-tabs').waitFor();
}

test('14. re-subscribe in the workbench, the timer fires twice at the digest hour: one digest, counts as on the workbench', async () => {
  const eight = await nextDayAt(8);
  await setClock(eight); // 08:00: the digest hour (09:00) has not come
  // 刘芳's friend books through her card: the follow-up is the butler's, 刘芳's owner.
  const code = (await callAs(stack, 'referral', 'getMyCard', {}, LIUFANG)).code as string;
  await friendBooks(code, '周婷', '13955551401', 'e2e-friend-14');
  const page = await phonePage(browser);
  await signIn(page, stack, BUTLER);
  await openWorkbench(page);
  await page.getByTestId('reach-hint').waitFor();
  expect(await page.getByTestId('reach-hint').textContent()).toContain('微信提醒已用完');
  await screenshot(page, 'j14-workbench-unreachable', { fullPage: false });

  // One tap: WeChat's authorization (the H5 stand-in's 允许), banked on the server.
  expect(Number(await page.getByTestId('tab-count-today').textContent())).toBeGreaterThan(0);
  await page.getByTestId('reach-resubscribe').click();
  await page.getByText('允许', { exact: true }).click();
  await page.getByTestId('reach-hint').waitFor({ state: 'detached' });
  expect(await page.getByTestId('subscribe-left').textContent()).toContain('还剩 1 次');
  await screenshot(page, 'j14-workbench-subscribed', { fullPage: false });
  const workbench = await callAs(stack, 'staff', 'workbench', {}, BUTLER);
  expect(workbench.reach).toMatchObject({ digestGrants: 1, reachable: true });
  const template = workbench.digestTemplateId as string;

  // Nothing before the hour; then two timer runs at once at 09:00.
  const early = await postJson('/trigger/reminders');
  expect(early).toMatchObject({ ok: true, data: { staffDigest: { chains: 0 } } });
  expect(await subscribeSends(BUTLER, template)).toEqual([]);
  await setClock(new Date(eight.getTime() + HOUR));
  const runs = await Promise.all([postJson('/trigger/reminders'), postJson('/trigger/reminders')]);
  for (const run of runs) expect(run).toMatchObject({ ok: true, data: { staffDigest: { done: true } } });

  const sends = await subscribeSends(BUTLER, template);
  expect(sends).toHaveLength(1);
  expect(sends[0]).toMatchObject({ result: 'ok', params: { page: 'packages/staff/pages/workbench/index' } });
  const { number2, number3, thing1 } = sends[0].params.data;
  expect(thing1.value).toBe(`今日回访 ${number2.value} 条，逾期 ${number3.value} 条`);

  // The workbench shows the same counts on its tabs. WeChat delivered it, so nothing waits in-app;
  // the send spent the one authorization, so the banner offers the re-subscribe for tomorrow.
  await openWorkbench(page);
  expect(await page.getByTestId('tab-count-today').textContent()).toBe(number2.value);
  expect(await page.getByTestId('tab-count-overdue').textContent()).toBe(number3.value);
  expect(await page.getByTestId('reach-unread').count()).toBe(0);
  await page.getByTestId('reach-hint').waitFor();
  expect((await callAs(stack, 'staff', 'workbench', {}, BUTLER)).reach).toMatchObject({ digestGrants: 0 });
  await screenshot(page, 'j14-workbench-after-digest', { fullPage: false });
});

test('15. an old customer opts into her friends’ progress on her card; a friend’s booking reaches her as 好友已预约', async () => {
  const page = await phonePage(browser);
  await signIn(page, stack, REFERRER);
  await page.goto(`${stack.url}/#/packages/customer/pages/card/index`);
  await page.getByTestId('referral-updates').waitFor();
  expect(await page.getByTestId('referral-updates-left').textContent()).toContain('尚未开启');
  await page.getByTestId('referral-updates-subscribe').click();
  await page.getByText('允许', { exact: true }).click();
  await page.getByText('还可通知您 1 次').waitFor();
  await page.getByTestId('referral-updates').scrollIntoViewIfNeeded();
  await screenshot(page, 'j15-card-referral-updates', { fullPage: false });

  const card = await callAs(stack, 'referral', 'getMyCard', {}, REFERRER);
  expect(card.updateGrants).toBe(1);
  await friendBooks(card.code, '赵敏', '13955551501', 'e2e-friend-15');
  const sends = await subscribeSends(REFERRER, card.updateTemplateId);
  expect(sends).toHaveLength(1);
  expect(sends[0]).toMatchObject({
    result: 'ok',
    params: {
      page: 'packages/customer/pages/card/index',
      data: { thing1: { value: '赵*' }, phrase2: { value: '好友已预约' } },
    },
  });
});

test('16. an overdue follow-up reaches the store manager’s digest (督办) and is reassigned on 逾期督办', async () => {
  // Three days after journey 14's digest day: the butler's follow-up (due that day) is 3 days late.
  const { now } = await getJson('/clock');
  await setClock(new Date(Date.parse(now) + 3 * 24 * HOUR));
  const run = await postJson('/trigger/reminders');
  expect(run).toMatchObject({ ok: true, data: { staffDigest: { done: true } } });
  const outbox = (await getJson('/outbox')) as any[];
  expect(outbox.filter((e) => e.apiName === 'subscribeMessage.send' && e.params.touser === MANAGER)).toEqual([]);
  // Nothing reaches the manager outside the app: the digest waits in-app, with the store's ladder.
  const bench = await callAs(stack, 'staff', 'workbench', {}, MANAGER);
  expect(bench).toMatchObject({ canReassign: true, inAppUnread: 1 });

  const page = await phonePage(browser, 320);
  await signIn(page, stack, MANAGER);
  await openWorkbench(page);
  await page.getByTestId('entry-escalations').click();
  await page.getByTestId('escalations-page').waitFor();
  const item = page.locator('[data-testid^="escalation-"][data-level]').filter({ hasText: '周*' });
  await item.waitFor();
  expect(await item.getByTestId('escalation-level').textContent()).toBe('督办');
  expect(await item.getByTestId('escalation-overdue').textContent()).toContain('逾期 3 天');
  expect(await item.getByTestId('escalation-owner').textContent()).toContain('孙悦');
  await screenshot(page, 'j16-escalations-320', { fullPage: false });

  await item.getByText('改派', { exact: true }).click();
  await item.getByTestId('reassign-to-option-staff-s1-butler-2').click();
  await item.getByText('确认改派', { exact: true }).click();
  await item.getByTestId('escalation-owner').filter({ hasText: '罗佳怡' }).waitFor();
  await screenshot(page, 'j16-escalation-reassigned-320', { fullPage: false });
  // The server agrees: the task is 罗佳怡's now, still overdue (due date and customer unchanged).
  const after = (await callAs(stack, 'staff', 'escalations', { limit: 20 }, MANAGER)).items as any[];
  expect(after.filter((t) => t.ownerStaffId === 'staff-s1-butler-2')).toHaveLength(1);
  expect(after.filter((t) => t.ownerStaffId === 'staff-s1-butler-1')).toHaveLength(0);
});
