// Journeys 1–4 of e2e/journeys/*.e2e.ts for WeChat DevTools (miniprogram-automator 0.12).
//
// The weapp build renders no data-* attributes, so elements are found by their class names and
// text (the same elements the browser journeys find by data-testid). WeChat's own dialogs
// (modal, clipboard, album, subscribe) are mocked; the getPhoneNumber button is triggered with a
// code from E2E_PHONE_CODE when given.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const artifacts = path.join(root, 'artifacts', 'automator');

const env = {
  /** A fresh getPhoneNumber code of the DevTools account (optional: binding is skipped without it). */
  phoneCode: process.env.E2E_PHONE_CODE,
  /** A referral code of another existing customer (journey 2 books through it). */
  referralCode: process.env.E2E_REFERRAL_CODE,
  /** The phone journey 2 books with (a number nobody has filed in that environment). */
  newPhone: process.env.E2E_NEW_PHONE ?? '17000000001',
};

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Waits until `find` returns something truthy (DevTools renders asynchronously). */
async function until(find, what, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = await find();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(300);
  }
}

/** The first element matching `selector` whose text contains `text`. */
async function byText(page, selector, text) {
  for (const el of await page.$$(selector)) {
    if ((await el.text()).includes(text)) return el;
  }
  return null;
}

async function tapText(page, selector, text) {
  const el = await until(() => byText(page, selector, text), `${selector} “${text}”`);
  await el.tap();
  await sleep(300);
}

/** 同意并提交预约, then the 隐私保护指引 popup if WeChat asks for it (first time on this account). */
async function submitBooking(page) {
  await tapText(page, '.btn', '同意并提交预约');
  const agree = await byText(page, '.privacy-popup .btn', '同意并继续');
  if (agree) {
    await agree.tap();
    await sleep(300);
  }
}

async function shot(miniProgram, name) {
  mkdirSync(artifacts, { recursive: true });
  await miniProgram.screenshot({ path: path.join(artifacts, `${name}.png`) }).catch(() => undefined);
}

async function mockDialogs(miniProgram) {
  await miniProgram.mockWxMethod('showModal', { confirm: true, cancel: false, errMsg: 'showModal:ok' });
  await miniProgram.mockWxMethod('setClipboardData', { errMsg: 'setClipboardData:ok' });
  await miniProgram.mockWxMethod('saveImageToPhotosAlbum', { errMsg: 'saveImageToPhotosAlbum:ok' });
  await miniProgram.mockWxMethod('showShareImageMenu', { errMsg: 'showShareImageMenu:ok' });
}

let cardCode = '';
let bookingCode = '';

