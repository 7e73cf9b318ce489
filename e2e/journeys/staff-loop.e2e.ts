/**
 * Staff journeys of the referral loop on the H5 build and the real local cloud (fresh data folder):
 * 5. a card booking's follow-up task appears in the owner's workbench; recording V1 shows and then
 *    schedules the day-before reminder;
 * 6. the next day the desk checks the newcomer in by the booking code (老带新, final, with its rule),
 *    opens the customer card from the answer and records the deal on the deal page (a double tap
 *    records it once; the answer names the referrer's credit), and the referrer's card shows
 *    已成交 and the credit;
 * 7. a walk-in desk filing shows 直接来院 with its rule;
 * 8. the 四部回访组 confirms a V4 record in the verification queue.
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, phonePage, screenshot } from '../support/browser';
import { startStack, stopStack, type Stack } from '../support/stack';

let stack: Stack;
let browser: Browser;

const OWNER = 'demo-staff-consultant-1'; // owns 王丽, the referrer
const VERIFIER = 'demo-staff-followup-1'; // 四部回访组
const REFERRER = 'demo-customer-wangli';

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  if (stack) await stopStack(stack);
});

async function api(fn: string, action: string, data: unknown, openid: string) {
  const res = await fetch(`${stack.url}/api/functions/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-demo-openid': openid },
    body: JSON.stringify({ action, data }),
  });
  const body = (await res.json()) as { ok: boolean; data?: any; code?: string; message?: string };
  if (!body.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(body)}`);
  return body.data;
}

async function clinicDate(days: number): Promise<string> {
  const { now } = (await (await fetch(`${stack.url}/api/clock`)).json()) as { now: string };
  return new Date(Date.parse(now) + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

async function moveClock(days: number): Promise<void> {
  const { now } = (await (await fetch(`${stack.url}/api/clock`)).json()) as { now: string };
  await fetch(`${stack.url}/api/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ now: new Date(Date.parse(now) + days * 86_400_000).toISOString() }),
  });
}

async function signIn(page: Page, openid: string): Promise<void> {
  await page.goto(stack.url + '/');
  await page.getByTestId(`demo-identity-${openid}`).click();
  await page.getByTestId('home-member').waitFor();
}

/** A bookable slot of 一店 from `days` ahead on, from the function's own answer. */
async function openSlot(days: number): Promise<{ date: string; slot: string }> {
  for (let d = days; d < days + 14; d++) {
    const date = await clinicDate(d);
    const day = await api('booking', 'listSlots', { storeId: 'store-1', date }, 'e2e-probe');
    const free = day.slots.find((s: { available: number }) => s.available > 0);
    if (!day.closed && free) return { date, slot: free.slot };
  }
  throw new Error('no open slot');
}

let bookingId = '';
const NEWCOMER_PHONE = '13955550001';

test('5. a card booking’s task appears in the owner’s workbench; V1 shows, then schedules, the day-before reminder', async () => {
  const code = (await api('referral', 'getMyCard', {}, REFERRER)).code as string;
  const when = await openSlot(1);
  const booking = await api(
    'booking',
    'create',
    {
      storeId: 'store-1',
      productId: 'product-botulinum',
      ...when,
      name: '唐小糖',
      phone: NEWCOMER_PHONE,
      consentVersion: '2026-12',
      sensitiveConsent: true,
      referralCode: code,
    },
    'e2e-newcomer',
  );
  bookingId = booking.id;

  const page = await phonePage(browser);
  await signIn(page, OWNER);
  await page.getByTestId('home-workbench').click();
  await page.getByTestId('workbench-page').waitFor();
  await page.getByTestId('tasks-today').waitFor();
  const task = page.locator('[data-testid^="task-"]').filter({ hasText: '唐**' }).first();
  await task.waitFor();
  await screenshot(page, 'j5-workbench-375');
  await task.click();
  await page.getByTestId('task-page').waitFor();
  expect(await page.getByTestId('customer-rule').innerText()).toContain('R1');

  await page.getByTestId('result-V1').click();
  const visit = await clinicDate(6);
  for (let i = 0; i < 2 && (await page.getByTestId(`calendar-day-${visit}`).count()) === 0; i++) {
    await page.getByTestId('calendar-next').click();
  }
  await page.getByTestId(`calendar-day-${visit}`).click();
  // What saving will do, before saving.
  const preview = page.getByTestId('preview-next');
  await preview.waitFor();
  expect(await preview.innerText()).toContain('到院前提醒');
  await screenshot(page, 'j5-task-preview-375');
  await page.getByTestId('result-save').click();
  await page.getByTestId('result-saved').waitFor();
  expect(await page.getByTestId('saved-next').innerText()).toContain('到院前提醒');
  await screenshot(page, 'j5-task-saved-375');
});

