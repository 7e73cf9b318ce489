/**
 * The referral poster (H5 build, real local cloud): 王丽 opens her card at 375 and 320 px, makes each
 * template, and the PNG is checked — its size, that each template is its own picture — and kept in
 * artifacts/e2e/poster-<template>-<width>.png with the card page around it (poster-card-…) to look at.
 * The last template chosen is kept on the device; where a browser can share files, 分享给好友 hands
 * over the PNG (Web Share API), and where it cannot the button is not shown.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, phonePage } from '../support/browser';
import { signIn } from '../support/gateway';
import { journeyStack } from '../support/journey';

const env = journeyStack();
const CUSTOMER = 'demo-customer-wangli'; // 王丽: shown to friends as 王*
const TEMPLATES = [
  ['simple', '简约'],
  ['gift', '礼遇'],
  ['blossom', '花漾'],
] as const;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function openCard(page: Page): Promise<string> {
  await signIn(page, env.stack, CUSTOMER);
  await page.getByTestId('home-card').click();
  return (await page.getByTestId('card-code').innerText()).trim();
}

/** The poster of `template` once drawn: the bytes of its PNG (the 保存海报 link's data URL). */
async function posterOf(page: Page, template: string): Promise<Buffer> {
  await page.locator(`[data-testid="card-poster-image"][data-template="${template}"]`).waitFor();
  await page.getByTestId('card-poster-drawing').waitFor({ state: 'detached' });
  const href = (await page.getByTestId('card-poster-download').getAttribute('href')) ?? '';
  expect(href).toMatch(/^data:image\/png;base64,/);
  return Buffer.from(href.slice(href.indexOf(',') + 1), 'base64');
}

test.each([375, 320])('王丽 makes each poster template at %i px: a 1200 px PNG each, all different', async (width) => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const page = await phonePage(env.browser, width);
  const code = await openCard(page);

  // A template is chosen before the first poster; each next chip redraws it at once.
  await page.getByTestId('poster-template-simple').click();
  expect(await page.getByTestId('poster-template-simple').getAttribute('data-selected')).toBe('true');
  await page.getByTestId('card-poster-make').click();
  const pictures = new Set<string>();
  for (const [template, label] of TEMPLATES) {
    if (template !== 'simple') await page.getByTestId(`poster-template-${template}`).click();
    const bytes = await posterOf(page, template);
    writeFileSync(path.join(ARTIFACTS, `poster-${template}-${width}.png`), bytes);
    pictures.add(createHash('sha256').update(bytes).digest('hex'));

    const size = pngSize(bytes);
    expect(size.width).toBe(1200);
    expect(size.height).toBeGreaterThan(1700);
    expect(size.height).toBeLessThan(2500);
    expect(await page.getByTestId('card-poster-download').getAttribute('download')).toBe(
      `推荐海报-${code}-${label}.png`,
    );
    // The page shows that picture, fitted to the card's width.
    const shown = await page.evaluate(() => {
      const el = document.querySelector('[data-testid="card-poster-image"]');
      const img = (el?.querySelector('img') ?? el) as HTMLImageElement;
      const panel = document.querySelector('[data-testid="card-poster"]') as HTMLElement;
      return {
        natural: img.naturalWidth,
        width: img.getBoundingClientRect().width,
        panel: panel.getBoundingClientRect().width,
      };
    });
    expect(shown.natural).toBe(1200);
    expect(shown.width).toBeGreaterThan(shown.panel * 0.8);
    expect(shown.width).toBeLessThanOrEqual(shown.panel);
    // The panel is taller than the phone: grow the viewport for the shot (Taro's page scrolls inside itself).
    await page.setViewportSize({ width, height: 1800 });
    await page.getByTestId('card-poster').scrollIntoViewIfNeeded();
    await page
      .getByTestId('card-poster')
      .screenshot({ path: path.join(ARTIFACTS, `poster-card-${template}-${width}.png`) });
    await page.setViewportSize({ width, height: 740 });
  }
  expect(pictures.size).toBe(3);
  // Headless Chromium on Linux cannot share files: no 分享 button, 保存海报 only.
  expect(await page.getByTestId('card-poster-share').count()).toBe(0);

  // The last choice is this device's next start.
  await page.reload();
  await page.getByTestId('card-code').waitFor();
  expect(await page.getByTestId('poster-template-blossom').getAttribute('data-selected')).toBe('true');
  expect(await page.getByTestId('poster-template-simple').getAttribute('data-selected')).toBe('false');
  await page.context().close();
});

test('where the browser can share files, 分享给好友 hands the PNG to the share sheet', async () => {
  const page = await phonePage(env.browser, 375);
  // A phone browser's Web Share API (Chromium on Linux has none).
  await page.addInitScript(() => {
    const nav = navigator as Navigator & { __shared?: unknown };
    nav.canShare = (data?: ShareData) => !!data?.files?.length && data.files.every((f) => f.type === 'image/png');
    nav.share = async (data?: ShareData) => {
      nav.__shared = {
        title: data?.title,
        files: (data?.files ?? []).map((f) => ({ name: f.name, type: f.type, size: f.size })),
      };
    };
  });
  const code = await openCard(page);
  await page.getByTestId('poster-template-gift').click();
  await page.getByTestId('card-poster-make').click();
  const bytes = await posterOf(page, 'gift');
  await page.getByTestId('card-poster-share').click();
  const shared = await page.waitForFunction(() => (navigator as Navigator & { __shared?: unknown }).__shared);
  expect(await shared.jsonValue()).toEqual({
    title: expect.any(String),
    files: [{ name: `推荐海报-${code}-礼遇.png`, type: 'image/png', size: bytes.length }],
  });
  await page.context().close();
});