export const journeys = [
  {
    name: '1. existing customer: phone, card, QR, poster, copy share path',
    async run(miniProgram) {
      await mockDialogs(miniProgram);
      let page = await miniProgram.reLaunch('/pages/index/index');
      await until(() => page.$('.member'), 'who the person is (新客 / 老客)');
      if (env.phoneCode && !(await page.$('.member__phone'))) {
        // Not linked to a customer record yet: bind the phone on 我的, then back to 首页.
        page = await miniProgram.switchTab('/pages/mine/index');
        const bind = await until(() => page.$('.bind-phone button'), 'the 绑定手机号 button');
        await bind.trigger('getphonenumber', { code: env.phoneCode, errMsg: 'getPhoneNumber:ok' });
        await until(() => page.$('.member__phone'), 'the phone on record');
        page = await miniProgram.switchTab('/pages/index/index');
      }
      await until(
        () => page.$('.home-card-entry'),
        'the card entry (the DevTools account must be an existing customer)',
      );
      page = await miniProgram.navigateTo('/packages/customer/pages/card/index');
      const code = await until(() => page.$('.card-page__code'), 'the card code');
      cardCode = (await code.text()).trim();
      assert(/^[2-9A-HJKMNP-Z]{8}$/.test(cardCode), `unexpected code ${cardCode}`);
      await until(() => page.$('.card-page__qr image, .card-page__qr canvas'), 'the QR');
      await tapText(page, '.card-page__template', '礼遇');
      await tapText(page, '.btn', '生成海报');
      const first = await until(() => page.$('.card-page__poster-image'), 'the poster');
      const firstSrc = await first.attribute('src');
      await tapText(page, '.card-page__poster-action', '保存到相册');
      // Another template redraws the poster at once.
      await tapText(page, '.card-page__template', '简约');
      await until(
        async () => (await (await page.$('.card-page__poster-image'))?.attribute('src')) !== firstSrc,
        'the 简约 poster',
      );
      await shot(miniProgram, 'a1-card-poster');
      await tapText(page, '.card-page__poster-action', '分享给好友');
      // The card goes to a chat with WeChat's own share button (no path to copy in the mini-program).
      await until(() => byText(page, '.card-page__action', '分享给好友'), 'the share button');
      await shot(miniProgram, 'a1-card');
      return `code ${cardCode}`;
    },
  },
  {
    name: '2. new customer: landing, booking tomorrow, booking code; again → existing appointment',
    async run(miniProgram) {
      await mockDialogs(miniProgram);
      await miniProgram.mockWxMethod('requestSubscribeMessage', { errMsg: 'requestSubscribeMessage:ok' });
      const code = env.referralCode ?? cardCode;
      let page = await miniProgram.reLaunch(`/pages/landing/index?code=${code}`);
      const title = await until(() => page.$('.landing__title'), 'the invitation');
      assert((await title.text()).includes('邀请您'), 'invitation text');
      await shot(miniProgram, 'a2-landing');
      page = await miniProgram.switchTab('/pages/booking/index');
      await until(() => page.$('.notice--info'), '由 … 推荐');
      await (await until(() => page.$('.booking__store'), 'a store')).tap();
      await (await until(() => page.$('.chip'), 'a project')).tap();
      // Tomorrow or the next open day: the second enabled day from today.
      const days = await until(async () => {
        const all = await page.$$('.calendar__day');
        const open = [];
        for (const d of all) if (!(await d.attribute('class')).includes('disabled')) open.push(d);
        return open.length > 1 ? open : null;
      }, 'open days');
      await days[1].tap();
      const slot = await until(async () => {
        for (const s of await page.$$('.slot')) if (!(await s.attribute('class')).includes('disabled')) return s;
        return null;
      }, 'a free slot');
      await slot.tap();
      const inputs = await page.$$('.field__input');
      await inputs[0].input('林小雨');
      await inputs[1].input(env.newPhone);
      await submitBooking(page);
      const codeEl = await until(() => page.$('.booking-result__code'), 'the booking code');
      bookingCode = (await codeEl.text()).trim();
      assert(/^[2-9A-HJKMNP-Z]{7}$/.test(bookingCode), `unexpected booking code ${bookingCode}`);
      await until(() => page.$('.code-qr canvas'), 'the booking QR');
      await tapText(page, '.btn', '开启到院提醒');
      await shot(miniProgram, 'a2-booked');

      page = await miniProgram.reLaunch('/pages/booking/index');
      await (await until(() => page.$('.booking__store'), 'a store')).tap();
      await (await until(() => page.$('.chip'), 'a project')).tap();
      const again = await until(async () => {
        const open = [];
        for (const d of await page.$$('.calendar__day'))
          if (!(await d.attribute('class')).includes('disabled')) open.push(d);
        return open.length > 2 ? open : null;
      }, 'open days');
      await again[2].tap();
      const slot2 = await until(async () => {
        for (const s of await page.$$('.slot')) if (!(await s.attribute('class')).includes('disabled')) return s;
        return null;
      }, 'a free slot');
      await slot2.tap();
      const inputs2 = await page.$$('.field__input');
      await inputs2[0].input('林小雨');
      await inputs2[1].input(env.newPhone);
      await submitBooking(page);
      await until(() => byText(page, '.notice__title', '您已有一个待到院的预约'), 'the existing appointment');
      const same = (await (await page.$('.booking-result__code')).text()).trim();
      assert(same === bookingCode, `expected ${bookingCode}, got ${same}`);
      return `booking ${bookingCode}`;
    },
  },
  {
    name: '3. my referrals shows the new customer as booked (masked)',
    async run(miniProgram) {
      if (env.referralCode) return 'skipped: the referral went to the E2E_REFERRAL_CODE customer';
      const page = await miniProgram.reLaunch('/packages/customer/pages/card/index');
      const row = await until(() => byText(page, '.list-row', '林*'), 'the referral row');
      const text = await row.text();
      assert(text.includes('已预约') && !text.includes('林小雨') && !text.includes(env.newPhone), text);
      await shot(miniProgram, 'a3-referrals');
      return undefined;
    },
  },
  {
    name: '4. mistyped code → home with a message; a full slot cannot be picked',
    async run(miniProgram) {
      const typo = (cardCode || env.referralCode || '34MJW8AR').slice(0, -1) + 'A';
      await miniProgram.reLaunch(`/pages/landing/index?code=${typo}`);
      const home = await until(async () => {
        const p = await miniProgram.currentPage();
        return p && p.path === 'pages/index/index' ? p : null;
      }, 'the fallback to home');
      const notice = await until(() => home.$('.notice__title'), 'the notice');
      assert((await notice.text()).includes('这份邀请无法使用'), 'notice text');
      await shot(miniProgram, 'a4-invalid-code');
      // Full slots: every slot marked 已约满 is disabled and does not select on tap.
      const page = await miniProgram.reLaunch('/pages/booking/index');
      await (await until(() => page.$('.booking__store'), 'a store')).tap();
      await (await until(() => page.$('.chip'), 'a project')).tap();
      const open = await until(async () => {
        const list = [];
        for (const d of await page.$$('.calendar__day'))
          if (!(await d.attribute('class')).includes('disabled')) list.push(d);
        return list.length > 1 ? list : null;
      }, 'open days');
      await open[1].tap();
      await until(() => page.$('.slot'), 'slots');
      const full = await byText(page, '.slot', '已约满');
      if (!full) return 'no full slot in this environment: fill one (as in booking-guards.e2e.ts) to check';
      await full.tap();
      assert(!(await full.attribute('class')).includes('selected'), 'a full slot was selected');
      return undefined;
    },
  },
];