test('6. check-in makes the referral final; a deal credits the referrer once, who sees 已成交 and the credit', async () => {
  await moveClock(1);
  const page = await phonePage(browser);
  await signIn(page, OWNER);
  await page.getByTestId('home-workbench').click();
  await page.getByTestId('entry-check-in').click();
  await page.getByTestId('check-in-page').waitFor();
  await page.getByTestId('booking-code-input').locator('input').fill(bookingId.toLowerCase());
  await page.getByTestId('check-in-submit').click();
  await page.getByTestId('check-in-result').waitFor();
  expect(await page.getByTestId('check-in-headline').innerText()).toContain('首次到院');
  expect(await page.getByTestId('attribution-channel').innerText()).toContain('老带新');
  expect(await page.getByTestId('attribution-rule').innerText()).toContain('R2');
  await screenshot(page, 'j6-check-in-375');

  // From the answer to the customer card, and from there to the deal page.
  await page.getByTestId('check-in-customer').click();
  await page.getByTestId('customer-page').waitFor();
  expect(await page.getByTestId('customer-name').innerText()).toBe('唐**');
  expect(await page.getByTestId('customer-rule').innerText()).toContain('R2');
  await page.getByTestId('customer-deal').click();
  await page.getByTestId('deal-page').waitFor();
  expect(await page.getByTestId('deal-customer').innerText()).toContain('139****0001');
  const dealItem = page.getByTestId('deal-item-0');
  await dealItem.getByTestId('product-product-botulinum').click();
  await page.getByTestId('deal-item-0-amount').locator('input').fill('3000');
  await page.getByTestId('deal-item-0-paid').locator('input').fill('2980');
  expect(await page.getByTestId('deal-total-paid').innerText()).toBe('¥2,980.00');
  await screenshot(page, 'j6-deal-form-375');
  await page.setViewportSize({ width: 320, height: 740 });
  await screenshot(page, 'j6-deal-form-320');
  await page.setViewportSize({ width: 375, height: 740 });
  // A double tap is the same deal: one request, one credit.
  await page.getByTestId('deal-submit').dblclick();
  await page.getByTestId('deal-result').waitFor();
  expect(await page.getByTestId('deal-headline').innerText()).toContain('已录入成交');
  expect(await page.getByTestId('result-paid').innerText()).toBe('¥2,980.00');
  expect(await page.getByTestId('deal-became-existing').innerText()).toContain('已成为老客');
  // The referrer's rebate (the referee has rewards of their own).
  const credit = page.getByTestId('credit-item').filter({ hasText: '推荐人 王*' }).filter({ hasText: '返利金' });
  expect(await credit.innerText()).toContain('¥149.00');
  await screenshot(page, 'j6-deal-result-375');
  // Back on the card, the history has the deal.
  await page.getByTestId('deal-back-customer').click();
  await page.getByTestId('customer-page').waitFor();
  const deals = page.locator('[data-testid="history-item"][data-kind="deal"]');
  await deals.first().waitFor();
  expect(await deals.count()).toBe(1);
  expect(await deals.first().innerText()).toContain('实付 ¥2,980.00');
  expect(await page.getByTestId('customer-kind').innerText()).toBe('老客');
  await screenshot(page, 'j6-customer-card-375');

  const referrer = await phonePage(browser);
  await signIn(referrer, REFERRER);
  await referrer.goto(`${stack.url}/#/packages/customer/pages/card/index`);
  const item = referrer.getByTestId('referral-item').filter({ hasText: '139****0001' });
  await item.waitFor();
  expect(await item.getByTestId('referral-status').innerText()).toBe('已成交');
  // The referrer's ledger (from the function) has this deal's credit once; the page shows it.
  const ledger = await api('referral', 'listMyRewards', { limit: 50 }, REFERRER);
  const credited = ledger.items.filter((e: { type: string; at: string }) => e.type === 'credit');
  expect(credited.length).toBeGreaterThan(0);
  const rebates = credited.filter((e: { unit: string }) => e.unit === 'fen');
  expect(rebates.map((e: { amount: number }) => e.amount)).toEqual([14900]); // 5% of ¥2,980, once despite the double tap
  await referrer.getByTestId('reward-item').first().waitFor();
  expect(await referrer.getByTestId('reward-item').count()).toBe(ledger.items.length);
  expect(await referrer.getByTestId('rewards-balance').innerText()).toContain('149');
  await screenshot(referrer, 'j6-referrer-dealt-375');
});

test('7. a walk-in desk filing shows 直接来院 with its rule', async () => {
  const page = await phonePage(browser, 320);
  await signIn(page, OWNER);
  await page.getByTestId('home-workbench').click();
  await page.getByTestId('entry-desk-filing').click();
  await page.getByTestId('desk-filing-page').waitFor();
  await page.getByTestId('filing-phone').locator('input').fill('13955550002');
  await page.getByTestId('filing-name').locator('input').fill('散客小周');
  await page.getByTestId('channel-walk_in').click();
  await page.getByTestId('grade-F1').click();
  await page.getByTestId('filing-submit').click();
  await page.getByTestId('filing-result').waitFor();
  expect(await page.getByTestId('filing-headline').innerText()).toContain('已建档');
  expect(await page.getByTestId('attribution-channel').innerText()).toContain('直接来院');
  expect(await page.getByTestId('attribution-rule').innerText()).toMatch(/R\d/);
  await screenshot(page, 'j7-desk-filing-walk-in-320');
});

test('8. the 四部回访组 confirms a V4 record; it leaves the queue', async () => {
  const tasks = await api('staff', 'listTasks', { bucket: 'overdue' }, OWNER);
  const today = await api('staff', 'listTasks', { bucket: 'today' }, OWNER);
  const task = [...today.items, ...tasks.items][0];
  await api(
    'staff',
    'recordResult',
    { taskId: task.id, result: { result: 'V4', reason: 'competitor', note: '已在别家做过' } },
    OWNER,
  );

  const page = await phonePage(browser);
  await signIn(page, VERIFIER);
  await page.getByTestId('home-workbench').click();
  await page.getByTestId('entry-verification').click();
  await page.getByTestId('verification-page').waitFor();
  await page.getByText('已在别家做过').waitFor();
  await screenshot(page, 'j8-verification-375');
  const confirm = page.locator('[data-testid^="confirm-"]').first();
  const itemId = ((await confirm.getAttribute('data-testid')) as string).slice('confirm-'.length);
  await confirm.click();
  await page.locator('.taro-modal__foot').getByText('确认移出').click();
  await page.getByTestId(`verification-${itemId}`).waitFor({ state: 'detached' });
  await screenshot(page, 'j8-verification-confirmed-375');
});
