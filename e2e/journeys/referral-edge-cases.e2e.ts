/**
 * Journeys 17–19 on the H5 build and the real local cloud (fresh data folder): the edges of a
 * referral code.
 * 17. a friend's kept code is revoked by its holder: the booking says so plainly and the next
 *     submit books without it; an old link opened after the revoke lands home with the notice and
 *     nothing kept, and the booking goes through;
 * 18. the holder opens their own card's link: 这是您的推荐卡, a way to the card, nothing kept;
 * 19. a code typed on the booking form (normalised, resolved, 好友 X 的邀请) and a visit booked for
 *     the same day: the R2 notice under the date before submitting, and on the booked appointment.
 */
import type { Locator, Page } from 'playwright-core';
import { phonePage, screenshot } from '../support/browser';
import { submitBooking } from '../support/booking';
import { callAs, chooseIdentity } from '../support/gateway';
import { journeyStack } from '../support/journey';

const env = journeyStack();

const HOLDER = 'demo-customer-zhangmin'; // 张敏, revokes her card in 17
const OWNER = 'demo-customer-wangli'; // 王丽, opens her own card in 18
const FRIEND_CODE_HOLDER = 'demo-customer-liufang'; // 刘芳, whose code is typed in 19
const NEWCOMER_1 = 'demo-newcomer-1';
const NEWCOMER_2 = 'demo-newcomer-2';

const call = (fn: string, openid: string, action: string, data: object) => callAs(env.stack, fn, action, data, openid);
const signIn = (page: Page, openid: string) => chooseIdentity(page, env.stack, openid);
const newPage = (width?: number) => phonePage(env.browser, width);

/** What the device keeps as the friend's invitation ('' when nothing). */
const keptOnDevice = (page: Page) => page.evaluate(() => localStorage.getItem('clinic.keptReferral') ?? '');

const landingUrl = (code: string) => `${env.stack.url}/#/pages/landing/index?code=${code}`;

/** `openid` opens the invitation of `code` on a new page, which keeps it. */
async function openInvitation(openid: string, code: string): Promise<Page> {
  const page = await newPage();
  await signIn(page, openid);
  await page.goto(landingUrl(code));
  await page.getByTestId('landing-invitation').waitFor();
  expect(await keptOnDevice(page)).toContain(code);
  return page;
}

