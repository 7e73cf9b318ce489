import { chromium, type Browser, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './stack';

export const ARTIFACTS = path.join(ROOT, 'artifacts', 'e2e');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/** A phone-sized page (iPhone SE width by default; 320 px is checked too). */
export async function phonePage(browser: Browser, width = 375): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 740 }, deviceScaleFactor: 2, locale: 'zh-CN' });
  // Playwright's 30 s default is short for a loaded 2-core machine.
  context.setDefaultTimeout(60_000);
  return context.newPage();
}

/** The whole page by default; `{ fullPage: false }` keeps the viewport (the top of a long list). */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  if (!fullPage) {
    await page.screenshot({ path: file });
    return file;
  }
  // Taro's H5 pages scroll inside their own container, which fullPage does not see: grow the
  // viewport to the content's height for the shot, then put it back.
  const viewport = page.viewportSize();
  const contentHeight = await page.evaluate(() =>
    Math.max(
      document.documentElement.scrollHeight,
      ...Array.from(document.querySelectorAll('.taro_page, .taro-tabbar__panel')).map((el) => el.scrollHeight),
    ),
  );
  if (viewport && contentHeight > viewport.height) {
    await page.setViewportSize({ width: viewport.width, height: Math.min(contentHeight, 6000) });
  }
  await page.screenshot({ path: file, fullPage: true });
  if (viewport) await page.setViewportSize(viewport);
  return file;
}