/** Store 一店, its first project, the first open day from `date` on and its first free slot. */
async function chooseVisit(page: Page, date: string): Promise<string> {
  await page.getByTestId('store-store-1').click();
  await page.locator('[data-testid^="product-"]').first().click();
  for (let i = 0; i < 3 && (await page.getByTestId(`calendar-day-${date}`).count()) === 0; i++) {
    await page.getByTestId('calendar-next').click();
  }
  const open = await page
    .locator('[data-testid^="calendar-day-"][data-disabled="false"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice(13)));
  const chosen = open.find((d) => d >= date);
  if (!chosen) throw new Error(`no open day from ${date}`);
  await page.getByTestId(`calendar-day-${chosen}`).click();
  await page.getByTestId('slots').waitFor();
  await page.locator('[data-testid^="slot-"][data-disabled="false"]').first().click();
  return chosen;
}

async function fillContact(page: Page, name: string, phone: string): Promise<void> {
  await page.getByTestId('booking-name').locator('input').fill(name);
  await page.getByTestId('booking-phone').locator('input').fill(phone);
}

/** The clinic's date (Asia/Shanghai) of the local cloud's clock, plus `days`. */
async function clinicDate(days: number): Promise<string> {
  const { now } = (await (await fetch(`${env.stack.url}/api/clock`)).json()) as { now: string };
  return new Date(Date.parse(now) + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** Tap targets are at least 44 CSS px tall. */
async function expectTappable(target: Locator): Promise<void> {
  const box = await target.boundingBox();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
}

test('17. a revoked kept code: the booking says so and goes through without it; an old link lands home with nothing kept', async () => {
  const code = (await call('referral', HOLDER, 'getMyCard', {})).code as string;

  // 17a. Kept from the landing, revoked before the friend books.
  const page = await openInvitation(NEWCOMER_1, code);
  await call('referral', HOLDER, 'revokeCard', {});

  await page.getByTestId('landing-book').click();
  const applied = page.getByTestId('booking-referral-applied');
  expect(await applied.innerText()).toContain('好友 张* 的邀请');
  await chooseVisit(page, await clinicDate(1));
  await fillContact(page, '林小雨', '17000000001');
  await submitBooking(page);
  const notice = page.getByTestId('booking-referral-notice');
  await notice.waitFor();
  expect(await notice.innerText()).toBe('好友的推荐码已失效，本次将按普通预约提交');
  expect(await page.getByTestId('booking-submit-error').innerText()).toContain('可直接再次提交预约');
  expect(await page.getByTestId('booking-referrer').count()).toBe(0);
  expect(await keptOnDevice(page)).toBe('');
  // The form is kept as typed.
  expect(await page.getByTestId('booking-name').locator('input').inputValue()).toBe('林小雨');
  await screenshot(page, 'j17-revoked-kept-booking-375');

  await submitBooking(page);
  await page.getByTestId('booking-success').waitFor();
  expect(await page.getByTestId('booking-result').innerText()).not.toContain('好友推荐');
  await page.context().close();

  // 17b. The old link opened after the revoke: home, the notice, and nothing kept for it.
  const fresh = (await call('referral', HOLDER, 'getMyCard', {})).code as string;
  const second = await openInvitation(NEWCOMER_2, fresh);
  await call('referral', HOLDER, 'revokeCard', {});
  await second.goto(landingUrl(fresh));
  await second.getByText('这份邀请无法使用', { exact: true }).waitFor();
  expect(second.url()).toMatch(/#\/pages\/index\/index/);
  expect(await keptOnDevice(second)).toBe('');
  expect(await second.getByText('的邀请已为你保留').count()).toBe(0);
  await screenshot(second, 'j17-revoked-link-home-375');
  await second.getByTestId('home-book').click();
  await second.getByTestId('booking-referral-open').waitFor();
  expect(await second.getByTestId('booking-referrer').count()).toBe(0);
  await chooseVisit(second, await clinicDate(1));
  await fillContact(second, '苏晴', '17000000002');
  await submitBooking(second);
  await second.getByTestId('booking-success').waitFor();
  await second.context().close();

  const narrow = await newPage(320);
  await signIn(narrow, NEWCOMER_2);
  await narrow.goto(landingUrl(fresh));
  await narrow.getByText('这份邀请无法使用', { exact: true }).waitFor();
  await screenshot(narrow, 'j17-revoked-link-home-320');
  await narrow.context().close();
});

test('18. the holder opening their own card sees 这是您的推荐卡 and keeps nothing', async () => {
  const code = (await call('referral', OWNER, 'getMyCard', {})).code as string;
  for (const width of [375, 320]) {
    const page = await newPage(width);
    await signIn(page, OWNER);
    await page.goto(landingUrl(code));
    const own = page.getByTestId('landing-own-card');
    await own.waitFor();
    expect(await page.getByTestId('landing-own-card-title').innerText()).toBe('这是您的推荐卡');
    expect(await own.innerText()).toContain(code);
    expect(await page.getByTestId('landing-invitation').count()).toBe(0);
    expect(await keptOnDevice(page)).toBe('');
    await expectTappable(page.getByTestId('landing-own-card-open'));
    await expectTappable(page.getByTestId('landing-own-card-share'));
    await screenshot(page, `j18-own-card-${width}`);
    if (width === 375) {
      await page.getByTestId('landing-own-card-open').click();
      expect((await page.getByTestId('card-code').innerText()).trim()).toBe(code);
      // The rules the holder reads are the ones applied (R2's lead time, R9's rewards).
      const rules = page.getByTestId('card-rules');
      expect(await rules.innerText()).toContain(
        '到院当天才预约或登记的不计为老带新推荐，但推荐关系保留，您与好友的奖励照常发放',
      );
      await rules.scrollIntoViewIfNeeded();
      await page.getByTestId('rewards-balance').waitFor();
      await screenshot(page, 'j18-card-rules-375');
    }
    await page.context().close();
  }
});

test('19. a typed code on the booking form, for a visit the same day: the R2 notice, and the booking counts as 好友推荐', async () => {
  const code = (await call('referral', FRIEND_CODE_HOLDER, 'getMyCard', {})).code as string;
  // Tomorrow 08:00 in Shanghai on both clocks, so that the day's slots are all still ahead.
  const today = await clinicDate(1);
  const at = new Date(`${today}T08:00:00+08:00`);
  await fetch(`${env.stack.url}/api/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ now: at.toISOString() }),
  });

  const narrow = await newPage(320);
  await narrow.clock.setFixedTime(at);
  await signIn(narrow, NEWCOMER_1);
  await narrow.goto(`${env.stack.url}/#/pages/booking/index`);
  await expectTappable(narrow.getByTestId('booking-referral-open'));
  await narrow.getByTestId('booking-referral-open').click();
  const input = narrow.getByTestId('booking-referral-input').locator('input');
  await input.fill(code.slice(0, 5).toLowerCase());
  await narrow.getByTestId('booking-referral-apply').click();
  expect(await narrow.getByTestId('error-referral').innerText()).toBe('推荐码位数不对，请核对后重新输入');
  await expectTappable(narrow.getByTestId('booking-referral-apply'));
  await screenshot(narrow, 'j19-typed-code-error-320');
  await narrow.context().close();

  const page = await newPage();
  await page.clock.setFixedTime(at);
  await signIn(page, NEWCOMER_1);
  await page.goto(`${env.stack.url}/#/pages/booking/index`);
  await page.getByTestId('booking-referral-open').click();
  const typed = page.getByTestId('booking-referral-input').locator('input');
  await typed.fill(`${code.slice(0, 4).toLowerCase()}-${code.slice(4).toLowerCase()}`);
  expect(await typed.inputValue()).toBe(code);
  await page.getByTestId('booking-referral-apply').click();
  const applied = page.getByTestId('booking-referral-applied');
  await applied.waitFor();
  expect(await applied.innerText()).toContain('好友 刘* 的邀请');
  await expectTappable(page.getByTestId('booking-referral-change'));
  await expectTappable(page.getByTestId('booking-referral-remove'));

  const date = await chooseVisit(page, today);
  const note = page.getByTestId('date-note');
  if (date === today) {
    await note.waitFor();
    expect(await note.innerText()).toContain('您选择了今天到院：门店不计为老带新推荐，但推荐关系保留');
  } else {
    // 一店 closed that day: a later day says nothing.
    expect(await note.count()).toBe(0);
  }
  await fillContact(page, '林小雨', '17000000011');
  await screenshot(page, 'j19-typed-code-same-day-375');
  await submitBooking(page);
  const result = page.getByTestId('booking-result');
  await page.getByTestId('booking-success').waitFor();
  expect(await result.innerText()).toContain('好友推荐');
  if (date === today) {
    expect(await page.getByTestId('result-referral-note').innerText()).toMatch(/^当天到院的预约：门店不计为老带新推荐/);
  }
  await screenshot(page, 'j19-typed-code-result-375');
  await page.context().close();

  // The referral is the holder's (R9): her list has the friend, whatever the clinic's count.
  const referrals = await call('referral', FRIEND_CODE_HOLDER, 'listMyReferrals', {});
  expect(referrals.items.map((i: { maskedPhone: string }) => i.maskedPhone)).toContain('170****0011');
});
